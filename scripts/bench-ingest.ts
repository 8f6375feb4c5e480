/**
 * `npm run bench:ingest [-- --count N --concurrency C]`: generate N synthetic reports (lib/testing/synth, default 1,000)
 * into a temporary folder, load them into a fresh PostgreSQL database through the bulk-ingest path (same function
 * and progress bar as `npm run ingest`), print reports per second, then drop the database. Target: ≥ 300/s.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedRegions } from "@/lib/db/seed-regions";
import { ingestFiles } from "@/lib/ingest/ingest-files";
import { createProgressBar } from "@/lib/ingest/progress-bar";
import { synthesize } from "@/lib/testing/synth";
import { createTestDatabase } from "@/lib/testing/test-database";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Write `count` generated reports (text and HTML layouts) to a new temporary folder. */
function generateReports(count: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bench-ingest-"));
  for (let i = 0; i < count; i++) {
    const c = synthesize({ seed: 1000 + i });
    writeFileSync(path.join(dir, `${String(i).padStart(5, "0")}.${c.fileExtension}`), c.content);
  }
  return dir;
}

async function main(): Promise<number> {
  const count = option("count", 1000);
  const concurrency = option("concurrency", 4);
  let t0 = performance.now();
  const dir = generateReports(count);
  console.error(`generated ${count} reports in ${dir} (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
  const t = await createTestDatabase("postgres", "bench_ingest");
  try {
    await seedRegions(t.db);
    const bar = createProgressBar(count);
    t0 = performance.now();
    const summary = await ingestFiles(t.db, [dir], { concurrency, onProgress: (p) => bar.update(p.done) });
    const seconds = (performance.now() - t0) / 1000;
    bar.finish();
    const stored = await t.db.report.count();
    console.log(`bench:ingest  ${count} reports → PostgreSQL in ${seconds.toFixed(2)}s = ${(count / seconds).toFixed(0)} reports/s (concurrency ${concurrency})`);
    console.log(`  new ${summary.created}, new version ${summary.newVersions}, unchanged ${summary.unchanged}, failed ${summary.failures.length}; ${stored} rows in Report`);
    for (const f of summary.failures.slice(0, 10)) console.log(`  failed ${f.file}: [${f.code}] ${f.message}`);
    return summary.failures.length > 0 ? 1 : 0;
  } finally {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
