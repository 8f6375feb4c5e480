/**
 * Property: a generated, internally consistent report written as a PDF (embedded CJK font, ruled
 * tables, wrapped labels, merged group cells, page breaks inside tables with no repeated header)
 * parses back to exactly the document it was made from. Seeded and reproducible.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateReport, type TemplateVariant } from "@/lib/testing/synth/generate-report";
import { parsePdf } from "./parse-pdf";
import { renderReportPdf } from "@/lib/testing/pdf/render-report-pdf";

const require = createRequire(import.meta.url);
const FONT = new Uint8Array(
  readFileSync(path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "../fonts/NotoSansHans-Regular.otf")),
);
const COUNT = 30;
const FIRST_SEED = 7100;

describe("generated reports → PDF → parsePdf", () => {
  it(
    `gives back the same document for ${COUNT} seeded reports (2021 and 2019 templates), with tables broken across pages`,
    { timeout: 180_000 },
    async () => {
      let brokenTables = 0;
      for (let i = 0; i < COUNT; i++) {
        const seed = FIRST_SEED + i;
        const variant: TemplateVariant = i % 5 === 4 ? "2021-single-other" : i % 5 === 3 ? "2019" : "2021";
        const { document, agency } = generateReport({ seed, variant });
        const bytes = await renderReportPdf(document, {
          fontBytes: FONT,
          placeChain: agency.chain,
          siteCode: agency.siteCode,
          // moves the page breaks through sections 二 and 三
          fillerParagraphs: (seed * 7) % 9,
          tableFontSize: 8 + (seed % 3),
        });
        const result = await parsePdf(bytes);
        if (!result.ok) throw new Error(`seed ${seed}: ${result.error.code} ${result.error.message}`);
        expect(result.document, `seed ${seed}`).toEqual(document);
        expect(result.sourceKind).toBe("pdf");
        const first = result.provenance["requests.newReceived[6]"]?.loc?.page;
        const last = result.provenance["requests.carriedForward[6]"]?.loc?.page;
        expect(first, `seed ${seed}`).toBeGreaterThanOrEqual(1);
        if (first !== undefined && last !== undefined && last > first) brokenTables++;
      }
      // the property is only meaningful if section 三 often breaks across a page
      expect(brokenTables).toBeGreaterThanOrEqual(COUNT / 4);
    },
  );
});
