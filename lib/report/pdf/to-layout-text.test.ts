import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractPdfLayout } from "./parse-pdf";
import type { PdfTextItem } from "./read-pdf-items";
import { toLayoutText, type LayoutText } from "./to-layout-text";
import type { Row7 } from "../types";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/pdf");
const NAMES = ["hongze-2023", "hongze-2024", "huaian-2024"] as const;

async function layoutOf(name: string): Promise<LayoutText> {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, `${name}.pdf`)));
  const out = await extractPdfLayout(bytes);
  if ("ok" in out) throw new Error(out.error.message);
  return out;
}

type Expected = {
  requests: Record<string, Row7 | Record<string, Row7 | null>>;
  reviewLitigation: Record<string, { upheld: number; corrected: number; other: number; pending: number; total: number } | null>;
};

/** The section 三 rows of an expected document in template order (rows the report does not print are skipped). */
function sectionThreeRows(doc: Expected): Row7[] {
  const r = doc.requests;
  const order = [
    "newReceived",
    "carriedOver",
    "granted",
    "partiallyGranted",
    "denied",
    "unableToProvide",
    "notProcessed",
    "otherHandling",
    "totalProcessed",
    "carriedForward",
  ];
  const rows: Row7[] = [];
  for (const key of order) {
    const v = r[key];
    if (Array.isArray(v)) rows.push(v as Row7);
    else if (v) for (const sub of Object.values(v)) if (sub) rows.push(sub);
  }
  return rows;
}

/** The trailing numeric cells of a tab-separated line. */
function trailingNumbers(line: string): string[] {
  const cells = line.split("\t");
  const out: string[] = [];
  for (let i = cells.length - 1; i >= 0 && /^\d+(\.\d+)?$/.test(cells[i]!); i--) out.unshift(cells[i]!);
  return out;
}

describe.each(NAMES)("layout text of %s.pdf", (name) => {
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), "utf8")) as Expected;

  it("drops page numbers and keeps one table row per line, across page breaks", async () => {
    const { text } = await layoutOf(name);
    expect(text).not.toMatch(/^\s*-\s*\d+\s*-\s*$/m);
    const lines = text.split("\n");
    const rows = lines.map(trailingNumbers).filter((n) => n.length === 7);
    expect(rows.map((n) => n.map(Number))).toEqual(sectionThreeRows(expected));
    // every section 三 row has a label on its own line (no orphan number lines)
    for (const line of lines.filter((l) => trailingNumbers(l).length === 7)) {
      expect(line.split("\t").slice(0, -7).join("").trim()).not.toBe("");
    }
  });

  it("keeps section 四 as one row of 15 numbers", async () => {
    const { text } = await layoutOf(name);
    const rl = expected.reviewLitigation;
    const want = [rl.review, rl.litigationDirect, rl.litigationAfterReview].flatMap((g) =>
      g ? [g.upheld, g.corrected, g.other, g.pending, g.total] : [],
    );
    const line = text.split("\n").find((l) => trailingNumbers(l).length === 15);
    expect(line?.split("\t").map(Number)).toEqual(want);
  });

  it("maps every cell back to a page and a box", async () => {
    const layout = await layoutOf(name);
    const lines = layout.text.split("\n");
    const rowLine = lines.findIndex((l) => l.startsWith("四、结转下年度继续办理"));
    expect(rowLine).toBeGreaterThan(0);
    const spans = layout.spans.filter((s) => s.line === rowLine + 1);
    expect(spans.length).toBe(8);
    for (const s of spans) {
      expect(s.page).toBeGreaterThanOrEqual(4);
      const [x0, y0, x1, y1] = s.box;
      expect(x1).toBeGreaterThan(x0);
      expect(y1).toBeGreaterThan(y0);
      expect(y1).toBeLessThanOrEqual(842);
    }
  });
});

describe("merged and wrapped labels", () => {
  it("attaches group labels split by a page break to the group's first row (huaian-2024 （四）无法提供)", async () => {
    const { text } = await layoutOf("huaian-2024");
    expect(text).toMatch(/^\t（四）无法提供\t1\.本机关不掌握相关政府信息\t746\t12\t0\t0\t10\t1\t769$/m);
    expect(text).toMatch(/^\t（六）其他处理\t1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t67\t/m);
    expect(text).toMatch(/^三、本年度办理结果\t（一）予以公开\t\t1288\t/m);
  });

  it("joins wrapped labels whose numbers sit on a line of their own (hongze-2023)", async () => {
    const { text } = await layoutOf("hongze-2023");
    expect(text).toMatch(/\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t4\t0\t0\t0\t0\t0\t4$/m);
    expect(text).toMatch(/\t5\.要求行政机关确认或重新出具已获取信息\t0\t/m);
    expect(text).toMatch(/\t（三）不予公开\t1\.属于国家秘密\t1\t/m);
    expect(text).toMatch(/^行政处罚\t4119$/m);
    expect(text).toMatch(/^行政事业性收费\t7730\.28$/m);
  });
});

