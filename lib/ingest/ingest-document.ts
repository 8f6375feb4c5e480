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
import { agencyMissingError, findReportBySha, isAgencyNameMissing, storeEncoded, type EncodedInput } from "@/lib/db/upsert-report";
import type { IngestResult } from "@/lib/db/ingest-result";
import { ocrLimitsFromEnv } from "@/lib/ocr/ocr-document";
import { getParsePool, type ParsePool } from "@/lib/parse-pool";
import type { ParsedRow } from "@/lib/parse-pool/tasks";
import type { ReportSource } from "@/lib/db/report-row";
import { parsesQuickly } from "@/lib/report/media-type";
import { isScanRefusal } from "@/lib/report/parse-report";
import type { ParseFailureCode, ReportInput } from "@/lib/report/types";

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

/** What ingest does with a document once parsed: answer at once (bytes already stored), or store its row. */
export type PreparedDocument = { result: IngestResult } | { store: EncodedInput };

/** Markup (< > and entities' ampersand-hash) or control characters: never part of a government body's name. */
const MARKUP_OR_CONTROL = /[<>]|&#|[\u0000-\u001f\u007f]/;

/** Parser failures that mean "over a limit" (the document may be a report, but it costs too much): 422 limit-exceeded. */
const LIMIT_CODES = new Set<ParseFailureCode>([
  "timeout",
  "too-many-pages",
  "too-large-unpacked",
  "too-deep",
  "too-long-text",
  "out-of-memory",
  "worker-crashed",
  "ocr-page-limit",
]);

/**
 * Parses in the pool: first without OCR under the pool's time limit; a scan (an image-only PDF, a PNG/JPEG) is then
 * read again with OCR in a worker, under the OCR document time limit (OCR_DOCUMENT_TIMEOUT_MS) plus a margin.
 */
async function parseInPool(
  pool: ParsePool,
  input: ReportInput,
  source: Omit<ReportSource, "bytes">,
  onOcrProgress?: (done: number, total: number) => void,
): Promise<ParsedRow> {
  const parsed = await pool.parseRow(input, source);
  if (parsed.ok || !("bytes" in input)) return parsed;
  if (!isScanRefusal(parsed, input)) return parsed;
  const timeoutMs = ocrLimitsFromEnv().documentTimeoutMs + 30_000;
  return pool.parseRow(input, source, { ocr: true, timeoutMs, onProgress: onOcrProgress });
}

export type IngestOptions = {
  /** the pool that parses (default: the process-wide `getParsePool()`); the bulk CLI passes its own `--workers N` pool */
  pool?: ParsePool;
};

/**
 * Parse a document for storing (in the parse worker pool: time and memory limits, never on the caller's thread).
 * Throws AppError "not-a-report" | "unsupported-media-type" | "limit-exceeded" with the parser's reason in `detail`
 * ("agency-missing" when the report names no agency).
 */
export async function prepareDocument(db: Db, input: IngestInput, options: IngestOptions = {}): Promise<PreparedDocument> {
  const { bytes, mediaType, parseInput } = toOriginal(input);
  const sha256 = sha256Hex(bytes);
  // text and HTML parse in ~2 ms, about a round trip: their identical-document check rides in the write statement;
  // PDF, DOCX and scans (seconds per page) cost far more to parse, so their sha256 is looked up first
  if (!parsesQuickly(mediaType)) {
    const existing = await findReportBySha(db, sha256);
    if (existing) return { result: existing };
  }
  const source = { sha256, mediaType, fileName: input.fileName, sourceUrl: input.sourceUrl };
  const parsed = await parseInPool(options.pool ?? getParsePool(), parseInput, source, input.onOcrProgress);
  if (parsed.ok && MARKUP_OR_CONTROL.test(parsed.agencyName ?? "")) {
    throw new AppError(
      "not-a-report",
      "报告的机关名称含有 HTML 标记或控制字符，不是正常的年度报告，拒绝导入。(the agency name holds markup or control characters)",
      "agency-name-invalid",
    );
  }
  // the parser reports it as an error finding (agency-missing) on a parsed document; a report must belong to a named body
  if (parsed.ok && isAgencyNameMissing(parsed.agencyName)) throw agencyMissingError();
  if (!parsed.ok) {
    const reason = parsed.error.code;
    const code =
      reason === "unsupported-media-type" ? "unsupported-media-type" : LIMIT_CODES.has(reason) ? "limit-exceeded" : "not-a-report";
    throw new AppError(code, parsed.error.message, parsed.error.code);
  }
  return { store: { row: parsed.row, bytes } };
}

/** Parse (in the pool), then store. Throws AppError("not-a-report" | "unsupported-media-type" | "limit-exceeded"). */
export async function ingestDocument(db: Db, input: IngestInput, options: IngestOptions = {}): Promise<IngestResult> {
  const prepared = await prepareDocument(db, input, options);
  return "result" in prepared ? prepared.result : storeEncoded(db, prepared.store);
}
