/**
 * Property test (issue 2): thousands of generated reports in every layout parse back to the
 * document they were made from. Seeded and reproducible: a failure prints seed, layout and
 * corruptions; rebuild the case with `synthesize({ seed, layout, corruptions })` (lib/testing/synth).
 *
 * 1. Clean renderings, damage that loses nothing (wrapped labels, page breaks with repeated
 *    headers, full-width digits, thousands separators) and blank zeros the identities force back
 *    parse back exactly.
 * 2. Any damage except dropped cells (random combinations) stays sound: no parsed number differs
 *    from the original; a number the parser could not recover is null with a finding.
 * 3. Dropped cells (6 numbers for 7 columns), alone or with other damage: exact when the
 *    generator's oracle (synth/forced-oracle.ts) says the identities force the placement, sound always.
 * 6 layouts × 3 properties × 200 cases = 3,600 reports.
 */
import { describe, expect, it } from "vitest";
import { CORRUPTION_KINDS, LAYOUTS, synthesize, type CorruptionKind, type Layout, type SynthCase } from "@/lib/testing/synth";
import { diffDocuments, findUnsoundValues, type ValueDiff } from "@/lib/testing/synth/compare-documents";
import { parseSynthCase } from "@/lib/testing/synth/parse-case";
import { createRng } from "@/lib/testing/synth/prng";

const CASES = 200;
const TIMEOUT_MS = 180_000;
const BASE_SEED = 20_250_000;

type Property = "exact" | "sound" | "drops";
/**
 * Kinds the oracle never or seldom calls forced: whole rows or the table lost, a number wrapped inside its cell, a stray
 * mark beside a row's numbers or among them (strayDigit), many rows' blanks at once (blankTotals: damage-kinds checks it).
 */
const WHOLE_ROW_LOSSES = new Set<CorruptionKind>(["overlong", "transposed", "splitNumber", "strayMark", "blankTotals", "strayDigit"]);

/** The damage for case `i` of a property, drawn from the case's own seed. */
function corruptionsFor(property: Property, seed: number): CorruptionKind[] {
  const rng = createRng(seed ^ 0x2545f491);
  const lossless = (["wrap", "pageBreak", "fullWidth", "thousands"] as const).filter(() => rng.chance(0.4));
  if (property === "exact") return rng.chance(0.3) ? [...lossless, "blank"] : [...lossless];
  const others = CORRUPTION_KINDS.filter((k) => k !== "drop" && rng.chance(0.35));
  if (property === "sound") return others;
  // the kinds that lose whole rows or the whole table (damage-kinds / overlong tests check them) would leave too few
  // cases the oracle can call forced: the drops property draws them but leaves them out
  return ["drop", ...others.filter((k) => !WHOLE_ROW_LOSSES.has(k))];
}

type Failure = { where: string; diffs: ValueDiff[] | string };
const describeCase = (c: SynthCase): string =>
  `seed=${c.seed} layout=${c.layout} corruptions=[${c.corruptions.join(",")}] variant=${c.report.variant}`;
const summarize = (failures: Failure[]): string =>
  `${failures.length} failing case(s):\n` +
  failures
    .slice(0, 8)
    .map((f) => `${f.where}\n  ${JSON.stringify(f.diffs).slice(0, 400)}`)
    .join("\n");

async function checkProperty(layout: Layout, property: Property): Promise<{ exactChecked: number; failures: Failure[] }> {
  const failures: Failure[] = [];
  let exactChecked = 0;
  const offset = { exact: 0, sound: 1, drops: 2 }[property];
  for (let i = 0; i < CASES; i++) {
    const seed = BASE_SEED + (i * 3 + offset) * LAYOUTS.length + LAYOUTS.indexOf(layout);
    const c = synthesize({ seed, layout, corruptions: corruptionsFor(property, seed) });
    const result = await parseSynthCase(c);
    if (!result.ok) {
      failures.push({ where: describeCase(c), diffs: `parse failed: ${result.error.code} ${result.error.message}` });
      continue;
    }
    const unsound = findUnsoundValues(result.document, c.report.document, result.findings);
    const mustBeExact = c.expected !== null && (property !== "sound" || c.lossy.length === 0);
    const diffs = mustBeExact ? diffDocuments(result.document, c.expected) : unsound;
    if (mustBeExact) exactChecked++;
    if (diffs.length > 0) failures.push({ where: describeCase(c), diffs });
  }
  return { exactChecked, failures };
}

describe.each(LAYOUTS)("synthetic reports, layout %s", (layout) => {
  it(
    "parse back exactly when clean, losslessly damaged, or with blank zeros the identities force",
    async () => {
      const { exactChecked, failures } = await checkProperty(layout, "exact");
      expect(exactChecked).toBe(CASES);
      expect(failures, summarize(failures)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "stay sound under random combinations of damage other than dropped cells",
    async () => {
      const { failures } = await checkProperty(layout, "sound");
      expect(failures, summarize(failures)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "recover dropped cells the identities force, and stay sound otherwise",
    async () => {
      const { exactChecked, failures } = await checkProperty(layout, "drops");
      expect(exactChecked).toBeGreaterThan(CASES / 2);
      expect(failures, summarize(failures)).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
