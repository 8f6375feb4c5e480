/**
 * `npm run bench:ingest [-- --count N --pdf-count M --workers W --only text|pdf]`: bulk-ingest throughput (reports per second) through
 * the same function and progress bar as `npm run ingest`, into a fresh PostgreSQL database each run, for
 *   - N generated text/HTML reports (lib/testing/synth, default 3,000; target ≥ 300 reports/s), and
 *   - M generated reports written as PDFs (default 120),
 * each with a parse pool (lib/parse-pool) of 1 and of W worker threads (default: one per core, at least 2). Each pool
 * ingests the folder twice, into a fresh database each time, and both passes are printed: the first pass is a pool's
 * first files, while V8 still compiles the parser's and pdf.js's hot code on its helper threads (once per worker, so
 * 2 workers pay it twice; at 120 PDFs, under load, V8 helper threads spent 29–36 ms per PDF in a first pass against
 * 15–23 in a second); the second
 * is the steady state a bulk run of thousands of files spends nearly all its time in, and the ratio the target
 * speaks of. Prints the load average beside each
 * figure (the machine is shared). Exit 1 when any file failed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createPgWriteStatement } from "@/lib/db/pg-write-statement";
import { seedRegions } from "@/lib/db/seed-regions";
import { bulkParsePoolOptions, ParsePool, applyBulkHeapGrowth } from "@/lib/parse-pool";
import { defaultIngestConcurrency, ingestFiles } from "@/lib/ingest/ingest-files";
import { createProgressBar } from "@/lib/ingest/progress-bar";
import { backendCpuSince, readBackendCpu } from "@/lib/testing/postgres-cpu";
import { readThreadCpu, splitThreadCpu } from "@/lib/testing/thread-cpu";
import { renderReportPdf } from "@/lib/testing/pdf/render-report-pdf";
import { synthesize } from "@/lib/testing/synth";
import { generateReport } from "@/lib/testing/synth/generate-report";
import { createTestDatabase } from "@/lib/testing/test-database";

function textOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Write `count` generated reports (text and HTML layouts) to a new temporary folder. */
function generateTextReports(count: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bench-ingest-"));
  for (let i = 0; i < count; i++) {
    const c = synthesize({ seed: 1000 + i });
    writeFileSync(path.join(dir, `${String(i).padStart(5, "0")}.${c.fileExtension}`), c.content);
  }
  return dir;
}

/** Write `count` generated reports as PDFs (the synthetic PDF writer, a CJK font from @embedpdf/fonts-sc). */
async function generatePdfReports(count: number): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bench-ingest-pdf-"));
  const require = createRequire(import.meta.url);
  const font = new Uint8Array(
    readFileSync(path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "../fonts/NotoSansHans-Regular.otf")),
  );
  for (let i = 0; i < count; i++) {
    const { document, agency } = generateReport({ seed: 9000 + i });
    const bytes = await renderReportPdf(document, {
      fontBytes: font,
      placeChain: agency.chain,
      siteCode: agency.siteCode,
      fillerParagraphs: i % 9,
    });
    writeFileSync(path.join(dir, `${String(i).padStart(5, "0")}.pdf`), bytes);
  }
  return dir;
}

