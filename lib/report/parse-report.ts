/**
 * One entry point for every input: text, HTML, or bytes with a media type / file name (txt in
 * UTF-8 or GB18030/GBK, HTML with its charset, DOCX through mammoth → HTML).
 */
import { countReplacements, declaredCharset, decodeText, looksBinary } from "./decode-text";
import { LimitExceeded, limitMessages, resolveLimits, type ParseLimits } from "./limits";
import { detectKind, OLE_MAGIC, startsWithBytes } from "./media-type";
import { parseHtml } from "./parse-html";
import type { OcrRecognizer } from "./ocr/types";
import { parseText } from "./parse-text";
import type { ParseFailure, ParseFailureCode, ParseOptions, ParseResult, ReportInput } from "./types";
import { checkZipLimits } from "./zip-limits";

export type ParseReportOptions = ParseOptions & {
  /** declared-size limits (pages, unpacked size, depth, text length); defaults in limits.ts */
  limits?: Partial<ParseLimits>;
  /**
   * wall-clock limit of reading a PDF in milliseconds (default: parsePdf's 20 s). The parse pool passes its job's limit
   * (PARSE_TIMEOUT_MS), so the limit that deployment configures is the one a PDF meets.
   */
  pdfTimeoutMs?: number;
};

export { detectKind, sniffKind, type InputKind } from "./media-type";

const fail = (code: ParseFailureCode, message: string): ParseResult => ({ ok: false, error: { code, message } });

/**
 * The PDF reader (pdf.js and the layout code), imported on the first PDF and kept: `import()` of a loaded module still
 * asks the module loader each time, which in a parse worker run from source (tsx: the bulk CLI and its bench) is a
 * round trip to the loader's own thread per PDF (about 1 ms of CPU there and in the worker).
 */
let pdfModule: Promise<typeof import("./pdf")> | undefined;
const loadPdfModule = (): Promise<typeof import("./pdf")> =>
  (pdfModule ??= import("./pdf").catch((err: unknown) => {
    pdfModule = undefined;
    throw err;
  }));

/**
 * Word 97–2003 (.doc) and WPS (.wps) compound files through word-extractor: the document's text, table cells
 * separated by tabs and rows by newlines, then the text path. word-extractor reads the WordDocument stream,
 * which WPS Office writes into its .wps files too; a compound file without one (Works .wps, an .xls renamed) is refused.
 */
async function parseLegacyWord(bytes: Uint8Array, limits: ParseLimits): Promise<ParseResult> {
  if (!startsWithBytes(bytes, OLE_MAGIC)) return fail("unreadable", "不是有效的 Word 97–2003 / WPS 文件（缺少 OLE 复合文档文件头）");
  let text: string;
  try {
    const { default: WordExtractor } = await import("word-extractor");
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    text = doc.getBody();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return fail("unreadable", `无法读取该 DOC/WPS 文件（不是 Word 文档，或文件已损坏） / the .doc/.wps could not be read: ${detail}`);
  }
  const result = parseLimitedText(text, limits);
  return result.ok ? { ...result, sourceKind: "doc" } : result;
}

/** OCR of a scan through the injected recognizer, then the OCR parse; engine failures become typed failures. */
async function parseScan(bytes: Uint8Array, kind: "pdf" | "image", ocr: OcrRecognizer): Promise<ParseResult> {
  let pages;
  try {
    pages = kind === "pdf" ? await ocr.recognizePdf(bytes) : await ocr.recognizeImage(bytes);
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    const message = err instanceof Error ? err.message : String(err);
    if (name === "OcrPageLimitError") return { ok: false, error: { code: "ocr-page-limit", message } };
    if (name === "OcrTimeoutError") {
      return { ok: false, error: { code: "timeout", message: `扫描件识别超时 / OCR took too long: ${message}` } };
    }
    return { ok: false, error: { code: "unreadable", message: `扫描件无法识别 / the scan could not be read: ${message}` } };
  }
  const { parseOcrPages } = await import("./ocr/parse-ocr");
  return parseOcrPages(pages);
}

