/**
 * Property test for the damage kinds added after synth.property.test.ts fixed its case draws (adding them there would
 * change which cases it checks): each new kind, in every layout, alone or with random lossless damage, parses back
 * exactly; with random other damage too, every value is either exactly right or null with a finding.
 * DAMAGE_CASES (default 80 per layout and kind) sets the count.
 *
 * - "zeroGlyphs": 〇 ○ 零 inside numbers, single digits full-width, lone zeros as 〇 零 (lossless);
 * - "footnotes": a note with numbers under a table (注：…, *含…) (lossless: its numbers are no cells);
 * - "prose": a sentence restating the table between its rows (本年度共收到政府信息公开申请12件，其中…) (lossless);
 * - "transposed": section 三 with rows and columns swapped (lossy: sound only);
 * - "blankMarks": a 0 prints as —, /, 无 (lossy); "cellUnits": counts print as 12件 (lossless); "splitNumber": a number
 *   wraps inside its narrow cell, its tail on the next line (lossy: sound only; text layouts only).
 *
 * - "misnumbered": the part headings numbered one off (一、主动公开政府信息情况 / 二、收到和处理…), titles kept (lossless);
 * - "strayDigit": an OCR stray digit as one more cell among a section 三 row's numbers (lossy);
 * - "centredGroup": a merged group label of section 三 (（六）其他处理) on the line of a later row of its group (lossless).
 *
 * A lossless kind alone or with lossless damage also raises no warning: a report read back exactly has nothing to warn
 * about (a prose sentence inside section 三 once raised "numbers without a row label").
 */
import { describe, expect, it } from "vitest";
import { CORRUPTION_KINDS, LAYOUTS, synthesize, type CorruptionKind, type Layout } from "@/lib/testing/synth";
import { diffDocuments, findUnsoundValues } from "@/lib/testing/synth/compare-documents";
import { parseSynthCase } from "@/lib/testing/synth/parse-case";
import { createRng } from "@/lib/testing/synth/prng";

const CASES = Number(process.env.DAMAGE_CASES ?? 80);
const BASE_SEED = 53_000_000;
const LOSSLESS: CorruptionKind[] = ["wrap", "pageBreak", "fullWidth", "thousands"];
/** The new kinds: whether each loses nothing (then the exact property applies). */
const KINDS: Array<[CorruptionKind, boolean]> = [
  ["zeroGlyphs", true],
  ["footnotes", true],
  ["prose", true],
  ["transposed", false],
  ["blankMarks", false],
  ["cellUnits", true],
  ["splitNumber", false],
  ["titleWrap", true],
  ["columnHeader", true],
  ["strayMark", false],
  ["blankTotals", false],
  ["misnumbered", true],
  ["strayDigit", false],
  ["centredGroup", true],
];
/** Lossy kinds whose lost values must come back exactly wherever the identities force them (forced-oracle.ts). */
const FORCED_EXACT: ReadonlySet<CorruptionKind> = new Set(["blankTotals"]);

async function check(kind: CorruptionKind, layout: Layout, mixed: boolean, lossless: boolean): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const seed =
      BASE_SEED + ((i * 2 + (mixed ? 1 : 0)) * LAYOUTS.length + LAYOUTS.indexOf(layout)) * 16 + KINDS.findIndex(([k]) => k === kind);
    const rng = createRng(seed ^ 0x3c6ef372);
    const pool = mixed ? CORRUPTION_KINDS.filter((k) => k !== kind) : LOSSLESS;
    const kinds: CorruptionKind[] = [...pool.filter(() => rng.chance(0.3)), kind];
    const c = synthesize({ seed, layout, corruptions: kinds });
    const where = `seed=${seed} layout=${layout} corruptions=[${kinds.join(",")}]`;
    const result = await parseSynthCase(c);
    if (!result.ok) {
      failures.push(`${where}: refused ${result.error.code}`);
      continue;
    }
    const diffs = c.expected && (c.lossy.length === 0 || FORCED_EXACT.has(kind)) ? diffDocuments(result.document, c.expected) : [];
    const unsound = findUnsoundValues(result.document, c.report.document, result.findings);
    for (const d of [...diffs, ...unsound])
      failures.push(`${where}: ${d.path} got ${JSON.stringify(d.got)} want ${JSON.stringify(d.want)}`);
    if (lossless && !mixed)
      for (const f of result.findings.filter((f) => f.severity !== "info")) failures.push(`${where}: spurious ${f.code}: ${f.message}`);
  }
  return failures;
}

describe.each(KINDS)("damage kind %s", (kind, lossless) => {
  it.each(LAYOUTS)(
    `layout %s: ${lossless ? "exact" : "sound"} alone or with lossless damage, sound with any damage (${CASES}+${CASES} cases)`,
    async (layout) => {
      const failures = [...(await check(kind, layout, false, lossless)), ...(await check(kind, layout, true, lossless))];
      expect(failures.slice(0, 8)).toEqual([]);
    },
    180_000,
  );
});
