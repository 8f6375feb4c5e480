/**
 * One entry point for every input: text, HTML, or bytes with a media type / file name (txt in
 * UTF-8 or GB18030/GBK, HTML with its charset, DOCX through mammoth → HTML).
 */
import { declaredCharset, decodeText, looksBinary } from "./decode-text";
import { LimitExceeded, limitMessages, resolveLimits, type ParseLimits } from "./limits";
import { parseHtml } from "./parse-html";
import { parseText } from "./parse-text";
import type { ParseFailureCode, ParseResult, ReportInput } from "./types";
import { checkZipLimits } from "./zip-limits";

export type ParseReportOptions = {
  /** declared-size limits (pages, unpacked size, depth, text length); defaults in limits.ts */
  limits?: Partial<ParseLimits>;
};

/** The input kinds this entry point reads. */
export type InputKind = "text" | "html" | "docx" | "pdf" | "unknown";

/** Picks the kind from the media type, the file extension, then the magic bytes. */
export function detectKind(bytes: Uint8Array, mediaType?: string, fileName?: string): InputKind {
  const mt = (mediaType ?? "").toLowerCase();
  const ext = (fileName ?? "").toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (mt.includes("pdf") || ext === "pdf") return "pdf";
  if (mt.includes("wordprocessingml") || ext === "docx") return "docx";
  if (mt.includes("html") || ext === "html" || ext === "htm" || ext === "shtml") return "html";
  if (mt.startsWith("text/") || ext === "txt" || ext === "md") return "text";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  const head = String.fromCharCode(...bytes.subarray(0, 512)).toLowerCase();
  if (/^\s*(<!doctype html|<html|<head|<body|<meta|<table|<div|<p[ >])/.test(head)) return "html";
  return "text";
}

const fail = (code: ParseFailureCode, message: string): ParseResult => ({ ok: false, error: { code, message } });

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

async function parseAny(input: ReportInput, limits: ParseLimits): Promise<ParseResult> {
  if ("text" in input) return parseLimitedText(input.text, limits);
  if ("html" in input) return parseHtml(input.html, limits);
  const { bytes, mediaType, fileName } = input;
  if (bytes.length === 0) return fail("empty", "文件为空，没有可读取的内容");
  const kind = detectKind(bytes, mediaType, fileName);
  if (kind === "pdf") return (await import("./pdf")).parsePdf(bytes, { maxPages: limits.maxPages, maxTextChars: limits.maxTextChars });
  if (kind === "docx") return parseDocx(bytes, limits);
  if (looksBinary(bytes)) return fail("unreadable", "文件内容不是文本（二进制或已损坏），无法解析");
  if (kind === "html") return parseHtml(decodeText(bytes, declaredCharset(bytes)), limits);
  return parseLimitedText(decodeText(bytes), limits);
}

/**
 * Parses a report from text, HTML or bytes. Resolves to a failure result, never rejects: a document over a declared
 * limit gets its limit's code, anything the parser itself throws on (a bug, a stack overflow) becomes `unreadable`.
 * It does NOT bound time or memory: run untrusted bytes through the parse worker pool (lib/parse-pool), which does.
 */
export async function parseReport(input: ReportInput, options: ParseReportOptions = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  try {
    return await parseAny(input, limits);
  } catch (err) {
    if (err instanceof LimitExceeded) return fail(err.code, err.message);
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return fail("unreadable", `解析该文件时出错，无法读取 / the parser failed on this file (${detail.slice(0, 200)})`);
  }
}
