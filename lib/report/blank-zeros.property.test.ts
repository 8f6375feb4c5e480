/**
 * Property test, class 3 of issue 10 (blank cells the identities force): HTML and DOCX tables leave
 * the applicant columns empty when they are 0. Generated reports (both templates) with every zero
 * applicant cell of several section 三 rows printed blank, alone and with wrapped labels and page
 * breaks, in HTML and the text layouts (DOCX: docx.property.test.ts). An independent brute-force
 * oracle (lib/testing/synth/blank-zero-rows.ts) enumerates the non-negative integers the blanks of a row could take under the row's
 * identity (自然人 … 其他 = 总计); where it finds one assignment the parser must give it exactly, as an
 * inferred value with its rule. BLANK_ZEROS_CASES (default 300 per layout) sets the case count.
 */
import { describe, expect, it } from "vitest";
import { parseHtml, parseText } from "./index";
import { generateReport, type TemplateVariant } from "@/lib/testing/synth";
import { composeReport } from "@/lib/testing/synth/compose-report";
import { corruptTables } from "@/lib/testing/synth/corrupt-tables";
import { createRng } from "@/lib/testing/synth/prng";
import { renderHtml } from "@/lib/testing/synth/render-html";
import { renderText } from "@/lib/testing/synth/render-text";
import { diffDocuments } from "@/lib/testing/synth/compare-documents";
import { blankZeroRows } from "@/lib/testing/synth/blank-zero-rows";

const CASES = Number(process.env.BLANK_ZEROS_CASES ?? 300);
const LAYOUTS = ["html", "tab", "lines", "pipe"] as const;
const VARIANTS: TemplateVariant[] = ["2021", "2021-single-other", "2019"];

describe("class 3: blank cells the identities force to 0", () => {
  it.each(LAYOUTS)(
    `layout %s: every forced blank comes back 0, inferred with its rule (${CASES} cases)`,
    (layout) => {
      const failures: string[] = [];
      let blanks = 0;
      let exactCases = 0;
      for (let i = 0; i < CASES; i++) {
        const seed = 41_000_000 + i * LAYOUTS.length + LAYOUTS.indexOf(layout);
        const variant = VARIANTS[i % VARIANTS.length]!;
        const report = generateReport({ seed, variant });
        const rng = createRng(seed ^ 0x68e31da4);
        const blocks = composeReport(report, rng.fork());
        const tables = blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
        const requests = tables.find((t) => t.section === "三")!;
        const rows = blankZeroRows(rng, requests, rng.int(1, 4));
        const blanked = rows.flatMap((r) => r.paths);
        const lossless = (["wrap", "pageBreak"] as const).filter(() => rng.chance(0.3));
        corruptTables({ rng: rng.fork(), tables, kinds: [...lossless], isHtml: layout === "html", doc: report.document });
        // The oracle (blank-zero-rows.ts): every blanked row must have exactly one assignment (its blanks were zeros).
        if (!rows.every((r) => r.forced)) failures.push(`seed=${seed}: oracle finds the blanks not forced (generator bug)`);
        const where = `seed=${seed} layout=${layout} variant=${variant} lossless=[${lossless.join(",")}]`;
        const result = layout === "html" ? parseHtml(renderHtml(blocks)) : parseText(renderText(blocks, layout));
        if (!result.ok) {
          failures.push(`${where}: refused`);
          continue;
        }
        // Every layout keeps where a blank stands: one cell per line, a run of pipes, a grid row whose merged label's
        // covered positions come right after it (HTML, tab text), so the oracle's answer must come back exactly.
        const pick = (d: typeof report.document) => ({
          active: d.active,
          legacy2019: d.legacy2019,
          requests: d.requests,
          reviewLitigation: d.reviewLitigation,
        });
        const diffs = diffDocuments(pick(result.document), pick(report.document));
        const flagged = result.findings.some((f) => f.severity !== "info");
        const unsound = diffs.filter((d) => d.got !== null || !flagged);
        if (unsound.length > 0) failures.push(`${where}: UNSOUND ${JSON.stringify(unsound.slice(0, 3))}`);
        if (diffs.length > 0)
          failures.push(
            `${where}: ${JSON.stringify(diffs.slice(0, 3))} ${process.env.DBG ? JSON.stringify(result.findings.map((f) => f.message)) : ""}`,
          );
        else exactCases++;
        for (const path of blanked) {
          blanks++;
          const prov = result.provenance[path];
          if (prov?.status !== "inferred" || !prov.rule)
            failures.push(`${where}: ${path} is ${JSON.stringify(prov)}, not inferred with a rule`);
        }
      }
      console.log(`blank zeros ${layout}: ${CASES} cases, ${exactCases} exact (${blanks} blank cells forced to 0, inferred)`);
      expect(failures.slice(0, 10)).toEqual([]);
    },
    300_000,
  );
});
