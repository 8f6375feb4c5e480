/**
 * Ingest one document: parse it, resolve its agency, store it as a new report or a new version, in ONE transaction.
 * The same code path serves POST /api/ingest, the bulk CLI and the first-start samples.
 *   identical bytes (sha256) already stored  → "unchanged" (no write)
 *   new agency + year                       → "created", version 1
 *   same agency + year, different document  → "new-version"; the old version is kept, isLatest moves
 * Two concurrent ingests of the same document give one report: the loser hits the unique sha256 and answers "unchanged".
 */
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sha256Hex } from "@/lib/ingest/sha256-hex";
import { findReportBySha, storeParsed, type StoreParsedInput } from "@/lib/db/upsert-report";
import type { IngestResult } from "@/lib/db/ingest-result";
import { createOcrRecognizer } from "@/lib/ocr/ocr-document";
import { parseReport } from "@/lib/report";
import { parsesQuickly } from "@/lib/report/media-type";
import type { ReportInput } from "@/lib/report/types";

/** One document to ingest: its original bytes (or text / HTML as a string) and where it came from. */
export type IngestInput = {
  bytes?: Uint8Array;
  text?: string;
  html?: string;
  /** e.g. text/plain, text/html, application/pdf; derived from text/html fields when absent */
  mediaType?: string;
  fileName?: string;
  sourceUrl?: string;
  /** OCR progress of a scan: pages done of pages (the bulk CLI shows it) */
  onOcrProgress?: (done: number, total: number) => void;
};

function toOriginal(input: IngestInput): { bytes: Uint8Array; mediaType: string; parseInput: ReportInput } {
  if (input.bytes) {
    const mediaType = input.mediaType ?? "application/octet-stream";
    return { bytes: input.bytes, mediaType, parseInput: { bytes: input.bytes, mediaType, fileName: input.fileName } };
  }
  if (input.html !== undefined) {
    return { bytes: new TextEncoder().encode(input.html), mediaType: "text/html", parseInput: { html: input.html } };
  }
  const text = input.text ?? "";
  return { bytes: new TextEncoder().encode(text), mediaType: "text/plain", parseInput: { text } };
}

/** What ingest does with a document once parsed: answer at once (bytes already stored), or store it. */
export type PreparedDocument = { result: IngestResult } | { store: StoreParsedInput };

/** Parse a document for storing. Throws AppError("not-a-report" | "unsupported-media-type") with the parser's reason. */
export async function prepareDocument(db: Db, input: IngestInput): Promise<PreparedDocument> {
  const { bytes, mediaType, parseInput } = toOriginal(input);
  const sha256 = sha256Hex(bytes);
  // text and HTML parse in ~2 ms, about a round trip: their identical-document check rides in the write statement;
  // PDF, DOCX and scans (seconds per page) cost far more to parse, so their sha256 is looked up first
  if (!parsesQuickly(mediaType)) {
    const existing = await findReportBySha(db, sha256);
    if (existing) return { result: existing };
  }
  // scans (image-only PDFs, PNG/JPEG) are read by OCR in the worker pool, within its page and time limits
  const parsed = await parseReport(parseInput, { ocr: createOcrRecognizer({ onProgress: input.onOcrProgress }) });
  if (!parsed.ok) {
    const byParser = { "unsupported-media-type": "unsupported-media-type", "ocr-page-limit": "scan-too-long", timeout: "parse-timeout" } as const;
    const code = byParser[parsed.error.code as keyof typeof byParser] ?? "not-a-report";
    throw new AppError(code, parsed.error.message, parsed.error.code);
  }
  return { store: { parsed, sha256, bytes, mediaType, fileName: input.fileName, sourceUrl: input.sourceUrl } };
}

/** Parse, then store. Throws AppError("not-a-report" | "unsupported-media-type") with the parser's reason. */
export async function ingestDocument(db: Db, input: IngestInput): Promise<IngestResult> {
  const prepared = await prepareDocument(db, input);
  return "result" in prepared ? prepared.result : storeParsed(db, prepared.store);
}
