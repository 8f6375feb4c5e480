/**
 * Bulk ingest: `npm run ingest -- PATH...` (files, and folders walked recursively for .txt/.html/.docx/.doc/.wps/.pdf/.png/.jpg).
 * Scans are read by OCR inside the parse workers (each with its Tesseract pool, OCR_WORKERS), with a line per page read.
 * Same code path as POST /api/ingest. Progress on stderr, summary on stdout, exit 1 when any file failed.
 *   --workers N       parse worker threads (default: one per core); every file is parsed in the parse pool
 *                     (lib/parse-pool) with its time and memory limits, so a hostile file fails alone, the run goes on
 *   --concurrency N   documents in flight, parsing or writing (default: twice the workers, at least 4)
 *   --batch N         parsed documents written per transaction (default 16; a failing one is retried alone)
 * After a run that stored anything, the snapshots it made stale (rankings, comparisons, coverage, region sums) are
 * rebuilt once (lib/db/snapshot-warm) and the time it took is printed.
 * Target: DATABASE_URL or the PGlite folder PGLITE_DIR (stop the server first: one process per PGlite folder); pending
 * migrations and the region tree are applied first, so a fresh folder works without `npm run db:migrate`.
 */
import { createAdapter, createDb, getDbTarget, type Db } from "@/lib/db/client";
import { createPgWriteStatement } from "@/lib/db/pg-write-statement";
import { PgliteLockedError } from "@/lib/db/pglite-lock";
import { deployMigrations } from "@/lib/db/schema-engine";
import { seedRegions } from "@/lib/db/seed-regions";
import { formatWarmSummary, warmSnapshots } from "@/lib/db/snapshot-warm";
import { defaultIngestConcurrency, ingestFiles, listIngestFiles, type IngestSummary } from "@/lib/ingest/ingest-files";
import { createProgressBar } from "@/lib/ingest/progress-bar";
import { bulkParsePoolOptions, ParsePool, applyBulkHeapGrowth } from "@/lib/parse-pool";
import path from "node:path";

type Args = { paths: string[]; concurrency: number | null; workers: number | null; batchSize: number | null };

const FLAGS: Record<string, "concurrency" | "workers" | "batchSize"> = {
  "--concurrency": "concurrency",
  "--workers": "workers",
  "--batch": "batchSize",
};

/** Parse `PATH... [--workers N] [--concurrency N] [--batch N]`; null = not given. Throws on a bad number. */
function parseArgs(argv: string[]): Args {
  const out: Args = { paths: [], concurrency: null, workers: null, batchSize: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = FLAGS[a];
    if (!flag) {
      out.paths.push(a);
      continue;
    }
    const n = Number(argv[++i]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a whole number ≥ 1, got ${argv[i] ?? "nothing"}`);
    out[flag] = n;
  }
  return out;
}

/**
 * The store, ready to take reports: pending migrations applied and the region tree loaded, as `npm start` does.
 * Without this, a first `npm run ingest` on a fresh folder failed with "table Report does not exist".
 */
async function openPreparedStore(): Promise<Db> {
  const target = getDbTarget();
  const adapter = await createAdapter(target);
  const applied = await deployMigrations(adapter);
  if (applied.length > 0) console.error(`[db] applied ${applied.join(", ")}`);
  const db = await createDb(target, adapter);
  const regions = await seedRegions(db);
  if (regions) console.error(`[db] loaded ${regions} regions`);
  return db;
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
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const { paths, concurrency, batchSize } = args;
  if (paths.length === 0) {
    console.error("usage: npm run ingest -- PATH... [--workers N] [--concurrency N] [--batch N]");
    return 2;
  }
  const total = (await listIngestFiles(paths)).length;
  const db = await openPreparedStore();
  applyBulkHeapGrowth();
  const pool = new ParsePool(bulkParsePoolOptions(args.workers));
  const bar = createProgressBar(total);
  const inFlight = concurrency ?? defaultIngestConcurrency(pool.size);
  // on PostgreSQL each batch's write statement goes over connections of its own, its bytes as binary parameters
  const target = getDbTarget();
  const writer = "databaseUrl" in target ? createPgWriteStatement(target.databaseUrl, inFlight) : null;
  const started = performance.now();
  const summary = await ingestFiles(db, paths, {
    concurrency: inFlight,
    write: writer?.write,
    batchSize: batchSize ?? 16,
    onProgress: (p) => bar.update(p.done),
    pool,
    // scans: one line per page read by OCR (a scan takes seconds per page; OCR runs inside the parse workers)
    onOcrPage: (p) => process.stderr.write(`\n  OCR ${path.basename(p.file)}: page ${p.page}/${p.pages} read\n`),
  });
  bar.finish();
  await writer?.close();
  // stopping the parse workers stops the OCR engines they started
  await pool.close();
  console.log(formatSummary(summary, (performance.now() - started) / 1000));
  // after the run, not per batch: the stored rankings, comparisons, coverage and region sums the run made stale are
  // rebuilt once, so the first reader after the load does not wait for them
  if (summary.created + summary.newVersions > 0) console.log(formatWarmSummary(await warmSnapshots(db)));
  await db.$disconnect();
  return summary.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // a locked database folder: the message says who holds it and what to do, a stack trace would only hide that
    console.error(err instanceof PgliteLockedError ? err.message : err);
    process.exit(1);
  },
);
