/**
 * Property test, issue 10 class 4 (DOCX as Word and WPS write it) with class 3 (blank zero cells) and class 6
 * (units): generated reports in both templates written as real DOCX files (lib/testing/synth/render-docx.ts:
 * vMerge/gridSpan merged cells, wrapped labels as a second paragraph or a line break, runs split inside numbers),
 * with random damage on top: every zero applicant cell of some section 三 rows left blank, single blank or
 * dropped cells, wrapped labels, units and notes in section 二, thousands separators and full-width digits.
 *
 * Oracle, independent of the parser: a blanked row whose stated cells already sum to its printed 总计 forces
 * every blank to 0 (non-negativity); the other lost values are forced when the generator's brute-force oracle
 * (forced-oracle.ts) says so. Exact where both say forced, sound (no wrong value, every lost value null with a
 * finding) everywhere else; forced blank zeros must come back inferred with a rule. DOCX_CASES (default 120
 * per variant) sets the count.
 */
import { afterAll, describe, expect, it } from "vitest";
import { generateReport, isForcedRecovery, type CorruptionKind, type TemplateVariant } from "@/lib/testing/synth";
import { diffDocuments, findUnsoundValues } from "@/lib/testing/synth/compare-documents";
import { composeReport } from "@/lib/testing/synth/compose-report";
import { corruptTables } from "@/lib/testing/synth/corrupt-tables";
import { createRng } from "@/lib/testing/synth/prng";
import { renderDocx } from "@/lib/testing/synth/render-docx";
import { blankZeroRows } from "@/lib/testing/synth/blank-zero-rows";
import { parseReport } from "./index";
import type { CanonicalReport } from "./types";

const CASES = Number(process.env.DOCX_CASES ?? 120);
const VARIANTS: TemplateVariant[] = ["2021", "2021-single-other", "2019"];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const OPTIONAL: CorruptionKind[] = ["blank", "drop", "wrap", "units", "headerUnits", "thousands", "fullWidth"];

const tablesOf = (d: CanonicalReport) => ({
  active: d.active,
  legacy2019: d.legacy2019,
  requests: d.requests,
  reviewLitigation: d.reviewLitigation,
});

const tally = { cases: 0, exact: 0, sound: 0, forcedBlanks: 0 };
afterAll(() => {
  console.log(
    `docx: ${tally.cases} cases, ${tally.exact} exact (${tally.forcedBlanks} blank cells forced to 0, inferred), ${tally.sound} sound-only`,
  );
});

describe("class 4 DOCX (Word/WPS tables, merged cells) with blank zeros and other damage", () => {
  it.each(VARIANTS)(
    `template %s: exact where the oracle forces, sound elsewhere (${CASES} cases)`,
    async (variant) => {
      const failures: string[] = [];
      for (let i = 0; i < CASES; i++) {
        const seed = 43_000_000 + i * VARIANTS.length + VARIANTS.indexOf(variant);
        const report = generateReport({ seed, variant });
        const rng = createRng(seed ^ 0x2c1b3c6d);
        const blocks = composeReport(report, rng.fork());
        const tables = blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
        const kinds = OPTIONAL.filter(() => rng.chance(0.35));
        const lossy = corruptTables({ rng: rng.fork(), tables, kinds, isHtml: true, doc: report.document });
        const touched = new Set(lossy.flatMap((e) => e.rowPaths));
        const blanks = rng.chance(0.7)
          ? blankZeroRows(
              rng.fork(),
              tables.find((t) => t.section === "三")!,
              rng.int(1, 5),
              touched,
            )
          : [];
        const bytes = await renderDocx(blocks, rng.fork());
        const where = `seed=${seed} variant=${variant} damage=[${kinds.join(",")}] blankRows=${blanks.length}`;
        const result = await parseReport({ bytes, mediaType: DOCX });
        if (!result.ok) {
          failures.push(`${where}: refused ${result.error.code}`);
          continue;
        }
        tally.cases++;
        const forced = isForcedRecovery(report.document, lossy) && blanks.every((b) => b.forced);
        if (!forced) {
          tally.sound++;
          const unsound = findUnsoundValues(result.document, report.document, result.findings);
          if (unsound.length > 0) failures.push(`${where}: UNSOUND ${JSON.stringify(unsound.slice(0, 3))}`);
          continue;
        }
        const diffs = diffDocuments(tablesOf(result.document), tablesOf(report.document));
        if (diffs.length > 0) {
          failures.push(`${where}: ${JSON.stringify(diffs.slice(0, 3))}`);
          continue;
        }
        tally.exact++;
        for (const path of blanks.flatMap((b) => b.paths)) {
          tally.forcedBlanks++;
          const prov = result.provenance[path];
          if (prov?.status !== "inferred" || !prov.rule)
            failures.push(`${where}: ${path} is ${JSON.stringify(prov)}, not inferred with a rule`);
        }
      }
      expect(failures.slice(0, 8)).toEqual([]);
    },
    600_000,
  );
});
