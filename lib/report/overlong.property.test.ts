/**
 * Property test: a value row printed as one run of more than 40 digits (synth "overlong" damage, overlong-run.ts), alone
 * or with random other damage, in every layout. No value is ever wrong, every lost value is null with a finding, and
 * the run itself yields a `digits-overlong` finding naming its table and row (it used to be dropped silently: the
 * row's numbers vanished, or the run was read as label text). With crossed labels the finding may name the row the run's
 * line was read as. OVERLONG_CASES (default 60 per layout) sets the count.
 */
import { describe, expect, it } from "vitest";
import { parseText } from "./index";
import { CORRUPTION_KINDS, LAYOUTS, synthesize, type CorruptionKind } from "@/lib/testing/synth";
import { findUnsoundValues } from "@/lib/testing/synth/compare-documents";
import { parseSynthCase } from "@/lib/testing/synth/parse-case";
import { createRng } from "@/lib/testing/synth/prng";
import { generateReport } from "@/lib/testing/synth";
import { composeReport } from "@/lib/testing/synth/compose-report";
import { printOverlongRun } from "@/lib/testing/synth/overlong-run";
import { renderRunTogether } from "@/lib/testing/synth/render-run-together";

const CASES = Number(process.env.OVERLONG_CASES ?? 60);
const BASE_SEED = 47_000_000;

/** The row key a finding names for a value path: section 三's row path, 四's one row, 二's label (any). */
function rowKey(section: string | undefined, path: string): string | null {
  if (section === "四") return "reviewLitigation";
  if (section === "三") return path.replace(/^requests\./, "").replace(/\[\d+\]$/, "");
  return null;
}

describe.each(LAYOUTS)("a row printed as an overlong digit run, layout %s", (layout) => {
  it(`is null with a digits-overlong finding naming its table and row, never a wrong value (${CASES} cases)`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const seed = BASE_SEED + i * LAYOUTS.length + LAYOUTS.indexOf(layout);
      const rng = createRng(seed ^ 0x68e31da4);
      const others = CORRUPTION_KINDS.filter((k) => k !== "overlong" && rng.chance(0.25));
      const kinds: CorruptionKind[] = [...others, "overlong"];
      const c = synthesize({ seed, layout, corruptions: kinds });
      const where = `seed=${seed} layout=${layout} corruptions=[${kinds.join(",")}]`;
      const result = await parseSynthCase(c);
      if (!result.ok) {
        failures.push(`${where}: refused ${result.error.code}`);
        continue;
      }
      const unsound = findUnsoundValues(result.document, c.report.document, result.findings);
      if (unsound.length > 0) failures.push(`${where}: ${JSON.stringify(unsound).slice(0, 300)}`);
      const edit = c.lossy.find((e) => e.kind === "overlong");
      if (!edit) continue;
      // with crossed labels (crossedLabels damage) the labels cannot tell which row the run stands in: any row of its table
      const crossed = c.lossy.some((e) => e.kind === "crossed");
      // a transposed 表三 (transposed damage) has no template rows: the finding names the table, and a row when it can
      const transposed = edit.section === "三" && c.lossy.some((e) => e.kind === "transposed");
      const want = crossed ? null : rowKey(edit.section, edit.rowPaths[0]!);
      const named = result.findings.some(
        (f) =>
          f.code === "digits-overlong" &&
          f.table === edit.section &&
          (transposed || (want === null ? f.row !== undefined : f.row === want)),
      );
      if (!named) failures.push(`${where}: no digits-overlong finding for 表${edit.section} ${want ?? edit.rowPaths[0]}`);
    }
    expect(failures.slice(0, 8)).toEqual([]);
  }, 180_000);
});

describe("a row printed as an overlong digit run in run-together text (粘连文本)", () => {
  it(`is null with a digits-overlong finding naming its table and row, never a wrong value (${CASES * 3} cases)`, () => {
    const failures: string[] = [];
    for (let i = 0; i < CASES * 3; i++) {
      const seed = BASE_SEED + 900_000 + i;
      const report = generateReport({ seed, variant: (["2021", "2021-single-other", "2019"] as const)[i % 3] });
      const rng = createRng(seed ^ 0x1b873593);
      const blocks = composeReport(report, rng.fork());
      const edit = printOverlongRun(
        rng,
        blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])),
      )!;
      const { text } = renderRunTogether(blocks, rng, { spaceAtBoundary: rng.pick([0, 0.5]), lineBreakAtBlock: rng.pick([0, 0.3]) });
      const result = parseText(text);
      const where = `seed=${seed} variant=${report.variant} 表${edit.section} ${edit.rowPaths[0]}`;
      if (!result.ok) {
        failures.push(`${where}: refused ${result.error.code}`);
        continue;
      }
      const unsound = findUnsoundValues(result.document, report.document, result.findings);
      if (unsound.length > 0) failures.push(`${where}: ${JSON.stringify(unsound).slice(0, 300)}`);
      const want = rowKey(edit.section, edit.rowPaths[0]!);
      const named = result.findings.some(
        (f) => f.code === "digits-overlong" && f.table === edit.section && (want === null ? f.row !== undefined : f.row === want),
      );
      if (!named) failures.push(`${where}: no digits-overlong finding`);
    }
    expect(failures.slice(0, 8)).toEqual([]);
  }, 180_000);
});
