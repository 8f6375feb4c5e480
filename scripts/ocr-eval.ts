/**
 * OCR accuracy over the scan fixtures: `npx tsx scripts/ocr-eval.ts [FILE.pdf|png ...]` (default: every scan in
 * lib/report/fixtures/scans). Prints per file the values right / null with a finding / WRONG, and the corrections.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createOcrRecognizer } from "../lib/ocr/ocr-document";
import { shutdownOcrPool } from "../lib/ocr/tesseract-pool";
import { parseReport } from "../lib/report";

const DIR = join(import.meta.dirname, "../lib/report/fixtures/scans");
const files =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : readdirSync(DIR)
        .filter((f) => f.endsWith(".pdf"))
        .map((f) => join(DIR, f));

function leaves(v: unknown, path: string, out: Map<string, unknown>): void {
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return void out.set(path, v);
  if (Array.isArray(v)) return v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  if (v !== null && typeof v === "object") return Object.entries(v).forEach(([k, x]) => leaves(x, path ? `${path}.${k}` : k, out));
  out.set(path, v);
}

let wrongTotal = 0;
for (const file of files) {
  const name = basename(file).replace(/\.(pdf|png|jpe?g)$/, "");
  const expFile = join(dirname(file), "expected", `${name}.json`);
  const t0 = Date.now();
  const result = await parseReport({ bytes: readFileSync(file), fileName: basename(file) }, { ocr: createOcrRecognizer() });
  const secs = (Date.now() - t0) / 1000;
  if (!result.ok) {
    console.log(`${name}: FAILED ${result.error.code} ${result.error.message} (${secs.toFixed(1)} s)`);
    continue;
  }
  if (!existsSync(expFile)) {
    console.log(JSON.stringify(result.document, null, 1));
    continue;
  }
  const exp = new Map<string, unknown>();
  const got = new Map<string, unknown>();
  leaves(JSON.parse(readFileSync(expFile, "utf8")), "", exp);
  leaves(result.document, "", got);
  let right = 0;
  let nulls = 0;
  const wrong: string[] = [];
  for (const [p, e] of exp) {
    const g = got.get(p);
    if (Array.isArray(e) ? e.includes(g) : g === e) right++;
    else if (g === null && typeof e === "number") nulls++;
    else wrong.push(`${p}: expected ${JSON.stringify(e)} got ${JSON.stringify(g)}`);
  }
  wrongTotal += wrong.length;
  const ocr = (result as { ocr?: { corrections: { path: string; read: number; value: number; rules: string[] }[] } }).ocr;
  console.log(`${name}: ${right} right, ${nulls} null, ${wrong.length} WRONG of ${exp.size} (${secs.toFixed(1)} s)`);
  for (const w of wrong) console.log(`   WRONG ${w}`);
  for (const c of ocr?.corrections ?? []) console.log(`   corrected ${c.path}: read ${c.read} → ${c.value} by ${c.rules.join("+")}`);
  if (process.env.VERBOSE) {
    for (const f of result.findings) console.log(`   finding ${f.code} ${f.message}`);
    console.log(result.sourceText);
  }
}
await shutdownOcrPool();
process.exitCode = wrongTotal > 0 ? 1 : 0;
