/**
 * The one table of input formats: file extension → media type → the parser's input kind, and magic-byte sniffing.
 * Used by the parser's dispatch (parse-report.ts), the HTTP reader (lib/ingest/read-ingest-request.ts) and the bulk
 * CLI (lib/ingest/ingest-files.ts). A new input format is one entry here plus its reader in lib/report (ARCHITECTURE.md).
 * Pure.
 */

/** The input kinds the parser reads. */
export type InputKind = "text" | "html" | "docx" | "doc" | "pdf" | "image" | "unknown";

type Format = {
  kind: Exclude<InputKind, "unknown">;
  /** the media type stored with the report and accepted by /api/ingest */
  mediaType: string;
  /** extensions that name this format (picked up from folders by the bulk CLI, and for uploads without a type) */
  extensions: readonly string[];
  /** further extensions the parser recognises when handed the file directly */
  alsoReads?: readonly string[];
  /** a declared media type containing one of these words (any case) is this format; the exact media type always is */
  mediaTypeWords?: readonly string[];
  /** parses in about a round trip (text, HTML): ingest skips the sha256 look-up before parsing; scans and PDFs do not */
  parsesQuickly?: boolean;
};

/** In the order a declared type or a name is matched (after the magic bytes, which win). */
export const FORMATS: readonly Format[] = [
  { kind: "pdf", mediaType: "application/pdf", extensions: [".pdf"], mediaTypeWords: ["pdf"] },
  {
    kind: "docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: [".docx"],
    mediaTypeWords: ["wordprocessingml"],
  },
  { kind: "doc", mediaType: "application/msword", extensions: [".doc"] },
  { kind: "doc", mediaType: "application/vnd.ms-works", extensions: [".wps"], mediaTypeWords: ["ms-works", "wps"] },
  { kind: "image", mediaType: "image/png", extensions: [".png"] },
  { kind: "image", mediaType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  {
    kind: "html",
    mediaType: "text/html",
    extensions: [".html", ".htm"],
    alsoReads: [".shtml"],
    mediaTypeWords: ["html"],
    parsesQuickly: true,
  },
  { kind: "text", mediaType: "text/plain", extensions: [".txt"], alsoReads: [".md"], mediaTypeWords: ["text/"], parsesQuickly: true },
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
  return FORMATS.some((f) => f.mediaType === mediaType && f.parsesQuickly === true);
}

/** Media type from a file name's extension, else the declared type (lower-case, no parameters); text/plain when neither. */
export function toMediaType(declared: string | null, fileName?: string): string {
  const fromName = mediaTypeOfFileName(fileName);
  const type = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  if ((type === "" || type === "application/octet-stream") && fromName) return fromName;
  return type || "text/plain";
}

/** True when the bytes begin with `magic`. */
export const startsWithBytes = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** OLE compound file (Word 97–2003 .doc, WPS .wps): D0 CF 11 E0 A1 B1 1A E1 */
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const MAGIC: readonly { kind: Exclude<InputKind, "unknown">; magic: readonly number[] }[] = [
  { kind: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: "doc", magic: OLE_MAGIC },
  { kind: "docx", magic: [0x50, 0x4b, 0x03, 0x04] },
  { kind: "image", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: "image", magic: [0xff, 0xd8, 0xff] },
];

/** The kind the bytes themselves say, or null: magic bytes win over a name or a declared type (a .wps that is a DOCX is a DOCX). */
export function sniffKind(bytes: Uint8Array): InputKind | null {
  return MAGIC.find((m) => startsWithBytes(bytes, m.magic))?.kind ?? null;
}

/** The media type the bytes' signature names (PDF, DOCX, .doc, PNG, JPEG), or undefined for text and unknown bytes. */
export function mediaTypeOfBytes(bytes: Uint8Array): string | undefined {
  const kind = sniffKind(bytes);
  if (kind === "image") return bytes[0] === 0x89 ? "image/png" : "image/jpeg";
  return kind ? FORMATS.find((f) => f.kind === kind)?.mediaType : undefined;
}

/** True when the bytes start like a PDF (`%PDF-` within the first KiB, as readers allow). */
export function isPdfBytes(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/**
 * Picks the kind from the magic bytes, then the media type, then the file extension, then an HTML start; else text.
 * A file named a PDF / Word / image but without its signature is read as that kind, which reports the damage.
 */
export function detectKind(bytes: Uint8Array, mediaType?: string, fileName?: string): InputKind {
  const sniffed = sniffKind(bytes);
  if (sniffed) return sniffed;
  const mt = (mediaType ?? "").toLowerCase();
  const ext = extensionOf(fileName);
  for (const f of FORMATS) {
    const byType = mt === f.mediaType || (f.mediaTypeWords ?? []).some((w) => (w.endsWith("/") ? mt.startsWith(w) : mt.includes(w)));
    if (byType || f.extensions.includes(ext) || (f.alsoReads ?? []).includes(ext)) return f.kind;
  }
  const head = String.fromCharCode(...bytes.subarray(0, 512)).toLowerCase();
  if (/^\s*(<!doctype html|<html|<head|<body|<meta|<table|<div|<p[ >])/.test(head)) return "html";
  return "text";
}
