/**
 * One entry point for every input: text, HTML, or bytes with a media type / file name (txt in
 * UTF-8 or GB18030/GBK, HTML with its charset, DOCX through mammoth → HTML).
 */
import { declaredCharset, decodeText, looksBinary } from "./decode-text";
import { detectKind } from "./media-type";
import { parseHtml } from "./parse-html";
import { parseText } from "./parse-text";
import type { ParseResult, ReportInput } from "./types";

export { detectKind, type InputKind } from "./media-type";

const fail = (code: "unreadable" | "unsupported-media-type" | "empty", message: string): ParseResult => ({ ok: false, error: { code, message } });

async function parseDocx(bytes: Uint8Array): Promise<ParseResult> {
  try {
    const mammoth = await import("mammoth");
    // mammoth's Node build reads { buffer }; its browser build reads { arrayBuffer }.
    const input =
      typeof Buffer !== "undefined"
        ? { buffer: Buffer.from(bytes) }
        : { arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
    const { value } = await mammoth.convertToHtml(input);
    const result = parseHtml(value);
    return result.ok ? { ...result, sourceKind: "docx" } : result;
  } catch {
    return fail("unreadable", "无法读取该 DOCX 文件（文件损坏或不是 Word 文档）");
  }
}

/** Parses a report from text, HTML or bytes. Resolves to a failure result, never rejects, for bad input. */
export async function parseReport(input: ReportInput): Promise<ParseResult> {
  if ("text" in input) return parseText(input.text);
  if ("html" in input) return parseHtml(input.html);
  const { bytes, mediaType, fileName } = input;
  if (bytes.length === 0) return fail("empty", "文件为空，没有可读取的内容");
  const kind = detectKind(bytes, mediaType, fileName);
  if (kind === "pdf") return (await import("./pdf")).parsePdf(bytes);
  if (kind === "docx") return parseDocx(bytes);
  if (looksBinary(bytes)) return fail("unreadable", "文件内容不是文本（二进制或已损坏），无法解析");
  if (kind === "html") return parseHtml(decodeText(bytes, declaredCharset(bytes)));
  return parseText(decodeText(bytes));
}
