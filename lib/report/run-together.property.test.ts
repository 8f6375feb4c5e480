/**
 * Property test, class 1 of issue 10 (every cell run together, 粘连文本): generated reports in both
 * templates rendered as a crawler's text dump (render-run-together.ts: no cell separators, labels
 * glued to numbers, numbered labels touching the previous digits, spacing half kept) parse back
 * exact where the independent brute-force oracle (run-together-oracle.ts) says the printed digits
 * and the identities force the value, and sound everywhere else: no value is ever wrong, and a
 * value left null comes with a finding. RUN_TOGETHER_CASES (default 700 per template) sets the case count.
 */
import { describe, expect, it } from "vitest";
import { parseText } from "./index";
import { generateReport, type TemplateVariant } from "@/lib/testing/synth";
import { composeReport } from "@/lib/testing/synth/compose-report";
import { createRng } from "@/lib/testing/synth/prng";
import { renderRunTogether } from "@/lib/testing/synth/render-run-together";
import { forcedByRunTogether } from "@/lib/testing/synth/run-together-oracle";
import { readValue, valuePaths } from "@/lib/testing/synth/check-identities";

const CASES = Number(process.env.RUN_TOGETHER_CASES ?? 700);
const BASE_SEED = 31_000_000;
const VARIANTS: TemplateVariant[] = ["2021", "2021-single-other", "2019"];

type Tally = { cases: number; exactCases: number; forcedValues: number; otherValues: number; nullFlagged: number; failures: string[] };

function runCase(seed: number, variant: TemplateVariant, t: Tally): void {
  const report = generateReport({ seed, variant });
  const rng = createRng(seed ^ 0x1b873593);
  const blocks = composeReport(report, rng.fork());
  const spaceAtBoundary = rng.pick([0, 0, 0.15, 0.5, 1]);
  const { text, rows } = renderRunTogether(blocks, rng, { spaceAtBoundary, lineBreakAtBlock: rng.pick([0, 0.3]) });
  const forced = forcedByRunTogether(report.document, rows);
  const where = `seed=${seed} variant=${variant} spaces=${spaceAtBoundary}`;
  t.cases++;
  const result = parseText(text);
  if (!result.ok) return void t.failures.push(`${where}: refused (${result.error.code})`);
  const flagged = result.findings.some((f) => f.severity !== "info");
  let allForced = true;
  for (const path of valuePaths(report.document)) {
    const want = readValue(report.document, path);
    if (want === null || want === undefined) continue;
    const got = readValue(result.document, path) ?? null;
    if (forced.has(path)) {
      t.forcedValues++;
      if (got !== want) t.failures.push(`${where}: ${path} forced ${want}, got ${got}`);
      continue;
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

describe("class 1: run-together text (粘连文本)", () => {
  it.each(VARIANTS)(
    `template %s: exact where the oracle says forced, sound elsewhere (${CASES} cases per template)`,
    (variant) => {
      const t: Tally = { cases: 0, exactCases: 0, forcedValues: 0, otherValues: 0, nullFlagged: 0, failures: [] };
      const offset = VARIANTS.indexOf(variant);
      for (let i = 0; i < CASES; i++) runCase(BASE_SEED + i * VARIANTS.length + offset, variant, t);
      console.log(
        `run-together ${variant}: ${t.cases} cases, ${t.exactCases} fully forced (exact), ${t.cases - t.exactCases} sound-only; ` +
          `${t.forcedValues} forced values exact, ${t.otherValues} undetermined (${t.nullFlagged} null + finding, rest right)`,
      );
      expect(t.failures.slice(0, 10)).toEqual([]);
      expect(t.exactCases).toBeGreaterThan(0);
    },
    300_000,
  );
});
