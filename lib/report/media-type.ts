/**
 * The one table of input formats: file extension → media type → the parser's input kind, and magic-byte sniffing.
 * Used by the parser's dispatch (parse-report.ts), the HTTP reader (lib/ingest/read-ingest-request.ts) and the bulk
 * CLI (lib/ingest/ingest-files.ts). A new input format is one entry here plus its reader in lib/report (ARCHITECTURE.md).
 * Pure.
 */

/** The input kinds the parser reads. */
export type InputKind = "text" | "html" | "docx" | "pdf" | "unknown";

type Format = {
  kind: Exclude<InputKind, "unknown">;
  /** the media type stored with the report and accepted by /api/ingest */
  mediaType: string;
  /** extensions that name this format (picked up from folders by the bulk CLI, and for uploads without a type) */
  extensions: readonly string[];
  /** further extensions the parser recognises when handed the file directly */
  alsoReads?: readonly string[];
  /** a media type containing one of these words (any case) is this format */
  mediaTypeWords: readonly string[];
  /** parses in about a round trip (text, HTML): ingest skips the sha256 look-up before parsing */
  parsesQuickly: boolean;
};

export const FORMATS: readonly Format[] = [
  { kind: "pdf", mediaType: "application/pdf", extensions: [".pdf"], mediaTypeWords: ["pdf"], parsesQuickly: false },
  {
    kind: "docx", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: [".docx"],
    mediaTypeWords: ["wordprocessingml"], parsesQuickly: false,
  },
  { kind: "html", mediaType: "text/html", extensions: [".html", ".htm"], alsoReads: [".shtml"], mediaTypeWords: ["html"], parsesQuickly: true },
  { kind: "text", mediaType: "text/plain", extensions: [".txt"], alsoReads: [".md"], mediaTypeWords: [], parsesQuickly: true },
];

/** Media types by file extension (".pdf" → "application/pdf"); files in folders with other extensions are skipped. */
export const MEDIA_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  FORMATS.flatMap((f) => f.extensions.map((ext) => [ext, f.mediaType] as const)),
);

/** The extension of a file name, lower-case with its dot (".pdf"), or "". */
export function extensionOf(fileName: string | undefined): string {
  return fileName?.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? "";
}

/** The media type a file name's extension names, if any. */
export function mediaTypeOfFileName(fileName: string | undefined): string | undefined {
  return MEDIA_TYPES[extensionOf(fileName)];
}

/** True when /api/ingest and the bulk CLI accept this media type. */
export function isSupportedMediaType(mediaType: string): boolean {
  return FORMATS.some((f) => f.mediaType === mediaType);
}

/** True for the formats that parse in about a round trip (text, HTML). */
export function parsesQuickly(mediaType: string): boolean {
  return FORMATS.some((f) => f.mediaType === mediaType && f.parsesQuickly);
}

/** Media type from a file name's extension, else the declared type (lower-case, no parameters); text/plain when neither. */
export function toMediaType(declared: string | null, fileName?: string): string {
  const fromName = mediaTypeOfFileName(fileName);
  const type = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  if ((type === "" || type === "application/octet-stream") && fromName) return fromName;
  return type || "text/plain";
}

/** True when the bytes start like a PDF (`%PDF-` within the first KiB, as readers allow). */
export function isPdfBytes(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** The kind the bytes themselves show: PDF header, ZIP (DOCX) header, an HTML start, else text. */
export function sniffKind(bytes: Uint8Array): Exclude<InputKind, "unknown"> {
  if (isPdfBytes(bytes)) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  const head = String.fromCharCode(...bytes.subarray(0, 512)).toLowerCase();
  if (/^\s*(<!doctype html|<html|<head|<body|<meta|<table|<div|<p[ >])/.test(head)) return "html";
  return "text";
}

/** Picks the kind from the media type, the file extension, then the magic bytes. */
export function detectKind(bytes: Uint8Array, mediaType?: string, fileName?: string): InputKind {
  const mt = (mediaType ?? "").toLowerCase();
  const ext = extensionOf(fileName);
  for (const f of FORMATS) {
    const named = f.extensions.includes(ext) || (f.alsoReads ?? []).includes(ext);
    if (f.mediaTypeWords.some((w) => mt.includes(w)) || named || (f.kind === "text" && mt.startsWith("text/"))) return f.kind;
  }
  return sniffKind(bytes);
}
