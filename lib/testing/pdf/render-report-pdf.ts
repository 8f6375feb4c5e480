/**
 * Writes a canonical report as a 年度报告 PDF (pdf-lib + fontkit, embedded CJK font), laid out like
 * the real ones: ruled tables, wrapped labels with the numbers vertically centred, merged group
 * cells, a vertical 三、本年度办理结果 label, page numbers "- n -", and tables that break across
 * pages with no repeated header. Used by the property test and the PDF benchmark; its output says
 * that it is synthetic. The font bytes are passed in (this module reads no files).
 */
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, setTextRenderingMode, TextRenderingMode, type PDFFont, type PDFPage } from "pdf-lib";
import { getRow, hasSingleOther, listRequestRows } from "../synth/request-rows";
import type { CanonicalReport, CaseOutcomes, Num } from "@/lib/report/types";

export type RenderPdfOptions = {
  /** an OTF/TTF font with CJK glyphs */
  fontBytes: Uint8Array;
  /** 地址 place chain printed in the intro (region context for the parser) */
  placeChain?: string[];
  /** 政府网站标识码 */
  siteCode?: string;
  /** number of filler paragraphs before section 二 (moves the page breaks around) */
  fillerParagraphs?: number;
  /** label font size in the tables (default 9) */
  tableFontSize?: number;
  /** end the page right after table 三's header rows, so its body starts on the next page */
  breakAfterRequestsHeader?: boolean;
  /** draw all text invisible (rendering mode 3), as an OCR program's text layer over a scanned page is */
  hiddenText?: boolean;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 60;
const TOP = 60;
const BOTTOM = 70;
const RIGHT = A4[0] - MARGIN_X;

type Cursor = { page: PDFPage; y: number; pageNo: number };

const fmt = (n: Num) => (n === null ? "" : String(n));

class PdfWriter {
  cursor!: Cursor;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly hiddenText = false,
  ) {
    this.newPage();
  }

  newPage(): void {
    const page = this.doc.addPage(A4);
    if (this.hiddenText) page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
    const pageNo = this.doc.getPageCount();
    const label = `- ${pageNo} -`;
    const w = this.font.widthOfTextAtSize(label, 10);
    page.drawText(label, { x: (A4[0] - w) / 2, y: 36, size: 10, font: this.font });
    this.cursor = { page, y: TOP, pageNo };
  }

  /** top-left y → pdf-lib baseline y */
  text(str: string, x: number, yTop: number, size: number): void {
    if (!str) return;
    this.cursor.page.drawText(str, { x, y: A4[1] - yTop - size * 0.88, size, font: this.font, color: rgb(0, 0, 0) });
  }

  width(str: string, size: number): number {
    return this.font.widthOfTextAtSize(str, size);
  }

  /** Wraps text to a width, character by character (CJK has no spaces). */
  wrap(str: string, maxWidth: number, size: number): string[] {
    const lines: string[] = [];
    let cur = "";
    for (const ch of str) {
      if (cur && this.width(cur + ch, size) > maxWidth) {
        lines.push(cur);
        cur = ch;
      } else cur += ch;
    }
    if (cur) lines.push(cur);
    return lines;
  }

  ensure(height: number): void {
    if (this.cursor.y + height > A4[1] - BOTTOM) this.newPage();
  }

  paragraph(str: string, size = 14, indent = true): void {
    const lead = size * 1.7;
    const first = indent ? size * 2 : 0;
    const lines: string[] = [];
    let cur = "";
    let max = RIGHT - MARGIN_X - first;
    for (const ch of str) {
      if (cur && this.width(cur + ch, size) > max) {
        lines.push(cur);
        cur = ch;
        max = RIGHT - MARGIN_X;
      } else cur += ch;
    }
    if (cur) lines.push(cur);
    lines.forEach((line, i) => {
      this.ensure(lead);
      this.text(line, MARGIN_X + (i === 0 ? first : 0), this.cursor.y, size);
      this.cursor.y += lead;
    });
  }

  heading(str: string, size = 15): void {
    this.ensure(size * 3);
    this.cursor.y += size * 0.4;
    this.text(str, MARGIN_X + size * 2, this.cursor.y, size);
    this.cursor.y += size * 1.9;
  }

  rect(x0: number, yTop: number, x1: number, yBottom: number): void {
    this.cursor.page.drawRectangle({
      x: x0,
      y: A4[1] - yBottom,
      width: x1 - x0,
      height: yBottom - yTop,
      borderColor: rgb(0, 0, 0),
      borderWidth: 0.5,
    });
  }
}