async function parseDocx(bytes: Uint8Array, limits: ParseLimits): Promise<ParseResult> {
  checkZipLimits(bytes, limits);
  try {
    const mammoth = await import("mammoth");
    // mammoth's Node build reads { buffer }; its browser build reads { arrayBuffer }.
    const input =
      typeof Buffer !== "undefined"
        ? { buffer: Buffer.from(bytes) }
        : { arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
    // the parser reads no images: never inflate them or inline them as data: URLs
    const convertImage = mammoth.images.imgElement(async () => ({ src: "" }));
    const { value } = await mammoth.convertToHtml(input, { convertImage });
    const result = parseHtml(value, limits);
    return result.ok ? { ...result, sourceKind: "docx" } : result;
  } catch {
    return fail("unreadable", "无法读取该 DOCX 文件（文件损坏或不是 Word 文档）");
  }
}

function parseLimitedText(text: string, limits: ParseLimits): ParseResult {
  if (text.length > limits.maxTextChars) return fail("too-long-text", limitMessages.tooLongText(text.length, limits.maxTextChars));
  return parseText(text);
}

async function parseAny(input: ReportInput, limits: ParseLimits, options: ParseReportOptions): Promise<ParseResult> {
  if ("text" in input) return parseLimitedText(input.text, limits);
  if ("html" in input) return parseHtml(input.html, limits);
  const { bytes, mediaType, fileName } = input;
  if (bytes.length === 0) return fail("empty", "文件为空，没有可读取的内容");
  const kind = detectKind(bytes, mediaType, fileName);
  if (kind === "pdf") {
    const { parsePdf } = await loadPdfModule();
    const result = await parsePdf(bytes, { maxPages: limits.maxPages, maxTextChars: limits.maxTextChars, timeoutMs: options.pdfTimeoutMs });
    if (!result.ok && result.error.code === "pdf-no-text-layer" && options.ocr) return parseScan(bytes, "pdf", options.ocr);
    return result;
  }
  if (kind === "image") {
    if (!options.ocr)
      return fail("unsupported-media-type", "图片需要文字识别（OCR），此处未启用 / images need OCR, which is not enabled here");
    return parseScan(bytes, "image", options.ocr);
  }
  if (kind === "docx") return parseDocx(bytes, limits);
  if (kind === "doc") return parseLegacyWord(bytes, limits);
  if (looksBinary(bytes)) return fail("unreadable", "文件内容不是文本（二进制或已损坏），无法解析");
  const text = kind === "html" ? decodeText(bytes, declaredCharset(bytes)) : decodeText(bytes);
  const result = kind === "html" ? parseHtml(text, limits) : parseLimitedText(text, limits);
  const replaced = countReplacements(text, bytes);
  if (!result.ok || replaced === 0) return result;
  const finding = {
    code: "encoding-replaced" as const,
    severity: "warning" as const,
    message: `文件有 ${replaced} 处不是有效的 UTF-8 字节，已按 UTF-8 读取并以 � 代替，请核对附近的文字`,
  };
  return { ...result, findings: [...result.findings, finding] };
}

/**
 * True when a parse without OCR refused these bytes as a scan: an image-only PDF ("pdf-no-text-layer") or an image
 * ("unsupported-media-type" of a PNG/JPEG). Ingest and the parse CLI then read them again with OCR.
 */
export function isScanRefusal(
  result: { ok: true } | ParseFailure,
  input: { bytes: Uint8Array; mediaType?: string; fileName?: string },
): boolean {
  if (result.ok) return false;
  if (result.error.code === "pdf-no-text-layer") return true;
  return result.error.code === "unsupported-media-type" && detectKind(input.bytes, input.mediaType, input.fileName) === "image";
}

/**
 * Parses a report from text, HTML or bytes. Resolves to a failure result, never rejects: a document over a declared
 * limit gets its limit's code, anything the parser itself throws on (a bug, a stack overflow) becomes `unreadable`.
 * It does NOT bound time or memory: run untrusted bytes through the parse worker pool (lib/parse-pool), which does.
 * Scans (an image-only PDF, a PNG/JPEG) need `options.ocr`; without it they are answered "pdf-no-text-layer".
 */
export async function parseReport(input: ReportInput, options: ParseReportOptions = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  try {
    return await parseAny(input, limits, options);
  } catch (err) {
    if (err instanceof LimitExceeded) return fail(err.code, err.message);
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return fail("unreadable", `解析该文件时出错，无法读取 / the parser failed on this file (${detail.slice(0, 200)})`);
  }
}
