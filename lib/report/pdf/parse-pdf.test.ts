import { readFileSync } from "node:fs";
import path from "node:path";
import { degrees, PDFArray, PDFDocument, PDFName, rgb, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { parseReport } from "../index";
import type { ParseSuccess } from "../types";
import { parsePdf } from "./parse-pdf";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/pdf");
const NAMES = ["hongze-2023", "hongze-2024", "huaian-2024"] as const;
const bytesOf = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, `${name}.pdf`)));

async function parsed(name: string): Promise<ParseSuccess> {
  const result = await parsePdf(bytesOf(name));
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result;
}

describe.each(NAMES)("%s.pdf", (name) => {
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), "utf8")) as {
    agency: { name: string[]; regionCode: string };
  };

  it("reproduces the expected canonical document exactly from the PDF bytes", async () => {
    const { document, sourceKind } = await parsed(name);
    expect(sourceKind).toBe("pdf");
    expect(expected.agency.name).toContain(document.agency.name);
    expect({ ...document, agency: { ...document.agency, name: expected.agency.name } }).toEqual(expected);
  });

  it("gives every stated value a page and a box on that page", async () => {
    const { provenance, sourceText } = await parsed(name);
    const lines = sourceText.split("\n");
    const stated = Object.entries(provenance).filter(([, p]) => p.status === "stated" && p.loc);
    expect(stated.length).toBeGreaterThan(100);
    for (const [key, p] of stated) {
      const loc = p.loc!;
      expect(loc.page, key).toBeGreaterThanOrEqual(1);
      const [x0, y0, x1, y1] = loc.box!;
      expect(x0 < x1 && y0 < y1 && x0 >= 0 && x1 <= 595.3 && y0 >= 0 && y1 <= 842, key).toBe(true);
      // the location points at the printed number
      if (p.raw && /^\d/.test(p.raw)) expect(lines[loc.line - 1]!.slice(loc.start, loc.end), key).toContain(p.raw);
    }
    // section 三 continuation rows after the page break point at the next page
    const notHeldPage = provenance["requests.unableToProvide.notHeld[6]"]!.loc!.page!;
    const unclearPage = provenance["requests.unableToProvide.unclear[6]"]!.loc!.page!;
    expect(unclearPage).toBe(notHeldPage + 1);
  });

  it("is what parseReport answers for the same bytes (media type and magic bytes)", { timeout: 30_000 }, async () => {
    const byType = await parseReport({ bytes: bytesOf(name), mediaType: "application/pdf" });
    const byMagic = await parseReport({ bytes: bytesOf(name) });
    const direct = await parsed(name);
    expect(byType.ok && byType.document).toEqual(direct.document);
    expect(byMagic.ok && byMagic.document).toEqual(direct.document);
  });

  it("reads a Node Buffer as well (HTTP bodies and file reads arrive as Buffers)", async () => {
    const buffer = readFileSync(path.join(FIXTURES, `${name}.pdf`));
    const fromBuffer = await parseReport({ bytes: buffer, mediaType: "application/pdf" });
    expect(fromBuffer.ok && fromBuffer.document).toEqual((await parsed(name)).document);
    expect(buffer.length).toBeGreaterThan(1000); // the caller's bytes are not detached
  });
});

describe("findings on the real PDFs", () => {
  it("flags the two 表四 totals hongze-2023 printed wrong, naming table, row and column", async () => {
    const { findings, document } = await parsed("hongze-2023");
    const wrong = findings.filter((f) => f.code === "identity-failed" && f.table === "四");
    expect(wrong.map((f) => ({ row: f.row, column: f.column, expected: f.expected, actual: f.actual }))).toEqual([
      { row: "review", column: "total", expected: 0, actual: 11 },
      { row: "litigationAfterReview", column: "total", expected: 0, actual: 5 },
    ]);
    // each points at the printed total on page 4
    for (const f of wrong) expect(f.loc?.page).toBe(4);
    // flagged, not fixed
    expect(document.reviewLitigation.review?.total).toBe(0);
    expect(document.reviewLitigation.litigationAfterReview?.total).toBe(0);
  });

  it("flags the hongze-2024 narrative 17 against the table's 95, on page 1", async () => {
    const { findings } = await parsed("hongze-2024");
    const narrative = findings.filter((f) => f.code === "narrative-mismatch");
    expect(narrative).toHaveLength(1);
    expect(narrative[0]).toMatchObject({ expected: 95, actual: 17, table: "三" });
    expect(narrative[0]!.loc?.page).toBe(1);
  });

  it("has no identity findings for hongze-2024 and huaian-2024", async () => {
    for (const name of ["hongze-2024", "huaian-2024"]) {
      const { findings } = await parsed(name);
      expect(
        findings.filter((f) => f.code === "identity-failed"),
        name,
      ).toEqual([]);
    }
  });
});

/**
 * The same report laid out on landscape media boxes with /Rotate 90 and the content drawn turned
 * the other way, so it displays exactly as before: how landscape table pages are often made.
 */
async function rotatedCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const pre = doc.context.register(doc.context.flateStream(`q 0 1 -1 0 ${height} 0 cm\n`));
    const post = doc.context.register(doc.context.flateStream("\nQ\n"));
    const contents = page.node.get(PDFName.of("Contents"))!;
    const list = contents instanceof PDFArray ? contents.asArray() : [contents];
    page.node.set(PDFName.of("Contents"), doc.context.obj([pre, ...list, post]));
    page.setMediaBox(0, 0, height, width);
    page.setRotation(degrees(90));
  }
  return doc.save();
}

describe("rotated pages", () => {
  it("reads pages with /Rotate 90 in the orientation they are shown, with the same boxes", async () => {
    const original = await parsed("hongze-2024");
    const rotated = await parsePdf(await rotatedCopy(bytesOf("hongze-2024")));
    if (!rotated.ok) throw new Error(rotated.error.message);
    expect(rotated.document).toEqual(original.document);
    expect(rotated.provenance["requests.newReceived[6]"]?.loc?.box).toEqual(original.provenance["requests.newReceived[6]"]?.loc?.box);
    expect(rotated.provenance["requests.newReceived[6]"]?.loc?.page).toBe(original.provenance["requests.newReceived[6]"]?.loc?.page);
  });
});

describe("watermarks", () => {
  it("ignores a diagonal watermark drawn over every page, tables included", async () => {
    const doc = await PDFDocument.load(bytesOf("huaian-2024"));
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (const page of doc.getPages()) {
      for (const y of [150, 420, 690]) {
        page.drawText("SAMPLE 2025 0 1 2", { x: 120, y, size: 40, font, rotate: degrees(35), color: rgb(0.8, 0.8, 0.8), opacity: 0.4 });
      }
    }
    const marked = await parsePdf(await doc.save());
    if (!marked.ok) throw new Error(marked.error.message);
    expect(marked.document).toEqual((await parsed("huaian-2024")).document);
  });
});