const load = (): string =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} on ${os.cpus().length} cores`;

/** reports per second; `bound`: what this pass's CPU per report allows on all cores of an idle machine */
type PassResult = { perSecond: number; bound: number; failed: number };

/**
 * Ingest a folder twice with one parse pool of `inFlight` workers, each time into a fresh database: a first pass
 * (the workers' first files: V8 is still compiling the parser's and pdf.js's hot code on its helper threads, once per
 * worker) and a second pass (steady state, what a bulk run of thousands of files sees after its first minutes).
 */
async function run(label: string, dir: string, count: number, inFlight: number): Promise<{ first: PassResult; steady: PassResult }> {
  // a parse pool of `inFlight` worker threads (the same pool the CLI and the route use)
  // the bulk CLI's pool options (npm run ingest), this many workers
  applyBulkHeapGrowth();
  const pool = new ParsePool(bulkParsePoolOptions(inFlight));
  try {
    // the workers load the parser before the clock starts: throughput, not start-up (printed apart)
    const started = performance.now();
    await pool.ready();
    const startup = (performance.now() - started) / 1000;
    const first = await pass(`${label} first `, dir, count, inFlight, pool, startup);
    const steady = await pass(`${label} steady`, dir, count, inFlight, pool, startup);
    return { first, steady };
  } finally {
    await pool.close();
  }
}

/** One timed ingest of the folder into a fresh database through `pool`; returns reports per second. */
async function pass(label: string, dir: string, count: number, inFlight: number, pool: ParsePool, startup: number): Promise<PassResult> {
  const t = await createTestDatabase("postgres", "bench_ingest");
  try {
    await seedRegions(t.db);
    const bar = createProgressBar(count);
    const writer = createPgWriteStatement(t.url!, defaultIngestConcurrency(inFlight));
    const pgBefore = await readBackendCpu(t.url!);
    const cpuBefore = process.cpuUsage();
    const threadsBefore = readThreadCpu();
    const t0 = performance.now();
    // the bulk CLI's defaults: documents in flight for the pool size, batches of 16 per transaction, the batches'
    // write statements over connections of their own
    const summary = await ingestFiles(t.db, [dir], {
      concurrency: defaultIngestConcurrency(inFlight),
      pool,
      onProgress: (p) => bar.update(p.done),
      write: writer.write,
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const threads = splitThreadCpu(threadsBefore, readThreadCpu(), pool.osThreadIds());
    // before the writer's connections end: an ended backend's CPU can no longer be read
    const pgMs = backendCpuSince(pgBefore, await readBackendCpu(t.url!));
    await writer.close();
    bar.finish();
    const stored = await t.db.report.count();
    const perSecond = count / seconds;
    console.log(
      `${label.padEnd(12)} ${String(inFlight).padStart(2)} worker(s): ${count} reports in ${seconds.toFixed(2)} s = ${perSecond.toFixed(1)} reports/s  (${load()}; pool start ${startup.toFixed(1)} s before)`,
    );
    console.log(
      `        new ${summary.created}, new version ${summary.newVersions}, unchanged ${summary.unchanged}, failed ${summary.failures.length}; ${stored} rows in Report`,
    );
    // CPU per report does not move with the other sessions' load: this process (main thread and parse workers) and
    // the PostgreSQL backends; 2 cores / (ms per report) is the rate the machine would reach with nothing else running
    const appMs = (cpu.user + cpu.system) / 1000;
    const perReport = (appMs + pgMs) / count;
    const bound = (os.cpus().length * 1000) / perReport;
    console.log(
      `        CPU per report: ${(appMs / count).toFixed(2)} ms in this process (parse workers included) + ${(pgMs / count).toFixed(2)} ms in PostgreSQL = ${perReport.toFixed(2)} ms → at most ${bound.toFixed(0)} reports/s on ${os.cpus().length} idle cores; this pass reached ${((perSecond / bound) * 100).toFixed(0)} % of that`,
    );
    // where this process's part goes: main thread (files, database client, pool), parse workers, and V8's helper threads
    // (concurrent/parallel GC and JIT compilation) with libuv's pool; /proc is read in 10 ms ticks (Linux only)
    if (threads.main + threads.workers + threads.other > 0) {
      const per = (ms: number): string => (ms / count).toFixed(2);
      console.log(
        `        by thread: main ${per(threads.main)} ms + parse workers ${per(threads.workers)} ms + V8 GC/JIT helpers and libuv ${per(threads.other)} ms per report`,
      );
    }
    for (const f of summary.failures.slice(0, 5)) console.log(`        failed ${f.file}: [${f.code}] ${f.message}`);
    return { perSecond, bound, failed: summary.failures.length };
  } finally {
    await t.drop();
  }
}

/** "N× one worker" for the steady pass, and for the first pass beside it */
function ratio(one: { first: PassResult; steady: PassResult }, n: { first: PassResult; steady: PassResult }): string {
  const x = (a: PassResult, b: PassResult): string => (b.perSecond / a.perSecond).toFixed(2);
  // one worker already keeps more than one core busy (V8 compiles and collects garbage on helper threads beside it),
  // so the ratio alone undersells a pool: how much of the cores' CPU the N workers used says whether it uses them all
  const used = ((n.steady.perSecond / n.steady.bound) * 100).toFixed(0);
  return `${x(one.steady, n.steady)}× one worker in the steady pass (first pass ${x(one.first, n.first)}×); the workers used ${used} % of the CPU the cores have at this CPU per report`;
}

async function main(): Promise<number> {
  const only = textOption("only");
  const count = only === "pdf" ? 0 : option("count", 3000);
  const pdfCount = only === "text" ? 0 : option("pdf-count", 120);
  const workers = option("workers", Math.max(2, os.cpus().length));
  let t0 = performance.now();
  const textDir = generateTextReports(count);
  console.error(`generated ${count} text/HTML reports (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  t0 = performance.now();
  const pdfDir = await generatePdfReports(pdfCount);
  console.error(`generated ${pdfCount} PDF reports (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  let failed = 0;
  try {
    if (count > 0) {
      const text1 = await run("text", textDir, count, 1);
      const textN = await run("text", textDir, count, workers);
      failed += text1.first.failed + text1.steady.failed + textN.first.failed + textN.steady.failed;
      console.log(`text: ${textN.steady.perSecond.toFixed(0)} reports/s at ${workers} (target ≥ 300); ${ratio(text1, textN)}`);
    }
    if (pdfCount > 0) {
      const pdf1 = await run("pdf", pdfDir, pdfCount, 1);
      const pdfN = await run("pdf", pdfDir, pdfCount, workers);
      failed += pdf1.first.failed + pdf1.steady.failed + pdfN.first.failed + pdfN.steady.failed;
      console.log(`pdf:  ${pdfN.steady.perSecond.toFixed(1)} reports/s at ${workers}; ${ratio(pdf1, pdfN)} (target ≥ 1.6× on 2 cores)`);
    }
  } finally {
    rmSync(textDir, { recursive: true, force: true });
    rmSync(pdfDir, { recursive: true, force: true });
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
