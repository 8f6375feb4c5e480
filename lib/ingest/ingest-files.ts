/**
 * Bulk ingest of files and folders (recursive) through `ingestDocument`: used by `npm run ingest`,
 * `npm run bench:ingest` and the first-start samples.
 */
import { readFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { IngestOutcome } from "@/lib/db/ingest-result";
import { createStatsRefresher } from "@/lib/db/planner-stats";
import { storeEncodedBatch, type BatchOutcome, type EncodedInput, type WriteStatement } from "@/lib/db/upsert-report";
import { prepareDocument, type PreparedDocument } from "@/lib/ingest/ingest-document";
import type { ParsePool } from "@/lib/parse-pool";
import { MEDIA_TYPES, mediaTypeOfFileName } from "@/lib/report/media-type";

export type IngestFailure = { file: string; code: string; message: string };
export type IngestSummary = { created: number; unchanged: number; newVersions: number; failures: IngestFailure[] };
export type IngestProgress = { done: number; total: number; file: string; outcome: IngestOutcome | "failed" };
/** A scan's OCR progress: pages read of pages. */
export type OcrPageProgress = { file: string; page: number; pages: number };
export type IngestFilesOptions = {
  /** documents in flight (parsing or writing); default 1 */
  concurrency?: number;
  /** the parse worker pool (default: the process-wide one) */
  pool?: ParsePool;
  /** each page of a scan read by OCR (the bulk CLI prints it) */
  onOcrPage?: (p: OcrPageProgress) => void;
  /** parsed documents written per transaction (default 16); a failing one rolls its batch back and is retried alone */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** how each batch's write statement runs (default: through the client; see WriteStatement) */
  write?: WriteStatement;
};

/**
 * Documents in flight for a pool of `workers` threads (the bulk CLI's and the bench's default): twice the workers, at
 * least 4, so while some chunks are being written the next ones are already parsing and no worker waits for the database.
 */
export function defaultIngestConcurrency(workers: number): number {
  return Math.max(4, 2 * workers);
}

/** Every file under the given paths: explicit files as given, folders walked for known extensions, sorted. */
export async function listIngestFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  async function walk(p: string, isExplicit: boolean): Promise<void> {
    const s = await stat(p);
    if (s.isDirectory()) {
      const entries = await readdir(p);
      for (const e of entries.sort()) await walk(path.join(p, e), false);
    } else if (isExplicit || path.extname(p).toLowerCase() in MEDIA_TYPES) files.push(p);
  }
  for (const p of paths) await walk(p, true);
  return files;
}

/**
 * Where a file was published: a sidecar `<file>.url` (one http(s) URL), else the entry for its name in a
 * `sources.tsv` manifest in its folder (lines "<file name><TAB or space><url>"); undefined when neither says.
 * `folder`, when given, lists the names in the file's folder: files it does not list are not tried (bulk ingest lists
 * each folder once instead of failing to open two files per document).
 */
export async function readSourceUrl(file: string, folder?: ReadonlySet<string>): Promise<string | undefined> {
  const isUrl = (text: string | undefined): text is string => Boolean(text && /^https?:\/\/\S+$/i.test(text));
  const listed = (name: string): boolean => !folder || folder.has(name);
  const sidecar = listed(`${path.basename(file)}.url`) ? await readFile(`${file}.url`, "utf8").catch(() => null) : null;
  const own = sidecar?.trim().split(/\s+/)[0];
  if (isUrl(own)) return own;
  if (!listed("sources.tsv")) return undefined;
  const manifest = await readFile(path.join(path.dirname(file), "sources.tsv"), "utf8").catch(() => null);
  for (const line of manifest?.split(/\r?\n/) ?? []) {
    const [name, url] = line.trim().split(/\s+/);
    if (name === path.basename(file) && isUrl(url)) return url;
  }
  return undefined;
}

async function prepareFile(
  db: Db,
  file: string,
  folder: ReadonlySet<string>,
  pool?: ParsePool,
  onOcrPage?: (p: OcrPageProgress) => void,
): Promise<PreparedDocument> {
  // read at once: a bulk run reads thousands of small files, and the async reader's four steps cost more than the read
  const bytes = new Uint8Array(readFileSync(file));
  const mediaType = mediaTypeOfFileName(file) ?? "application/octet-stream";
  const onOcrProgress = onOcrPage ? (page: number, pages: number) => onOcrPage({ file, page, pages }) : undefined;
  const sourceUrl = await readSourceUrl(file, folder);
  return prepareDocument(db, { bytes, mediaType, fileName: path.basename(file), sourceUrl, onOcrProgress }, { pool });
}

function toFailure(file: string, err: unknown): IngestFailure {
  const code = err instanceof AppError ? (err.detail ?? err.code) : "internal";
  return { file, code, message: err instanceof Error ? err.message : String(err) };
}

/**
 * Ingest every file; failures are collected with their reason, never thrown. `concurrency` workers each take up to
 * `batchSize` files, parse them, and write the parsed ones in one transaction (storeEncodedBatch: one report failing
 * leaves the others stored, each report all-or-nothing).
 */
export async function ingestFiles(
  db: Db,
  paths: string[],
  { concurrency = 1, batchSize = 16, onProgress, pool, onOcrPage, write }: IngestFilesOptions = {},
): Promise<IngestSummary> {
  const files = await listIngestFiles(paths);
  const summary: IngestSummary = { created: 0, unchanged: 0, newVersions: 0, failures: [] };
  let next = 0;
  let done = 0;
  const folders = new Map<string, Promise<Set<string>>>();
  const folderOf = (file: string): Promise<Set<string>> => {
    const dir = path.dirname(file);
    let names = folders.get(dir);
    if (!names) folders.set(dir, (names = readdir(dir).then((entries) => new Set(entries))));
    return names;
  };
  // the planner's statistics follow the store's growth during the run (see planner-stats)
  const stats = createStatsRefresher(db);
  const record = (file: string, outcome: IngestOutcome | "failed", err?: unknown): void => {
    if (outcome === "created") summary.created++;
    else if (outcome === "new-version") summary.newVersions++;
    else if (outcome === "unchanged") summary.unchanged++;
    else summary.failures.push(toFailure(file, err));
    onProgress?.({ done: ++done, total: files.length, file, outcome });
  };
  async function worker(): Promise<void> {
    while (next < files.length) {
      const chunk = files.slice(next, next + Math.max(1, batchSize));
      next += chunk.length;
      const toStore: { file: string; input: EncodedInput }[] = [];
      // the chunk's files parse side by side (in the pool's threads); stored in file order
      const prepared = await Promise.allSettled(chunk.map(async (file) => prepareFile(db, file, await folderOf(file), pool, onOcrPage)));
      prepared.forEach((p, i) => {
        const file = chunk[i]!;
        if (p.status === "rejected") record(file, "failed", p.reason);
        else if ("result" in p.value) record(file, p.value.result.outcome);
        else toStore.push({ file, input: p.value.store });
      });
      if (toStore.length === 0) continue;
      let outcomes: BatchOutcome[];
      try {
        outcomes = await storeEncodedBatch(
          db,
          toStore.map((s) => s.input),
          write,
        );
      } catch (err) {
        outcomes = toStore.map(() => ({ ok: false, error: err }));
      }
      outcomes.forEach((o, i) => (o.ok ? record(toStore[i]!.file, o.result.outcome) : record(toStore[i]!.file, "failed", o.error)));
      await stats.noteStored(outcomes.filter((o) => o.ok && o.result.outcome !== "unchanged").length);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return summary;
}
