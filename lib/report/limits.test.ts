// Declared-size limits (解析限额) hold in the parser itself, before any heavy work: each hostile file is refused with its
// limit's code, fast; documents inside the limits still parse (the HTML walk is iterative, so depth costs no stack).
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { docxBomb, nestedHtml, pdfManyPages, pdfPageTreeBomb, zipWithLyingSizes } from "@/lib/testing/hostile-files";
import { htmlToText } from "./parse-html";
import { parseReport } from "./parse-report";
import { checkZipLimits } from "./zip-limits";
import { DEFAULT_PARSE_LIMITS, resolveLimits } from "./limits";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const seed = readFileSync(path.join(import.meta.dirname, "fixtures/seeds/000_a0650e73d90a4fd5.txt"), "utf8");
const seedAsHtml = seed
  .split("\n")
  .map((line) => `<p>${line.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
  .join("");
const code = (r: Awaited<ReturnType<typeof parseReport>>): string => (r.ok ? "ok" : r.error.code);

describe("PDF page count is checked before any page is read", { timeout: 60_000 }, () => {
  it("refuses a 1.6 KB page tree that claims 10⁹ pages with too-many-pages", async () => {
    const bytes = pdfPageTreeBomb();
    expect(bytes.length).toBeLessThan(2048);
    const r = await parseReport({ bytes, mediaType: "application/pdf" });
    expect(r).toMatchObject({ ok: false, error: { code: "too-many-pages" } });
    expect(r.ok ? "" : r.error.message).toContain("1000000000");
  });

  it("refuses an honest 5,000-page PDF, and a 201-page one against the default limit of 200", { timeout: 60_000 }, async () => {
    expect(code(await parseReport({ bytes: pdfManyPages(5_000), mediaType: "application/pdf" }))).toBe("too-many-pages");
    expect(code(await parseReport({ bytes: pdfManyPages(201), mediaType: "application/pdf" }))).toBe("too-many-pages");
    // 200 blank pages are within the limit: read, then refused for what they are (no text layer), not for their length
    expect(code(await parseReport({ bytes: pdfManyPages(200), mediaType: "application/pdf" }))).toBe("pdf-no-text-layer");
    expect(code(await parseReport({ bytes: pdfManyPages(3), mediaType: "application/pdf" }, { limits: { maxPages: 2 } }))).toBe(
      "too-many-pages",
    );
  });
});

describe("DOCX (zip) unpacked size and entry count are checked before mammoth inflates anything", { timeout: 60_000 }, () => {
  // the committed 0.3 MB → 100 MB bomb is posted by the e2e test; here the same shape against a 1 MB limit
  const limits = { maxUnpackedBytes: 1024 * 1024 };

  it("refuses a DOCX that declares more unpacked bytes than the limit", async () => {
    const bytes = await docxBomb(2e6);
    expect(bytes.length).toBeLessThan(20_000);
    const r = await parseReport({ bytes, mediaType: DOCX }, { limits });
    expect(r).toMatchObject({ ok: false, error: { code: "too-large-unpacked" } });
  });

  it("refuses the same zip when it lies about its sizes (each entry inflated under a hard cap)", async () => {
    const bytes = zipWithLyingSizes(await docxBomb(2e6));
    expect(() => checkZipLimits(bytes, resolveLimits(limits))).toThrow(/实际/);
    expect(code(await parseReport({ bytes, mediaType: DOCX }, { limits }))).toBe("too-large-unpacked");
  });

  it("refuses a zip with more entries than the limit, and passes a small real-shaped DOCX", async () => {
    const zip = new JSZip();
    for (let i = 0; i < 30; i++) zip.file(`word/media/x${i}.bin`, "x");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(code(await parseReport({ bytes, mediaType: DOCX }, { limits: { maxZipEntries: 10 } }))).toBe("too-large-unpacked");
    const small = await docxBomb(20_000);
    expect(() => checkZipLimits(small, resolveLimits())).not.toThrow();
    expect(code(await parseReport({ bytes: small, mediaType: DOCX }))).toBe("not-a-report");
  });
});

describe("HTML depth, table size and text length", { timeout: 60_000 }, () => {
  it("refuses 8,000 nested divs and 1,000 nested tables with too-deep (never a stack overflow)", async () => {
    expect(code(await parseReport({ html: nestedHtml("div", 8000) }))).toBe("too-deep");
    expect(code(await parseReport({ html: nestedHtml("table", 1000) }))).toBe("too-deep");
    const bytes = new TextEncoder().encode(nestedHtml("table", 1000));
    expect(code(await parseReport({ bytes, mediaType: "text/html" }))).toBe("too-deep");
  });

  it("reads a real report wrapped in 900 divs, and 20,000 nested divs when the limit allows (iterative walk)", async () => {
    const wrapped = await parseReport({ html: nestedHtml("div", 900, seedAsHtml) });
    const plain = await parseReport({ text: seed });
    expect(wrapped.ok && plain.ok).toBe(true);
    if (wrapped.ok && plain.ok) expect(wrapped.document).toEqual(plain.document);
    expect(htmlToText(nestedHtml("div", 20_000, "深处的文字"), { maxHtmlDepth: 30_000 })).toBe("深处的文字");
    expect(htmlToText(nestedHtml("table", 3_000, "表中表"), { maxHtmlDepth: 20_000 })).toContain("表中表");
  });

  it("refuses tables whose rowspan × colspan expand past the text limit, and over-long text", async () => {
    const row = `<tr>${'<td rowspan="100" colspan="100">1</td>'.repeat(50)}</tr>`;
    expect(code(await parseReport({ html: `<table>${row.repeat(50)}</table>` }))).toBe("too-long-text");
    const long = "公开".repeat(DEFAULT_PARSE_LIMITS.maxTextChars / 2 + 1);
    expect(code(await parseReport({ text: long }))).toBe("too-long-text");
    expect(code(await parseReport({ text: seed }, { limits: { maxTextChars: 100 } }))).toBe("too-long-text");
    expect(code(await parseReport({ text: seed }))).toBe("ok");
  });
});