/** A table cell: text in a column range, wrapped, centred vertically in its row. */
type CellSpec = { text: string; col0: number; col1: number; align?: "left" | "center" };

type RowSpec = { cells: CellSpec[] };

/**
 * Draws a ruled table row by row, breaking pages between rows (header not repeated). Group cells
 * (rowspan) are given as `groups`: the label is centred over the rows of the group on the page
 * where the group starts; `vertical` groups print one character per line.
 */
function drawTable(
  w: PdfWriter,
  cols: number[],
  rows: RowSpec[],
  size: number,
  groups: { col0: number; col1: number; first: number; last: number; text: string; vertical?: boolean }[] = [],
): void {
  const lead = size * 1.45;
  const pad = 5;
  const placed: { page: PDFPage; top: number; bottom: number }[] = [];
  const groupCols = (i: number) => groups.filter((g) => i >= g.first && i <= g.last);
  rows.forEach((row, i) => {
    const wrapped = row.cells.map((c) => w.wrap(c.text, cols[c.col1 + 1]! - cols[c.col0]! - pad * 2, size));
    const lines = Math.max(1, ...wrapped.map((l) => l.length));
    const h = lines * lead + pad * 2;
    const before = w.cursor.pageNo;
    w.ensure(h);
    if (w.cursor.pageNo !== before) w.cursor.y += 0;
    const top = w.cursor.y;
    const bottom = top + h;
    row.cells.forEach((c, k) => {
      const ls = wrapped[k]!;
      const x0 = cols[c.col0]!;
      const x1 = cols[c.col1 + 1]!;
      w.rect(x0, top, x1, bottom);
      const blockTop = top + (h - ls.length * lead) / 2 + (lead - size) / 2;
      ls.forEach((line, j) => {
        const lw = w.width(line, size);
        const x = c.align === "left" ? x0 + pad : x0 + (x1 - x0 - lw) / 2;
        w.text(line, x, blockTop + j * lead, size);
      });
    });
    for (const g of groupCols(i)) w.rect(cols[g.col0]!, top, cols[g.col1 + 1]!, bottom);
    placed.push({ page: w.cursor.page, top, bottom });
    w.cursor.y = bottom;
  });
  // group labels: centred over the group's rows on the page where it starts
  for (const g of groups) {
    const start = placed[g.first]!;
    const samePage = placed.slice(g.first, g.last + 1).filter((p) => p.page === start.page);
    const top = start.top;
    const bottom = samePage[samePage.length - 1]!.bottom;
    const x0 = cols[g.col0]!;
    const x1 = cols[g.col1 + 1]!;
    const page = w.cursor.page;
    w.cursor.page = start.page;
    if (g.vertical) {
      const chars = [...g.text];
      const vlead = size * 1.6;
      const blockTop = top + Math.max(2, (bottom - top - chars.length * vlead) / 2);
      chars.forEach((ch, j) => w.text(ch, x0 + (x1 - x0 - w.width(ch, size)) / 2, blockTop + j * vlead, size));
    } else {
      const ls = w.wrap(g.text, x1 - x0 - 8, size);
      const blockTop = top + (bottom - top - ls.length * lead) / 2 + (lead - size) / 2;
      ls.forEach((line, j) => w.text(line, x0 + 4, blockTop + j * lead, size));
    }
    w.cursor.page = page;
  }
}

