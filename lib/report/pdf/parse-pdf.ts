/**
 * PDF input (PDF 年报): positioned text → layout text → the same parser as text input, then every
 * location gets the page and the cell's box. Scanned, encrypted, damaged and slow documents are
 * answered with a typed failure, never a crash or a hang.
 */
import { DEFAULT_PARSE_LIMITS, limitMessages } from "../limits";
import { isPdfBytes } from "../media-type";
import { parseText } from "../parse-text";
import { checkOcrValues } from "../ocr/check-ocr";
import type { Finding, ParseFailure, ParseResult, ParseSuccess, Provenance, SourceLocation } from "../types";
import { withPdfjsRejectionGuard } from "./pdfjs-rejection-guard";
import { PdfReadError, readPdfItems } from "./read-pdf-items";
import { locateRange, toLayoutText, type LayoutSpan, type LayoutText } from "./to-layout-text";

export type ParsePdfOptions = {
  /** time limit for the whole document in milliseconds (default 20 s) */
  timeoutMs?: number;
  /** most pages the document may declare (default 200, see ../limits.ts): checked before any page is read */
  maxPages?: number;
  /** most characters of layout text handed to the text parser (default 2,000,000) */
  maxTextChars?: number;
};

const DEFAULT_TIMEOUT_MS = 20_000;
/** below this many characters of text the document is treated as a scan */
const MIN_TEXT_CHARS = 20;

export { isPdfBytes };

export const PDF_NO_TEXT_LAYER_MESSAGE =
  "此 PDF 没有文字层（扫描图像），需要文字识别（OCR）才能读取 / this PDF has no text layer (scanned image): it needs OCR to be read";

function failure(code: ParseFailure["error"]["code"], message: string): ParseFailure {
  return { ok: false, error: { code, message } };
}

/** Reads a PDF and rebuilds its layout text; failures come back as `ParseFailure`. */
export async function extractPdfLayout(
  bytes: Uint8Array,
  options: ParsePdfOptions = {},
): Promise<(LayoutText & { hiddenTextPages: number[] }) | ParseFailure> {
  if (!isPdfBytes(bytes)) return failure("pdf-damaged", "不是有效的 PDF 文件（缺少 %PDF- 文件头） / not a PDF file (no %PDF- header)");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new PdfReadError("timeout", "timeout"));
    }, timeoutMs);
  });
  try {
    const maxPages = options.maxPages ?? DEFAULT_PARSE_LIMITS.maxPages;
    const items = await withPdfjsRejectionGuard(() => Promise.race([readPdfItems(bytes, controller.signal, maxPages), timeout]));
    const layout = toLayoutText(items);
    const chars = layout.text.replace(/\s/g, "").length;
    if (chars < MIN_TEXT_CHARS) return failure("pdf-no-text-layer", PDF_NO_TEXT_LAYER_MESSAGE);
    const maxTextChars = options.maxTextChars ?? DEFAULT_PARSE_LIMITS.maxTextChars;
    if (layout.text.length > maxTextChars) return failure("too-long-text", limitMessages.tooLongText(layout.text.length, maxTextChars));
    return { ...layout, hiddenTextPages: items.hiddenTextPages ?? [] };
  } catch (err) {
    if (err instanceof PdfReadError) {
      if (err.code === "timeout") {
        return failure(
          "timeout",
          `PDF 处理超时（超过 ${Math.round(timeoutMs / 1000)} 秒） / reading the PDF took longer than ${timeoutMs} ms`,
        );
      }
      return failure(err.code, err.message);
    }
    const detail = err instanceof Error ? err.message : String(err);
    return failure("pdf-damaged", `PDF 文件无法读取 / the PDF could not be read: ${detail}`);
  } finally {
    clearTimeout(timer);
  }
}

function withPage(loc: SourceLocation, spans: LayoutSpan[]): SourceLocation {
  const hit = locateRange(spans, loc.line, loc.start, loc.end);
  return hit ? { ...loc, page: hit.page, box: hit.box } : loc;
}

/** The location of the cell a finding names by row and column (e.g. 表四 review / total), if it has one. */
function cellLocation(f: Finding, provenance: Provenance): SourceLocation | undefined {
  if (f.row === undefined || f.column === undefined) return undefined;
  const keys = [`${f.row}[${f.column}]`, `${f.row}.${f.column}`, `requests.${f.row}[${f.column}]`, `reviewLitigation.${f.row}.${f.column}`];
  for (const key of keys) {
    const loc = provenance[key]?.loc;
    if (loc) return loc;
  }
  return undefined;
}

/**
 * Adds page and box to every location of the provenance and the findings; a finding without a
 * location that names a row and column gets that cell's location, so the page view can mark it.
 */
export function addPageBoxes(
  provenance: Provenance,
  findings: Finding[],
  spans: LayoutSpan[],
): { provenance: Provenance; findings: Finding[] } {
  const out: Provenance = {};
  for (const [path, p] of Object.entries(provenance)) out[path] = p.loc ? { ...p, loc: withPage(p.loc, spans) } : p;
  return {
    provenance: out,
    findings: findings.map((f) => {
      const loc = f.loc ?? cellLocation(f, out);
      return loc ? { ...f, loc: withPage(loc, spans) } : f;
    }),
  };
}

/**
 * Parses an annual report PDF from its bytes: the canonical document, provenance with page and box,
 * and findings, or a typed failure (`pdf-no-text-layer`, `pdf-encrypted`, `pdf-damaged`, `timeout`).
 */
export async function parsePdf(bytes: Uint8Array, options: ParsePdfOptions = {}): Promise<ParseResult> {
  const layout = await extractPdfLayout(bytes, options);
  if ("ok" in layout) return layout;
  const result = parseText(layout.text);
  if (!result.ok) return result;
  const { provenance, findings } = addPageBoxes(result.provenance, result.findings, layout.spans);
  const read = { ...result, provenance, findings, sourceText: layout.text, sourceKind: "pdf" as const };
  return layout.hiddenTextPages.length > 0 ? checkHiddenTextLayer(read, layout.hiddenTextPages) : read;
}

/**
 * A PDF whose text is an OCR program's hidden layer over scanned pages (扫描件加文字层): its digits are another
 * program's readings of an image, with the same misreads (8↔3, 1↔7, a dropped digit) but no confidence to go by.
 * Every number stated on such a page is checked as this parser checks its own OCR (check-ocr.ts): where an
 * identity fails, its numbers are withheld (null, with a finding) instead of kept as printed, since a misread
 * cannot be told from the report's own error. With no confidences, nothing is corrected and no number that the
 * identities leave alone is touched.
 */
export function checkHiddenTextLayer(result: ParseSuccess, hiddenTextPages: readonly number[]): ParseSuccess {
  const pages = new Set(hiddenTextPages);
  const provenance: Provenance = {};
  for (const [path, p] of Object.entries(result.provenance)) {
    const onHiddenPage = p.status === "stated" && p.loc?.page !== undefined && pages.has(p.loc.page);
    provenance[path] = onHiddenPage ? { ...p, source: "ocr" } : p;
  }
  const checked = checkOcrValues({ document: result.document, provenance, findings: result.findings }, new Map());
  const list = [...pages].sort((a, b) => a - b).join("、");
  const note: Finding = {
    code: "pdf-ocr-text-layer",
    severity: "info",
    message: `第 ${list} 页的文字是扫描件上的识别文字层（不可见文字），其中的数字按识别结果核验：不满足勾稽关系的数字按缺失处理`,
  };
  return { ...result, document: checked.document, provenance: checked.provenance, findings: [...checked.findings, note] };
}