describe("layout from hand-made text items", () => {
  const page = { width: 595, height: 842 };
  const item = (p: number, str: string, x0: number, baseline: number, fontSize = 10): PdfTextItem => ({
    page: p,
    str,
    x0,
    x1: x0 + fontSize * 0.55 * [...str].length * (/[\u4e00-\u9fff]/.test(str) ? 1.8 : 1),
    top: baseline - fontSize * 0.85,
    bottom: baseline + fontSize * 0.15,
    baseline,
    fontSize,
    vertical: false,
  });

  it("drops running headers and footers repeated on every page, keeps the table between them", () => {
    const items: PdfTextItem[] = [];
    for (const p of [1, 2]) {
      items.push(item(p, "某某县人民政府办公室", 60, 40, 9), item(p, `第 ${p} 页 共 2 页`, 270, 810, 9));
    }
    items.push(item(1, "规章", 60, 700), item(1, "1", 300, 700), item(1, "2", 400, 700));
    items.push(item(2, "行政规范性文件", 60, 100), item(2, "3", 300, 100), item(2, "4", 400, 100));
    const { text } = toLayoutText({ pages: [page, page], items });
    expect(text).toBe("规章\t1\t2\n行政规范性文件\t3\t4\n");
  });

  it("splits one run holding several numbers and reads full-width digits", () => {
    const items = [item(1, "行政处罚", 60, 300), item(1, "１２ 0 ３", 300, 300)];
    const { text, spans } = toLayoutText({ pages: [page], items });
    expect(text).toBe("行政处罚\t12\t0\t3\n");
    expect(spans.filter((s) => s.line === 1)).toHaveLength(4);
  });
});

describe("row numbers set apart from their label", () => {
  it("joins a bare 1. / （三） to the label that follows it", () => {
    const page = { width: 595, height: 842 };
    const at = (str: string, x0: number, x1: number, baseline: number): PdfTextItem => ({
      page: 1,
      str,
      x0,
      x1,
      top: baseline - 8.5,
      bottom: baseline + 1.5,
      baseline,
      fontSize: 10,
      vertical: false,
    });
    const items = [at("1.", 150, 157, 300), at("属于国家秘密", 170, 230, 300), at("0", 320, 326, 300), at("2", 360, 366, 300)];
    expect(toLayoutText({ pages: [page], items }).text).toBe("1.属于国家秘密\t0\t2\n");
  });
});

describe("values printed with a unit", () => {
  it("keeps 21件 and 7730.28万元 as table values", () => {
    const page = { width: 595, height: 842 };
    const at = (str: string, x0: number, x1: number, baseline: number): PdfTextItem => ({
      page: 1,
      str,
      x0,
      x1,
      top: baseline - 8.5,
      bottom: baseline + 1.5,
      baseline,
      fontSize: 10,
      vertical: false,
    });
    const items = [
      at("行政许可", 60, 100, 300),
      at("21件", 300, 320, 300),
      at("行政事业性收费", 60, 130, 340),
      at("7730.28万元", 290, 345, 340),
    ];
    expect(toLayoutText({ pages: [page], items }).text).toBe("行政许可\t21件\n行政事业性收费\t7730.28万元\n");
  });
});

describe("column boundaries from the header", () => {
  it("keeps a column that is blank in every row as an empty cell", () => {
    const page = { width: 595, height: 842 };
    const at = (str: string, x0: number, x1: number, baseline: number): PdfTextItem => ({
      page: 1,
      str,
      x0,
      x1,
      top: baseline - 8.5,
      bottom: baseline + 1.5,
      baseline,
      fontSize: 10,
      vertical: false,
    });
    const items = [
      at("信息内容", 60, 100, 270),
      at("甲", 295, 305, 270),
      at("乙", 345, 355, 270),
      at("丙", 395, 405, 270),
      at("规章", 60, 80, 300),
      at("1", 297, 303, 300),
      at("3", 397, 403, 300),
      at("规范性文件", 60, 110, 330),
      at("12", 294, 306, 330),
      at("30", 394, 406, 330),
    ];
    expect(toLayoutText({ pages: [page], items }).text).toBe("信息内容\t甲\t乙\t丙\n规章\t1\t\t3\n规范性文件\t12\t\t30\n");
  });
});

describe("compact tables", () => {
  it("does not run a header cell into the data row just under it", () => {
    const page = { width: 595, height: 842 };
    const at = (str: string, x0: number, x1: number, baseline: number): PdfTextItem => ({
      page: 1,
      str,
      x0,
      x1,
      top: baseline - 8.5,
      bottom: baseline + 1.5,
      baseline,
      fontSize: 10,
      vertical: false,
    });
    const items = [
      at("信息内容", 60, 100, 280),
      at("本年制发件数", 280, 340, 280),
      at("现行有效件数", 380, 440, 280),
      at("规章", 60, 80, 298),
      at("1", 307, 313, 298),
      at("3", 407, 413, 298),
    ];
    expect(toLayoutText({ pages: [page], items }).text).toBe("信息内容\t本年制发件数\t现行有效件数\n规章\t1\t3\n");
  });
});