/** Renders `doc` as a PDF in its template (2021, or 2019 with `legacy2019`). */
export async function renderReportPdf(doc: CanonicalReport, options: RenderPdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setProducer("ogi-dashboard synthetic report (合成数据)");
  pdf.setTitle(`${doc.agency.name}${doc.year}年政府信息公开工作年度报告（合成样例）`);
  const font = await pdf.embedFont(options.fontBytes, { subset: true });
  const w = new PdfWriter(pdf, font, options.hiddenText);
  const size = options.tableFontSize ?? 9;
  const { year } = doc;
  const name = doc.agency.name;

  // title
  for (const [t, s] of [
    [name, 20],
    [`${year}年政府信息公开工作年度报告`, 20],
  ] as const) {
    const tw = w.width(t, s);
    w.text(t, (A4[0] - tw) / 2, w.cursor.y, s);
    w.cursor.y += s * 1.6;
  }
  w.cursor.y += 10;
  w.paragraph("（本报告为系统生成的合成样例数据，仅用于测试，非真实政府报告。）", 12);
  const place = options.placeChain?.length ? `地址：${options.placeChain.join("")}；` : "";
  const site = options.siteCode ? `政府网站标识码：${options.siteCode}；` : "";
  w.paragraph(
    `本报告由${name}根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${name}联系（${place}${site}）。`,
  );
  w.heading("一、总体情况");
  const filler =
    "坚持以公开为常态、不公开为例外，持续完善政府信息公开制度，规范依申请公开办理流程，强化平台建设和监督保障，推动政务公开工作提质增效。";
  for (let i = 0; i < (options.fillerParagraphs ?? 1); i++) w.paragraph(filler);
  if (doc.scope === "summary") w.paragraph(`本报告所列数据由${name}办公室汇总本地区各有关单位的年度报告数据形成。`);

  // section 二
  w.heading("二、主动公开政府信息情况");
  const a = doc.active;
  const c4 = [MARGIN_X, MARGIN_X + 150, MARGIN_X + 265, MARGIN_X + 380, RIGHT];
  const sub = (title: string, header: string[], rows: string[][], cols: number[]) => {
    w.ensure(90);
    drawTable(w, cols, [{ cells: [{ text: title, col0: 0, col1: cols.length - 2 }] }], size + 1);
    drawTable(
      w,
      cols,
      [header, ...rows].map((r, i) => ({
        cells: r.map((t, k) => ({
          text: t,
          col0: k,
          col1: k === r.length - 1 ? cols.length - 2 : k,
          align: i > 0 && k === 0 ? ("left" as const) : undefined,
        })),
      })),
      size + 1,
    );
    w.cursor.y += 4;
  };
  const legacy = doc.legacy2019;
  if (legacy) {
    const items = (label: string, v: { previousYearItems: Num; change: Num; decisions: Num }) => [
      label,
      fmt(v.previousYearItems),
      fmt(v.change),
      fmt(v.decisions),
    ];
    sub(
      "第二十条第（一）项",
      ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
      [
        ["规章", fmt(legacy.regulations.newlyMade), fmt(legacy.regulations.newlyPublished), fmt(legacy.regulations.totalPublished)],
        [
          "规范性文件",
          fmt(legacy.normativeDocuments.newlyMade),
          fmt(legacy.normativeDocuments.newlyPublished),
          fmt(legacy.normativeDocuments.totalPublished),
        ],
      ],
      c4,
    );
    sub(
      "第二十条第（五）项",
      ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      [items("行政许可", legacy.licensing), items("其他对外管理服务事项", legacy.otherServices)],
      c4,
    );
    sub(
      "第二十条第（六）项",
      ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      [items("行政处罚", legacy.penalty), items("行政强制", legacy.coercion)],
      c4,
    );
    const c3 = [MARGIN_X, MARGIN_X + 150, MARGIN_X + 300, RIGHT];
    sub(
      "第二十条第（八）项",
      ["信息内容", "上一年项目数量", "本年增/减"],
      [["行政事业性收费", fmt(legacy.fees.previousYearItems), fmt(legacy.fees.change)]],
      c3,
    );
    sub(
      "第二十条第（九）项",
      ["信息内容", "采购项目数量", "采购总金额（万元）"],
      [["政府集中采购", fmt(legacy.procurement.projects), fmt(legacy.procurement.amountWanYuan)]],
      c3,
    );
  } else {
    sub(
      "第二十条第（一）项",
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      [
        ["规章", fmt(a.regulations.issued), fmt(a.regulations.repealed), fmt(a.regulations.inForce)],
        ["行政规范性文件", fmt(a.normativeDocuments.issued), fmt(a.normativeDocuments.repealed), fmt(a.normativeDocuments.inForce)],
      ],
      c4,
    );
    const c2 = [MARGIN_X, MARGIN_X + 150, RIGHT];
    sub("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [["行政许可", fmt(a.licensing)]], c2);
    sub(
      "第二十条第（六）项",
      ["信息内容", "本年处理决定数量"],
      [
        ["行政处罚", fmt(a.penalty)],
        ["行政强制", fmt(a.coercion)],
      ],
      c2,
    );
    sub("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [["行政事业性收费", fmt(a.feesWanYuan)]], c2);
  }

  // section 三
  w.heading("三、收到和处理政府信息公开申请情况");
  const vx = [MARGIN_X, MARGIN_X + 24, MARGIN_X + 84, MARGIN_X + 200];
  const step = (RIGHT - vx[3]!) / 7;
  const cols3 = [...vx, ...Array.from({ length: 7 }, (_, i) => vx[3]! + step * (i + 1))];
  cols3[cols3.length - 1] = RIGHT;
  const hs = size - 1;
  w.ensure(90);
  drawTable(
    w,
    cols3,
    [
      {
        cells: [
          { text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", col0: 0, col1: 2 },
          { text: "申请人情况", col0: 3, col1: 9 },
        ],
      },
      {
        cells: [
          { text: "", col0: 0, col1: 2 },
          { text: "自然人", col0: 3, col1: 3 },
          { text: "法人或其他组织", col0: 4, col1: 8 },
          { text: "总计", col0: 9, col1: 9 },
        ],
      },
      {
        cells: [
          { text: "", col0: 0, col1: 2 },
          { text: "", col0: 3, col1: 3 },
          ...["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map((t, k) => ({ text: t, col0: 4 + k, col1: 4 + k })),
          { text: "", col0: 9, col1: 9 },
        ],
      },
    ],
    hs,
  );
  if (options.breakAfterRequestsHeader) w.newPage();
  const specs = listRequestRows(hasSingleOther(doc));
  const rows: RowSpec[] = specs.map((r) => {
    const values = getRow(doc, r.path) ?? [null, null, null, null, null, null, null];
    const col0 = r.subgroup ? 2 : r.group ? 1 : 0;
    return {
      cells: [
        { text: r.label, col0, col1: 2, align: "left" as const },
        ...values.map((v, k) => ({ text: fmt(v), col0: 3 + k, col1: 3 + k })),
      ],
    };
  });
  const groups: Parameters<typeof drawTable>[4] = [];
  const firstR = specs.findIndex((r) => r.group !== undefined);
  const lastR = specs.map((r) => r.group !== undefined).lastIndexOf(true);
  groups.push({ col0: 0, col1: 0, first: firstR, last: lastR, text: specs[firstR]!.group!, vertical: true });
  for (const subLabel of new Set(specs.map((r) => r.subgroup).filter((g): g is string => g !== undefined))) {
    const first = specs.findIndex((r) => r.subgroup === subLabel);
    const last = specs.map((r) => r.subgroup).lastIndexOf(subLabel);
    groups.push({ col0: 1, col1: 1, first, last, text: subLabel });
  }
  drawTable(w, cols3, rows, size, groups);
  w.cursor.y += 6;

  // section 四
  w.heading("四、政府信息公开行政复议、行政诉讼情况");
  const step4 = (RIGHT - MARGIN_X) / 15;
  const cols4 = Array.from({ length: 16 }, (_, i) => MARGIN_X + step4 * i);
  const outcomeHeads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  const rl = doc.reviewLitigation;
  const caseCells = (g: CaseOutcomes | null, base: number): CellSpec[] =>
    (g ? [g.upheld, g.corrected, g.other, g.pending, g.total] : [null, null, null, null, null]).map((v, k) => ({
      text: fmt(v),
      col0: base + k,
      col1: base + k,
    }));
  w.ensure(130);
  drawTable(
    w,
    cols4,
    [
      {
        cells: [
          { text: "行政复议", col0: 0, col1: 4 },
          { text: "行政诉讼", col0: 5, col1: 14 },
        ],
      },
      {
        cells: [
          { text: "", col0: 0, col1: 4 },
          { text: "未经复议直接起诉", col0: 5, col1: 9 },
          { text: "复议后起诉", col0: 10, col1: 14 },
        ],
      },
      { cells: Array.from({ length: 15 }, (_, k) => ({ text: outcomeHeads[k % 5]!, col0: k, col1: k })) },
      { cells: [...caseCells(rl.review, 0), ...caseCells(rl.litigationDirect, 5), ...caseCells(rl.litigationAfterReview, 10)] },
    ],
    hs,
  );
  w.cursor.y += 6;

  w.heading("五、存在的主要问题及改进情况");
  w.paragraph("政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。下一步将进一步加强业务培训，提升公开质量。");
  w.heading("六、其他需要报告的事项");
  w.paragraph("本年度未收取政府信息公开信息处理费。");
  if (doc.publishedOn) {
    const [y, m, d] = doc.publishedOn.split("-").map(Number);
    w.ensure(60);
    w.cursor.y += 20;
    for (const t of [name, `${y}年${m}月${d}日`]) {
      w.text(t, RIGHT - w.width(t, 14), w.cursor.y, 14);
      w.cursor.y += 26;
    }
  }
  return pdf.save();
}
