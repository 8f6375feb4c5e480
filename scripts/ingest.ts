/**
 * Bulk ingest: `npm run ingest -- PATH...` (files, and folders walked recursively for .txt/.html/.docx/.doc/.wps/.pdf/.png/.jpg).
 * Scans are read by OCR in the worker pool (OCR_WORKERS), with a line per page read.
 * Same code path as POST /api/ingest. Progress on stderr, summary on stdout, exit 1 when any file failed.
 *   --batch N         parsed documents written per transaction (default 16; a failing one is retried alone)
 *   --concurrency N   documents in flight (default 4: each document is one short write statement, so there are no
 *                     long transactions to wait on; PostgreSQL and PGlite both checked at 4)
 * Target: DATABASE_URL or the PGlite folder PGLITE_DIR (stop the server first: one process per PGlite folder).
 */
import { getDb } from "@/lib/db/client";
import { ingestFiles, listIngestFiles, type IngestSummary } from "@/lib/ingest/ingest-files";
import { createProgressBar } from "@/lib/ingest/progress-bar";
import { shutdownOcrPool } from "@/lib/ocr/tesseract-pool";
import path from "node:path";

/** Parse `PATH... [--concurrency N]`. */
function parseArgs(argv: string[]): { paths: string[]; concurrency: number | null; batchSize: number | null } {
  const paths: string[] = [];
  let concurrency: number | null = null;
  let batchSize: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--concurrency") concurrency = Number(argv[++i]);
    else if (a === "--batch") batchSize = Number(argv[++i]);
    else paths.push(a);
  }
  return { paths, concurrency, batchSize };
}

/** The closing summary, failures with their reasons. */
export function formatSummary(s: IngestSummary, seconds: number): string {
  const total = s.created + s.newVersions + s.unchanged + s.failures.length;
  const lines = [
    `${total} files in ${seconds.toFixed(1)}s (${(total / Math.max(seconds, 1e-9)).toFixed(1)}/s)`,
    `  new:         ${s.created}`,
    `  new version: ${s.newVersions}`,
    `  unchanged:   ${s.unchanged}`,
    `  failed:      ${s.failures.length}`,
    ...s.failures.map((f) => `    ${f.file}: [${f.code}] ${f.message}`),
  ];
  return lines.join("\n");
}

async function main(): Promise<number> {
  const { paths, concurrency, batchSize } = parseArgs(process.argv.slice(2));
  if (paths.length === 0) {
    console.error("usage: npm run ingest -- PATH... [--concurrency N]");
    return 2;
  }
  const total = (await listIngestFiles(paths)).length;
  const db = await getDb();
  const bar = createProgressBar(total);
  const started = performance.now();
  const summary = await ingestFiles(db, paths, {
    concurrency: concurrency ?? 4,
    batchSize: batchSize ?? 16,
    onProgress: (p) => bar.update(p.done),
    // scans: one line per page read by OCR (a scan takes seconds per page)
    onOcrPage: (p) => process.stderr.write(`\n  OCR ${path.basename(p.file)}: page ${p.page}/${p.pages} read\n`),
  });
  bar.finish();
  await shutdownOcrPool();
  console.log(formatSummary(summary, (performance.now() - started) / 1000));
  await db.$disconnect();
  return summary.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
