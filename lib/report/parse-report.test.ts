import iconv from "iconv-lite";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { CLEAN, CLEAN_EXPECTED } from "@/lib/testing/quirk-fixtures";
import { htmlToText, parseHtml } from "./parse-html";
import { isScanRefusal, parseReport } from "./parse-report";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** The clean fixture as an HTML page: tab lines become table rows, other lines paragraphs. */
function cleanAsHtml(charset = "utf-8"): string {
  const body: string[] = [];
  let table: string[] | null = null;
  for (const line of CLEAN.split("\n")) {
    if (line.includes("\t")) {
      table ??= [];
      table.push(
        `<tr>${line
          .split("\t")
          .map((c) => `<td>${esc(c)}</td>`)
          .join("")}</tr>`,
      );
      continue;
    }
    if (table) body.push(`<table>${table.join("")}</table>`);
    table = null;
    if (line.trim()) body.push(`<p>${esc(line)}</p>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>年报</title><script>var x = "<td>9</td>";</script></head><body>${body.join("\n")}</body></html>`;
}

describe("HTML", () => {
  it("reads a page whose tables are real HTML tables", () => {
    const r = parseHtml(cleanAsHtml());
    expect(r.ok && r.document).toEqual(CLEAN_EXPECTED);
    expect(r.ok && r.sourceKind).toBe("html");
  });

  it("expands rowspan and colspan onto the grid", () => {
    const html = `<table>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（三）不予公开</td><td>x</td></tr>
      <tr><td>1.属于国家秘密</td><td>0</td><td>5</td></tr></table>`;
    expect(htmlToText(html).split("\n")).toEqual(["三、本年度办理结果\t（三）不予公开\t\tx", "\t1.属于国家秘密\t0\t5"]);
  });

  it("reads a section 三 table printed with rowspan group labels", () => {
    const [before, after] = CLEAN.split("三、收到和处理政府信息公开申请情况");
    const rows = after!.split("\n").filter((l) => /\t\d/.test(l) && !l.includes("结果维持") && l.split("\t").length >= 8 && !/^\d/.test(l));
    const trs = rows.map((l, i) => {
      const cells = l.split("\t");
      const nums = cells
        .slice(-7)
        .map((n) => `<td>${n}</td>`)
        .join("");
      const labels = cells.slice(0, -7).filter((c) => c !== "");
      const lead = i === 2 ? `<td rowspan="22">三、本年度办理结果</td>` : "";
      return `<tr>${lead}${labels.map((c) => `<td${i < 2 || i > 23 ? ' colspan="2"' : ""}>${esc(c)}</td>`).join("")}${nums}</tr>`;
    });
    const review = after!.slice(after!.indexOf("四、政府信息公开行政复议"));
    const html = `<p>${esc(before!).replace(/\n/g, "</p><p>")}</p><p>三、收到和处理政府信息公开申请情况</p><table>${trs.join("")}</table><pre>${esc(review)}</pre>`;
    const r = parseHtml(html);
    expect(r.ok && r.document.requests).toEqual(CLEAN_EXPECTED.requests);
  });

  it("decodes GBK bytes declared by a meta charset", async () => {
    const bytes = new Uint8Array(iconv.encode(cleanAsHtml("gbk"), "gbk"));
    const r = await parseReport({ bytes, fileName: "report.html" });
    expect(r.ok && r.document).toEqual(CLEAN_EXPECTED);
  });

  it("detects GB18030 text without a declaration", async () => {
    const r = await parseReport({ bytes: new Uint8Array(iconv.encode(CLEAN, "gb18030")) });
    expect(r.ok && r.document.agency.name).toBe("额敏县人民政府");
  });
});

describe("DOCX", () => {
  it("reads a Word document through mammoth", async () => {
    const xmlEsc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const para = (t: string): string => `<w:p><w:r><w:t xml:space="preserve">${xmlEsc(t)}</w:t></w:r></w:p>`;
    const parts: string[] = [];
    let rows: string[] = [];
    for (const line of [...CLEAN.split("\n"), ""]) {
      if (line.includes("\t")) {
        rows.push(
          `<w:tr>${line
            .split("\t")
            .map((c) => `<w:tc>${para(c)}</w:tc>`)
            .join("")}</w:tr>`,
        );
        continue;
      }
      if (rows.length) parts.push(`<w:tbl>${rows.join("")}</w:tbl>`);
      rows = [];
      if (line.trim()) parts.push(para(line));
    }
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    );
    zip.file(
      "_rels/.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    );
    zip.file(
      "word/document.xml",
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${parts.join("")}</w:body></w:document>`,
    );
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const r = await parseReport({ bytes, fileName: "report.docx" });
    expect(r.ok && r.sourceKind).toBe("docx");
    expect(r.ok && r.document).toEqual(CLEAN_EXPECTED);
  });
});

/** The clean report with every table number removed (tables came out empty). */
const BLANK_TABLES = CLEAN.replace(/\t[\d.,]+/g, "\t").replace(/^[\d\t]+$/gm, "");

describe("refuse only what is not a report", () => {
  it("a report whose tables came out empty (title, year, agency, headings) is parsed, all null, and flagged", async () => {
    const r = await parseReport({ bytes: new TextEncoder().encode(BLANK_TABLES) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.year).toBe(2024);
    expect(r.document.requests.newReceived).toEqual([null, null, null, null, null, null, null]);
    expect(r.findings.map((f) => f.code)).toContain("tables-empty");
  });

  it("the title plus one section heading run into one line is a report, even with no table row found", async () => {
    const text = "额敏县人民政府2024年政府信息公开工作年度报告 一、总体情况本年度共受理申请若干件。二、主动公开政府信息情况（表格为图片）";
    const r = await parseReport({ bytes: new TextEncoder().encode(text) });
    expect(r.ok).toBe(true);
    expect(r.ok && r.findings.some((f) => f.code === "tables-empty")).toBe(true);
  });
});

describe("not a report", () => {
  it.each([
    ["empty file", new Uint8Array(0), "empty"],
    ["whitespace", new TextEncoder().encode("  \n\t\n"), "empty"],
    [
      "unrelated page",
      new TextEncoder().encode(
        "<html><body><h1>新闻</h1><p>今天天气晴，2025年1月1日。</p><table><tr><td>1</td><td>2</td></tr></table></body></html>",
      ),
      "not-a-report",
    ],
    ["binary junk", new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), "unreadable"],
    ["broken docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "unreadable"],
    [
      "blank template",
      new TextEncoder().encode(BLANK_TABLES.replace(/^.*年度报告$/m, "政府信息公开工作年度报告格式模板").replace(/\d{4}年/g, "XXXX年")),
      "not-a-report",
    ],
    [
      "a page that names the title but has no section heading",
      new TextEncoder().encode("关于印发政府信息公开工作年度报告的通知\n请各单位按时报送。"),
      "not-a-report",
    ],
  ])("%s", async (_name, bytes, code) => {
    const r = await parseReport({ bytes });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe(code);
    expect(!r.ok && r.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("isScanRefusal: what ingest and the parse CLI read again with OCR", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

  it("an image-only PDF and an image refused for want of OCR are scans", async () => {
    expect(isScanRefusal({ ok: false, error: { code: "pdf-no-text-layer", message: "" } }, { bytes: new Uint8Array() })).toBe(true);
    const image = await parseReport({ bytes: png, fileName: "page.png" });
    expect(image.ok).toBe(false);
    expect(isScanRefusal(image as Exclude<typeof image, { ok: true }>, { bytes: png, fileName: "page.png" })).toBe(true);
  });

  it("a parsed report, another media type and other refusals are not", async () => {
    expect(isScanRefusal({ ok: true }, { bytes: png })).toBe(false);
    const binary = await parseReport({ bytes: exe, fileName: "setup.exe" });
    expect(binary.ok).toBe(false);
    expect(isScanRefusal(binary as Exclude<typeof binary, { ok: true }>, { bytes: exe, fileName: "setup.exe" })).toBe(false);
    expect(isScanRefusal({ ok: false, error: { code: "unsupported-media-type", message: "" } }, { bytes: exe, fileName: "a.exe" })).toBe(
      false,
    );
    expect(isScanRefusal({ ok: false, error: { code: "pdf-encrypted", message: "" } }, { bytes: new Uint8Array() })).toBe(false);
  });
});
