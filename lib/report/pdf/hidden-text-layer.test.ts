/**
 * A PDF whose text is an OCR program's hidden layer over scanned pages (rendering mode 3): its numbers are checked
 * as OCR readings. A consistent report reads back whole; a number that breaks an identity is withheld, where the
 * same report typed (visible text) keeps it as printed with identity-failed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderReportPdf } from "@/lib/testing/pdf/render-report-pdf";
import { generateReport } from "@/lib/testing/synth/generate-report";
import { parsePdf } from "./parse-pdf";
import { isHiddenTextPage } from "./read-pdf-items";

const require = createRequire(import.meta.url);
const FONT = new Uint8Array(
  readFileSync(path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "../fonts/NotoSansHans-Regular.otf")),
);

async function parseRendered(seed: number, hiddenText: boolean, damage?: (doc: ReturnType<typeof generateReport>["document"]) => void) {
  const { document, agency } = generateReport({ seed });
  const printed = structuredClone(document);
  damage?.(printed);
  const bytes = await renderReportPdf(printed, { fontBytes: FONT, placeChain: agency.chain, siteCode: agency.siteCode, hiddenText });
  const result = await parsePdf(bytes);
  if (!result.ok) throw new Error(`seed ${seed}: ${result.error.code}`);
  return { document, printed, result };
}

describe("hidden text layer (扫描件加文字层)", () => {
  it("tells an OCR layer (most text shown in mode 3 or 7) from typed text, following save/restore", () => {
    const [TR, SHOW, SAVE, RESTORE] = [38, 44, 10, 11];
    expect(isHiddenTextPage([TR, SHOW, SHOW], [[3], ["a"], ["b"]])).toBe(true);
    expect(isHiddenTextPage([SHOW, SHOW, TR, SHOW], [["a"], ["b"], [3], ["c"]])).toBe(false);
    expect(isHiddenTextPage([SAVE, TR, SHOW, RESTORE, SHOW, SHOW], [null, [7], ["a"], null, ["b"], ["c"]])).toBe(false);
    expect(isHiddenTextPage([TR, SHOW, TR, SHOW], [[3], ["a"], [0], ["b"]])).toBe(false);
  });

  it("reads a consistent report back whole, its numbers marked as OCR readings, with a note", async () => {
    for (const seed of [7301, 7302, 7303]) {
      const { document, result } = await parseRendered(seed, true);
      expect(result.document, `seed ${seed}`).toEqual(document);
      expect(result.findings.map((f) => f.code)).toContain("pdf-ocr-text-layer");
      expect(result.provenance["requests.newReceived[6]"]?.source).toBe("ocr");
    }
  });

  it("withholds the numbers of an identity a misread breaks; typed, the same report keeps them as printed", async () => {
    // 1 read as 7 (or a dropped digit) in 自然人's 新收申请: the row no longer sums to its total
    const misread = (doc: ReturnType<typeof generateReport>["document"]) => {
      doc.requests.newReceived[0] = (doc.requests.newReceived[0] ?? 0) + 6;
    };
    for (const seed of [7311, 7312]) {
      const typed = await parseRendered(seed, false, misread);
      expect(typed.result.document.requests.newReceived[0], `seed ${seed} typed`).toBe(typed.printed.requests.newReceived[0]);
      expect(typed.result.findings.map((f) => f.code)).not.toContain("pdf-ocr-text-layer");
      const hidden = await parseRendered(seed, true, misread);
      expect(hidden.result.document.requests.newReceived[0], `seed ${seed} hidden`).toBeNull();
      expect(hidden.result.findings.map((f) => f.code)).toContain("ocr-identity-failed");
      expect(hidden.result.provenance["requests.newReceived[0]"]?.status).toBe("missing");
    }
  });
});
