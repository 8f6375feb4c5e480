/**
 * Property tests for issue 10's classes 4–6, each rendered by the generator (lib/testing/synth,
 * lib/testing/pdf) and checked against the generator's own answer key:
 *   5 names/regions: the body of a managed area (平潭综合实验区管理委员会, 青岛西海岸新区财政局 …) in every
 *     layout, alone and with random other damage; the name and the governed area's code are exact
 *     and say they came through the alias table;
 *   6 units/notes: section 二 printed with units and notes (75394432.52元, 2笔, 22（其中修订16件）), or with the money
 *     unit stated once in a header or caption row (单位：元, cells bare in 元), or both, in
 *     every layout, alone and with lossless damage (exact), and with lossy damage (exact where the
 *     identity oracle says so, sound always: no wrong number, every lost value null with a finding);
 *   4 other producers: PDFs whose table 三 header ends one page while its rows start the next
 *     (exact), both templates, managed-area bodies among them. (Chromium's radical code points are
 *     not reproducible with pdf-lib, whose ToUnicode names each glyph by its ideograph: the real
 *     Chromium fixtures in lib/report/fixtures/formats and normalize.test.ts cover them.)
 * Seeded and reproducible; the counts and the exact/sound split are printed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderReportPdf } from "@/lib/testing/pdf/render-report-pdf";
import { LAYOUTS, synthesize, type CorruptionKind, type Layout, type SynthCase } from "@/lib/testing/synth";
import { diffDocuments, findUnsoundValues, type ValueDiff } from "@/lib/testing/synth/compare-documents";
import { generateReport, type TemplateVariant } from "@/lib/testing/synth/generate-report";
import { parseSynthCase } from "@/lib/testing/synth/parse-case";
import { createRng } from "@/lib/testing/synth/prng";
import { parsePdf } from "./pdf/parse-pdf";

const UNITS_CASES = 120;
const NAMES_CASES = 60;
const PDF_CASES = 12;
const BASE_SEED = 31_000_000;

type Tally = { cases: number; exact: number; sound: number };
const counts: Record<string, Tally> = {};
const count = (klass: string, exact: boolean): void => {
  const t = (counts[klass] ??= { cases: 0, exact: 0, sound: 0 });
  t.cases++;
  if (exact) t.exact++;
  else t.sound++;
};

afterAll(() => {
  for (const [klass, t] of Object.entries(counts)) console.log(`class ${klass}: ${t.cases} cases, ${t.exact} exact, ${t.sound} sound-only`);
});

const where = (c: SynthCase): string =>
  `seed=${c.seed} layout=${c.layout} corruptions=[${c.corruptions.join(",")}] variant=${c.report.variant}`;

/** Checks one case: exact when the answer key has an expected document, else sound. Returns the problems. */
async function check(c: SynthCase, klass: string): Promise<string[]> {
  const result = await parseSynthCase(c);
  if (!result.ok) return [`${where(c)}: parse failed: ${result.error.code}`];
  const exact = c.expected !== null;
  count(klass, exact);
  const diffs: ValueDiff[] = exact
    ? diffDocuments(result.document, c.expected)
    : findUnsoundValues(result.document, c.report.document, result.findings);
  return diffs.length ? [`${where(c)}: ${JSON.stringify(diffs).slice(0, 300)}`] : [];
}

const LOSSLESS: CorruptionKind[] = ["wrap", "pageBreak", "fullWidth", "thousands"];
const LOSSY: CorruptionKind[] = ["drop", "blank"];

describe.each(LAYOUTS)("class 6, values with units and notes, layout %s", (layout: Layout) => {
  it("parse back exactly alone and with lossless damage, and stay sound with lossy damage", async () => {
    const problems: string[] = [];
    for (let i = 0; i < UNITS_CASES; i++) {
      const seed = BASE_SEED + i * LAYOUTS.length + LAYOUTS.indexOf(layout);
      const rng = createRng(seed ^ 0x68e31da4);
      const mode = i % 3; // alone, with lossless damage, with lossy (and lossless) damage
      // units in the cells, in a header or caption only (单位：元), or both (a cell's own unit wins)
      const kinds: CorruptionKind[] = i % 4 === 1 ? ["headerUnits"] : i % 4 === 3 ? ["units", "headerUnits"] : ["units"];
      if (mode >= 1) kinds.push(...LOSSLESS.filter(() => rng.chance(0.5)));
      if (mode === 2) kinds.push(...LOSSY.filter(() => rng.chance(0.6)));
      const variant: TemplateVariant = i % 2 === 0 ? "2019" : "2021";
      const c = synthesize({ seed, layout, variant, corruptions: kinds });
      if (mode < 2) expect(c.expected, where(c)).not.toBeNull();
      problems.push(...(await check(c, "6 units")));
    }
    expect(problems, problems.slice(0, 6).join("\n")).toEqual([]);
  });
});

describe.each(LAYOUTS)("class 5, managed areas (管理委员会, alias table), layout %s", (layout: Layout) => {
  it("name the body and the governed area's code exactly, through the alias table, under any damage", async () => {
    const problems: string[] = [];
    for (let i = 0; i < NAMES_CASES; i++) {
      const seed = BASE_SEED + 500_000 + i * LAYOUTS.length + LAYOUTS.indexOf(layout);
      const c = synthesize({ seed, layout, agencyKind: "managed", corruptions: "random" });
      const result = await parseSynthCase(c);
      if (!result.ok) {
        problems.push(`${where(c)}: parse failed: ${result.error.code}`);
        continue;
      }
      const want = c.report.document.agency;
      if (result.document.agency.name !== want.name || result.document.agency.regionCode !== want.regionCode) {
        problems.push(`${where(c)}: agency ${JSON.stringify(result.document.agency)} want ${JSON.stringify(want)}`);
      }
      if (!result.findings.some((f) => f.code === "region-alias")) problems.push(`${where(c)}: no region-alias finding`);
      problems.push(...(await check(c, "5 names")));
    }
    expect(problems, problems.slice(0, 6).join("\n")).toEqual([]);
  });
});

const require = createRequire(import.meta.url);
const FONT = new Uint8Array(
  readFileSync(path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "../fonts/NotoSansHans-Regular.otf")),
);

describe("class 4, PDFs as other producers write them", () => {
  it(`give back the same document for ${PDF_CASES} reports with table 三 split after its header`, async () => {
    for (let i = 0; i < PDF_CASES; i++) {
      const seed = BASE_SEED + 900_000 + i;
      const variant: TemplateVariant = i % 3 === 0 ? "2019" : i % 3 === 1 ? "2021-single-other" : "2021";
      const { document, agency } = generateReport({ seed, variant, agencyKind: i % 4 === 0 ? "managed" : "any" });
      const bytes = await renderReportPdf(document, {
        fontBytes: FONT,
        placeChain: agency.chain,
        siteCode: agency.siteCode,
        fillerParagraphs: seed % 4,
        breakAfterRequestsHeader: true,
      });
      const result = await parsePdf(bytes);
      if (!result.ok) throw new Error(`seed ${seed}: ${result.error.code} ${result.error.message}`);
      count("4 pdf producers", true);
      expect(result.document, `seed ${seed}`).toEqual(document);
      const header = result.provenance["requests.newReceived[6]"]?.loc?.page;
      expect(header, `seed ${seed}: table 三's first row starts a page`).toBeGreaterThan(1);
    }
  }, 300_000);
});
