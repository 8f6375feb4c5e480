/**
 * Property test, class 2 of issue 10 (labels detached from their numbers, 标签与数字分离): generated reports in both
 * templates with section 三 printed as PDF→Markdown and OCR print it (render-detached.ts: a block of labels and a block
 * of numbers either way round, the table split into small tables at page breaks, labels over three lines, rows of
 * numbers with no label), alone and combined with blank, dropped, full-width and thousands-separated cells, in tab text
 * and Markdown pipes. Exact where the independent brute-force oracle (detached-oracle.ts) says the print and the
 * identities force the value; sound everywhere else (no value wrong, a value left null comes with a finding); and a
 * value placed by position is never "stated". DETACHED_CASES (default 160 per kind and template) sets the case count.
 */
import { describe, expect, it } from "vitest";
import { parseText } from "./index";
import { generateReport, type TemplateVariant } from "@/lib/testing/synth";
import { composeReport } from "@/lib/testing/synth/compose-report";
import { corruptTables, type CorruptionKind } from "@/lib/testing/synth/corrupt-tables";
import { createRng } from "@/lib/testing/synth/prng";
import { DETACHED_KINDS, renderDetached, type DetachedKind } from "@/lib/testing/synth/render-detached";
import { forcedByDetached } from "@/lib/testing/synth/detached-oracle";
import { readValue, valuePaths } from "@/lib/testing/synth/check-identities";

const CASES = Number(process.env.DETACHED_CASES ?? 160);
const BASE_SEED = 47_000_000;
const VARIANTS: TemplateVariant[] = ["2021", "2021-single-other", "2019"];

type Tally = { cases: number; exactCases: number; forcedValues: number; otherValues: number; nullFlagged: number; failures: string[] };

function runCase(seed: number, variant: TemplateVariant, kind: DetachedKind, t: Tally): void {
  const report = generateReport({ seed, variant });
  const rng = createRng(seed ^ 0x68e31da4);
  const blocks = composeReport(report, rng.fork());
  const combined: CorruptionKind[] = (["blank", "drop", "fullWidth", "thousands"] as const).filter(() => rng.chance(0.25));
  const tables = blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  corruptTables({ rng: rng.fork(), tables, kinds: combined, isHtml: false, maxLossy: 1, doc: report.document });
  const markdown = rng.chance(0.5);
  const { text, printed } = renderDetached(blocks, kind, rng, markdown);
  const forced = forcedByDetached(report.document, printed);
  const where = `seed=${seed} variant=${variant} kind=${kind} md=${markdown} combined=[${combined.join(",")}]`;
  t.cases++;
  const result = parseText(text);
  if (!result.ok) return void t.failures.push(`${where}: refused (${result.error.code})`);
  const flagged = result.findings.some((f) => f.severity !== "info");
  const labelled = new Set(
    printed.filter((p) => p.labelled).flatMap((p) => [0, 1, 2, 3, 4, 5, 6].map((c) => p.paths[0]!.replace(/\d\]$/, `${c}]`))),
  );
  let allForced = true;
  for (const path of valuePaths(report.document)) {
    const want = readValue(report.document, path);
    if (want === null || want === undefined) continue;
    const got = readValue(result.document, path) ?? null;
    const inRequests = path.startsWith("requests.");
    if (inRequests && got !== null && !labelled.has(path) && result.provenance[path]?.status === "stated")
      t.failures.push(`${where}: ${path} placed by position but "stated"`);
    if (!inRequests || forced.has(path)) {
      // sections 二 and 四 print as ordinary tab text, and in 三 the oracle says the value is forced
      if (forced.has(path) || combined.length === 0 || !["blank", "drop"].some((k) => combined.includes(k as CorruptionKind))) {
        t.forcedValues++;
        if (got !== want) t.failures.push(`${where}: ${path} forced ${want}, got ${got}`);
        continue;
      }
    }
    allForced = false;
    t.otherValues++;
    if (got === null) {
      t.nullFlagged++;
      if (!flagged) t.failures.push(`${where}: ${path} null without a finding`);
    } else if (got !== want) t.failures.push(`${where}: WRONG ${path} = ${got}, true value ${want}`);
  }
  if (allForced) t.exactCases++;
}

describe("class 2: labels detached from their numbers (标签与数字分离)", () => {
  const cases = VARIANTS.flatMap((variant) => DETACHED_KINDS.map((kind) => [variant, kind] as const));
  it.each(cases)(
    `template %s, %s: exact where the oracle says forced, sound elsewhere (${CASES} cases each)`,
    (variant, kind) => {
      const t: Tally = { cases: 0, exactCases: 0, forcedValues: 0, otherValues: 0, nullFlagged: 0, failures: [] };
      const offset = cases.findIndex(([v, k]) => v === variant && k === kind);
      for (let i = 0; i < CASES; i++) runCase(BASE_SEED + i * cases.length + offset, variant, kind, t);
      console.log(
        `detached ${variant} ${kind}: ${t.cases} cases, ${t.exactCases} fully forced (exact), ${t.cases - t.exactCases} sound-only; ` +
          `${t.forcedValues} forced values exact, ${t.otherValues} undetermined (${t.nullFlagged} null + finding, rest right)`,
      );
      expect(t.failures.slice(0, 10)).toEqual([]);
      expect(t.exactCases).toBeGreaterThan(0);
    },
    300_000,
  );
});
