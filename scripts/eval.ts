/**
 * npm run eval [-- DIR... [--strict]]
 *
 * Accuracy harness (准确率评估): parses every report under the given folders (recursively) that has an
 * expected canonical document beside it — `expected/<name>.json` (the corpus layout) or
 * `<name>.expected.json` (the repo's fixture layout) — and prints, wrong values first, each wrong
 * value with its file and path; then per input format and overall: values right / missing / wrong
 * and inputs refused. With no folder it runs on every real fixture in the repo (lib/report/fixtures).
 *
 * `--ocr` reads scans (image-only PDFs, PNG/JPEG) with OCR (lib/ocr, the worker pool): minutes, not seconds,
 * so `npm test` runs without it and scans count as refused there; `npm run eval -- --ocr lib/report/fixtures/scans`
 * checks them.
 *
 * Values are the numbers of the report's tables (sections 二, 三, 四); metadata (year, template,
 * agency name and region, date) is scored and listed separately. Exit 1 when any value is wrong (a
 * number that is not the report's: the failure that must never ship). Wrong metadata, missing
 * values and refused inputs are reported, and fatal only with --strict.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseReport } from "../lib/report/index";
import { isTableValue, scoreDocument, tally, type ScoredValue, type Tally } from "../lib/testing/eval/score-document";

const REPORT_EXT = /\.(txt|md|html?|shtml|docx|doc|wps|pdf|png|jpe?g)$/i;
const DEFAULT_DIRS = [path.join(import.meta.dirname, "../lib/report/fixtures")];

type Case = { file: string; expectedFile: string; format: string };

function expectedFor(file: string): string | null {
  const dir = path.dirname(file);
  const stem = path.basename(file).replace(/\.[^.]+$/, "");
  for (const candidate of [path.join(dir, "expected", `${stem}.json`), path.join(dir, `${stem}.expected.json`)]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function formatOf(file: string): string {
  const ext = path.extname(file).toLowerCase().slice(1);
  if (ext === "htm" || ext === "shtml") return "html";
  if (ext === "md") return "txt";
  return ext;
}

function collect(target: string, out: Case[]): void {
  const stat = statSync(target);
  if (stat.isFile()) {
    const expectedFile = REPORT_EXT.test(target) ? expectedFor(target) : null;
    if (expectedFile) out.push({ file: target, expectedFile, format: formatOf(target) });
    return;
  }
  for (const name of readdirSync(target).sort()) {
    if (name === "node_modules" || name === "expected" || name.startsWith(".")) continue;
    collect(path.join(target, name), out);
  }
}

const pct = (n: number, d: number): string => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)} %`);
const show = (v: unknown): string => (v === undefined ? "(absent)" : JSON.stringify(v));

function line(label: string, t: Tally, inputs: number, refused: number): string {
  const total = t.right + t.missing + t.wrong;
  return `${label.padEnd(10)} ${String(inputs).padStart(4)} inputs  ${String(refused).padStart(3)} refused   ${String(total).padStart(6)} values: ${String(t.right).padStart(6)} right (${pct(t.right, total)})  ${String(t.missing).padStart(5)} missing  ${String(t.wrong).padStart(4)} wrong`;
}

async function main(): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    allowPositionals: true,
    options: { strict: { type: "boolean", default: false }, ocr: { type: "boolean", default: false } },
  });
  const ocr = opts.ocr ? (await import("../lib/ocr/ocr-document")).createOcrRecognizer() : undefined;
  const dirs = positionals.length > 0 ? positionals.map((d) => path.resolve(d)) : DEFAULT_DIRS;
  const cases: Case[] = [];
  for (const d of dirs) {
    if (!existsSync(d)) {
      process.stderr.write(`no such file or folder: ${d}\n`);
      return 2;
    }
    collect(d, cases);
  }
  if (cases.length === 0) {
    process.stderr.write(`no report with an expected document under ${dirs.join(", ")}\n`);
    return 2;
  }
  const byFormat = new Map<string, { tally: Tally; inputs: number; refused: number }>();
  const wrong: Array<{ file: string; value: ScoredValue }> = [];
  const wrongMeta: Array<{ file: string; value: ScoredValue }> = [];
  const meta: Tally = { right: 0, missing: 0, wrong: 0 };
  const refusals: string[] = [];
  const perFile: string[] = [];
  const overall: Tally = { right: 0, missing: 0, wrong: 0 };
  let refusedCount = 0;
  for (const c of cases) {
    const expected = JSON.parse(readFileSync(c.expectedFile, "utf8")) as unknown;
    const started = performance.now();
    const loadBefore = loadavg()[0]!;
    const result = await parseReport({ bytes: new Uint8Array(readFileSync(c.file)), fileName: path.basename(c.file) }, { ocr });
    const seconds = (performance.now() - started) / 1000;
    const actual = result.ok ? result.document : null;
    const all = scoreDocument(expected, actual);
    const scored = all.filter((v) => isTableValue(v.path));
    const metadata = all.filter((v) => !isTableValue(v.path));
    tally(metadata, meta);
    for (const v of metadata) if (v.outcome === "wrong") wrongMeta.push({ file: path.relative(process.cwd(), c.file), value: v });
    const t = tally(scored);
    const entry = byFormat.get(c.format) ?? { tally: { right: 0, missing: 0, wrong: 0 }, inputs: 0, refused: 0 };
    tally(scored, entry.tally);
    tally(scored, overall);
    entry.inputs++;
    const rel = path.relative(process.cwd(), c.file);
    if (!result.ok) {
      entry.refused++;
      refusedCount++;
      refusals.push(`  ${rel}: ${result.error.code} — ${result.error.message}`);
    }
    byFormat.set(c.format, entry);
    for (const v of scored) if (v.outcome === "wrong") wrong.push({ file: rel, value: v });
    const total = t.right + t.missing + t.wrong;
    // wall-clock and the 1-minute load average before/after: on a shared machine the time alone says little
    const timing = `${seconds.toFixed(1)} s, load ${loadBefore.toFixed(2)}→${loadavg()[0]!.toFixed(2)}`;
    perFile.push(
      `  ${rel.padEnd(60)} ${result.ok ? "" : "REFUSED "}${t.right}/${total} right, ${t.missing} missing, ${t.wrong} wrong  (${timing})`,
    );
  }
  console.log(
    `eval — ${cases.length} reports with expected documents under ${dirs.map((d) => path.relative(process.cwd(), d) || ".").join(", ")}`,
  );
  console.log(`\nWRONG values (${wrong.length}):`);
  if (wrong.length === 0) console.log("  none");
  for (const { file, value } of wrong) console.log(`  ${file}  ${value.path}: expected ${show(value.expected)}, got ${show(value.actual)}`);
  console.log(`\nwrong metadata (${wrongMeta.length}; fatal only with --strict):`);
  if (wrongMeta.length === 0) console.log("  none");
  for (const { file, value } of wrongMeta)
    console.log(`  ${file}  ${value.path}: expected ${show(value.expected)}, got ${show(value.actual)}`);
  console.log(`\nrefused inputs (${refusals.length}):`);
  console.log(refusals.length ? refusals.join("\n") : "  none");
  console.log("\nper report:");
  console.log(perFile.join("\n"));
  console.log("\nper input format:");
  for (const [format, e] of [...byFormat].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`  ${line(format, e.tally, e.inputs, e.refused)}`);
  console.log(`  ${line("overall", overall, cases.length, refusedCount)}`);
  console.log(
    `  ${"metadata".padEnd(10)} ${meta.right} right, ${meta.missing} missing, ${meta.wrong} wrong (year, template, agency name and region, date)`,
  );
  const missing = overall.missing > 0 || refusedCount > 0 || meta.wrong > 0;
  if (wrong.length > 0) {
    console.log(`\nFAIL: ${wrong.length} wrong value(s)`);
    return 1;
  }
  if (opts.strict && missing) {
    console.log(`\nFAIL (--strict): ${overall.missing} missing value(s), ${refusedCount} refused input(s), ${meta.wrong} wrong metadata`);
    return 1;
  }
  console.log(
    `\nok: 0 wrong values${missing ? ` (${overall.missing} missing, ${refusedCount} refused, ${meta.wrong} wrong metadata: not fatal without --strict)` : ""}`,
  );
  return 0;
}

const code = await main();
await (await import("../lib/ocr/tesseract-pool")).shutdownOcrPool();
process.exit(code);
