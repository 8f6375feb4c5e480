/**
 * Hard limits on what one document may cost the parser (解析限额), checked from what the file DECLARES before the
 * work starts: a PDF's page count, a DOCX's unpacked size and entry count, HTML nesting depth, text length.
 * A document over a limit is refused with a typed failure (`too-many-pages`, `too-large-unpacked`, `too-deep`,
 * `too-long-text`), never parsed "a bit". The wall clock and memory limits live one level up, in the parse worker pool
 * (lib/parse-pool), which kills the worker: those are the limits that hold when a file lies about itself.
 */

export type ParseLimits = {
  /** most pages a PDF may declare (default 200; real annual reports have 5–40) */
  maxPages: number;
  /** most bytes a DOCX (zip) may unpack to, all entries together (default 50 MB) */
  maxUnpackedBytes: number;
  /** most entries a DOCX (zip) may hold (default 2,000; Word writes 10–50, more with many images) */
  maxZipEntries: number;
  /** deepest element nesting an HTML document may have (default 1,000; real pages stay under 100) */
  maxHtmlDepth: number;
  /** most characters of extracted text handed to the text parser (default 2,000,000; a real report has 10–50 k) */
  maxTextChars: number;
};

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxPages: 200,
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxHtmlDepth: 1_000,
  maxTextChars: 2_000_000,
};

/** The defaults with the given overrides (undefined keeps the default). */
export function resolveLimits(overrides: Partial<ParseLimits> = {}): ParseLimits {
  const out = { ...DEFAULT_PARSE_LIMITS };
  for (const key of Object.keys(out) as (keyof ParseLimits)[]) {
    const v = overrides[key];
    if (typeof v === "number" && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}

/** Thrown inside the parser when a declared size is over a limit; `parseReport` turns it into a `ParseFailure`. */
export class LimitExceeded extends Error {
  constructor(
    readonly code: "too-many-pages" | "too-large-unpacked" | "too-deep" | "too-long-text",
    message: string,
  ) {
    super(message);
    this.name = "LimitExceeded";
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

export const limitMessages = {
  tooManyPages: (declared: number, max: number) =>
    `PDF 声明了 ${declared} 页，超过上限 ${max} 页，拒绝解析 / the PDF declares ${declared} pages, more than the limit of ${max}`,
  tooLargeUnpacked: (how: "declared" | "actual" | "zip64", max: number) =>
    how === "zip64"
      ? `压缩包为 ZIP64 格式（超过 4 GB 或 65535 个条目），不是正常的 Word 文档，拒绝解析 / the file is a ZIP64 archive, which a Word document never needs`
      : `文件解压后${how === "declared" ? "声明" : "实际"}超过 ${mb(max)} 的上限，拒绝解析 / the file ${how === "declared" ? "declares that it unpacks" : "unpacks"} to more than ${mb(max)}`,
  tooManyEntries: (count: number, max: number) =>
    `压缩包含有 ${count} 个条目，超过上限 ${max} 个，拒绝解析 / the zip holds ${count} entries, more than the limit of ${max}`,
  tooDeep: (max: number) => `HTML 嵌套层级超过 ${max} 层，拒绝解析 / the HTML nests elements more than ${max} deep`,
  tooManyCells: () =>
    "HTML 表格展开后的单元格过多（rowspan/colspan），拒绝解析 / the HTML tables expand to too many cells (rowspan/colspan)",
  tooLongText: (chars: number, max: number) =>
    `提取的文字有 ${chars} 个字符，超过上限 ${max} 个，拒绝解析 / the extracted text has ${chars} characters, more than the limit of ${max}`,
};
