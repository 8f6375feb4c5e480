/**
 * Bulk ingest of files and folders (recursive) through `ingestDocument`: used by `npm run ingest`,
 * `npm run bench:ingest` and the first-start samples.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ingestDocument } from "@/lib/ingest/ingest-document";
import type { IngestOutcome } from "@/lib/ingest/ingest-result";
import type { ParsePool } from "@/lib/parse-pool";

/** Media types by file extension; files in folders with other extensions are skipped. */
export const MEDIA_TYPES: Record<string, string> = {
  ".txt": "text/plain",
  ".html": "text/html",
  ".htm": "text/html",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".pdf": "application/pdf",
  ".doc": "application/msword",
  ".wps": "application/vnd.ms-works",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
};

export type IngestFailure = { file: string; code: string; message: string };
export type IngestSummary = { created: number; unchanged: number; newVersions: number; failures: IngestFailure[] };
export type IngestProgress = { done: number; total: number; file: string; outcome: IngestOutcome | "failed" };
export type IngestFilesOptions = {
  /** documents in flight (parsing or writing); default 1 */
  concurrency?: number;
  onProgress?: (p: IngestProgress) => void;
  /** the parse worker pool (default: the process-wide one) */
  pool?: ParsePool;
};

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

async function ingestFile(db: Db, file: string, pool?: ParsePool): Promise<IngestOutcome> {
  const bytes = new Uint8Array(await readFile(file));
  const mediaType = MEDIA_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  const result = await ingestDocument(db, { bytes, mediaType, fileName: path.basename(file) }, { pool });
  return result.outcome;
}

/** Ingest every file; failures are collected with their reason, never thrown. */
export async function ingestFiles(db: Db, paths: string[], { concurrency = 1, onProgress, pool }: IngestFilesOptions = {}): Promise<IngestSummary> {
  const files = await listIngestFiles(paths);
  const summary: IngestSummary = { created: 0, unchanged: 0, newVersions: 0, failures: [] };
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const file = files[next++]!;
      let outcome: IngestOutcome | "failed";
      try {
        outcome = await ingestFile(db, file, pool);
        if (outcome === "created") summary.created++;
        else if (outcome === "new-version") summary.newVersions++;
        else summary.unchanged++;
      } catch (err) {
        outcome = "failed";
        const code = err instanceof AppError ? (err.detail ?? err.code) : "internal";
        summary.failures.push({ file, code, message: err instanceof Error ? err.message : String(err) });
      }
      onProgress?.({ done: ++done, total: files.length, file, outcome });
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return summary;
}
