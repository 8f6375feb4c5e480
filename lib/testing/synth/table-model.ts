/**
 * A layout-neutral model of the report's tables (sections 二, 三, 四) as the official template
 * draws them: cells with rowspan/colspan, value cells tagged with their canonical path.
 * Every renderer (tab text, one-cell-per-line, pipes, HTML) draws from this one model, and the
 * corruptions edit it, so all layouts agree on what is printed.
 */
import type { CanonicalReport, CaseOutcomes } from "@/lib/report/types";
import { formatAmount, formatCount } from "./format-value";
import { hasSingleOther, listRequestRows } from "./request-rows";

/** One table cell. `path` is set on value cells ("requests.granted[3]", "active.licensing"). */
/**
 * One table cell. `path` is set on value cells ("requests.granted[3]", "active.licensing"). `printAt`: a merged cell's
 * text prints on the grid row this many rows below its first (a vertically centred merged cell, as PDF text comes out).
 */
export type Cell = { text: string; colspan?: number; rowspan?: number; path?: string; isHeader?: boolean; printAt?: number };

/**
 * One table row; `wrapTail` is a label continuation printed on the next line (a wrapped label); `stray` a stray mark
 * read as a number (1) printed on a line of its own between the row's label and its numbers (tab layouts), or, with
 * `strayAt`, an OCR stray digit as one more cell before the row's `strayAt`-th value cell (7: after the last).
 */
export type TableRow = {
  cells: Cell[];
  wrapTail?: { cellIndex: number; text: string };
  stray?: string;
  strayAt?: number;
};

/** A table: its width in grid columns, rows, and how many leading rows form the repeatable header. */
export type Table = {
  section: "二" | "三" | "四";
  columns: number;
  rows: TableRow[];
  headerRows: number;
  /** page breaks inside the table: before body row `beforeRow`, a footer "- page -" and the header again */
  pageBreaks: { beforeRow: number; page: number }[];
};

const h = (text: string, colspan = 1, rowspan = 1): Cell => ({ text, colspan, rowspan, isHeader: true });
const v = (path: string, text: string, colspan = 1): Cell => ({ text, path, colspan });
const count = (doc: CanonicalReport, path: string, value: number | null, colspan = 1): Cell => v(path, formatCount(value), colspan);

function activeTable2021(doc: CanonicalReport): Table {
  const a = doc.active;
  const rows: TableRow[] = [
    { cells: [h("第二十条第（一）项", 4)] },
    { cells: [h("信息内容"), h("本年制发件数"), h("本年废止件数"), h("现行有效件数")] },
    {
      cells: [
        h("规章"),
        ...(["issued", "repealed", "inForce"] as const).map((k) => count(doc, `active.regulations.${k}`, a.regulations[k])),
      ],
    },
    {
      cells: [
        h("行政规范性文件"),
        ...(["issued", "repealed", "inForce"] as const).map((k) => count(doc, `active.normativeDocuments.${k}`, a.normativeDocuments[k])),
      ],
    },
    { cells: [h("第二十条第（五）项", 4)] },
    { cells: [h("信息内容"), h("本年处理决定数量", 3)] },
    { cells: [h("行政许可"), count(doc, "active.licensing", a.licensing, 3)] },
    { cells: [h("第二十条第（六）项", 4)] },
    { cells: [h("信息内容"), h("本年处理决定数量", 3)] },
    { cells: [h("行政处罚"), count(doc, "active.penalty", a.penalty, 3)] },
    { cells: [h("行政强制"), count(doc, "active.coercion", a.coercion, 3)] },
    { cells: [h("第二十条第（八）项", 4)] },
    { cells: [h("信息内容"), h("本年收费金额（单位：万元）", 3)] },
    { cells: [h("行政事业性收费"), v("active.feesWanYuan", formatAmount(a.feesWanYuan), 3)] },
  ];
  return { section: "二", columns: 4, rows, headerRows: 0, pageBreaks: [] };
}

function activeTable2019(doc: CanonicalReport): Table {
  const l = doc.legacy2019;
  if (!l) throw new Error("2019 template without legacy2019");
  const docRow = (label: string, key: "regulations" | "normativeDocuments"): TableRow => ({
    cells: [
      h(label),
      ...(["newlyMade", "newlyPublished", "totalPublished"] as const).map((k) => count(doc, `legacy2019.${key}.${k}`, l[key][k])),
    ],
  });
  const itemsRow = (label: string, key: "licensing" | "otherServices" | "penalty" | "coercion"): TableRow => ({
    cells: [
      h(label),
      ...(["previousYearItems", "change", "decisions"] as const).map((k) => count(doc, `legacy2019.${key}.${k}`, l[key][k])),
    ],
  });
  const itemsHeader = { cells: [h("信息内容"), h("上一年项目数量"), h("本年增/减"), h("处理决定数量")] };
  const rows: TableRow[] = [
    { cells: [h("第二十条第（一）项", 4)] },
    { cells: [h("信息内容"), h("本年新制作数量"), h("本年新公开数量"), h("对外公开总数量")] },
    docRow("规章", "regulations"),
    docRow("规范性文件", "normativeDocuments"),
    { cells: [h("第二十条第（五）项", 4)] },
    itemsHeader,
    itemsRow("行政许可", "licensing"),
    itemsRow("其他对外管理服务事项", "otherServices"),
    { cells: [h("第二十条第（六）项", 4)] },
    itemsHeader,
    itemsRow("行政处罚", "penalty"),
    itemsRow("行政强制", "coercion"),
    { cells: [h("第二十条第（八）项", 4)] },
    { cells: [h("信息内容"), h("上一年项目数量"), h("本年增/减", 2)] },
    {
      cells: [
        h("行政事业性收费"),
        count(doc, "legacy2019.fees.previousYearItems", l.fees.previousYearItems),
        count(doc, "legacy2019.fees.change", l.fees.change, 2),
      ],
    },
    { cells: [h("第二十条第（九）项", 4)] },
    { cells: [h("信息内容"), h("采购项目数量"), h("采购总金额", 2)] },
    {
      cells: [
        h("政府集中采购"),
        count(doc, "legacy2019.procurement.projects", l.procurement.projects),
        v("legacy2019.procurement.amountWanYuan", formatAmount(l.procurement.amountWanYuan, true), 2),
      ],
    },
  ];
  return { section: "二", columns: 4, rows, headerRows: 0, pageBreaks: [] };
}

/** Section 三: 3 label columns + 7 value columns, with the template's merged group labels. */
function requestsTable(doc: CanonicalReport): Table {
  const header: TableRow[] = [
    { cells: [h("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), h("申请人情况", 7)] },
    { cells: [h("自然人", 1, 2), h("法人或其他组织", 5), h("总计", 1, 2)] },
    { cells: [h("商业企业"), h("科研机构"), h("社会公益组织"), h("法律服务机构"), h("其他")] },
  ];
  const specs = listRequestRows(hasSingleOther(doc));
  const spanOf = (key: "group" | "subgroup", i: number): number => {
    let n = 1;
    while (specs[i + n] && specs[i + n]?.[key] === specs[i]?.[key]) n++;
    return n;
  };
  const body: TableRow[] = specs.map((spec, i) => {
    const row = (doc.requests as unknown as Record<string, unknown>) && readRow(doc, spec.path);
    const cells: Cell[] = [];
    const prev = specs[i - 1];
    if (spec.group && prev?.group !== spec.group) cells.push(h(spec.group, 1, spanOf("group", i)));
    if (spec.subgroup && prev?.subgroup !== spec.subgroup) cells.push(h(spec.subgroup, 1, spanOf("subgroup", i)));
    cells.push(h(spec.label, spec.group ? (spec.subgroup ? 1 : 2) : 3));
    row.forEach((value, c) => cells.push(count(doc, `${spec.path}[${c}]`, value)));
    return { cells };
  });
  return { section: "三", columns: 10, rows: [...header, ...body], headerRows: header.length, pageBreaks: [] };
}

function readRow(doc: CanonicalReport, path: string): (number | null)[] {
  let node: unknown = doc;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return node as (number | null)[];
}

/** Section 四: 行政复议 (5 columns) and 行政诉讼 (two groups of 5); no value row when nothing is printed. */
function casesTable(doc: CanonicalReport): Table {
  const outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  const header: TableRow[] = [
    { cells: [h("行政复议", 5), h("行政诉讼", 10)] },
    { cells: [...outcomes.map((o) => h(o, 1, 2)), h("未经复议直接起诉", 5), h("复议后起诉", 5)] },
    { cells: [...outcomes.map((o) => h(o)), ...outcomes.map((o) => h(o))] },
  ];
  const r = doc.reviewLitigation;
  const groups = [
    ["review", r.review],
    ["litigationDirect", r.litigationDirect],
    ["litigationAfterReview", r.litigationAfterReview],
  ] as const;
  const keys: (keyof CaseOutcomes)[] = ["upheld", "corrected", "other", "pending", "total"];
  const printed = groups.some(([, g]) => g !== null);
  const values = groups.flatMap(([name, g]) => keys.map((k) => count(doc, `reviewLitigation.${name}.${k}`, g ? g[k] : null)));
  return { section: "四", columns: 15, rows: printed ? [...header, { cells: values }] : header, headerRows: header.length, pageBreaks: [] };
}

/** The three tables of a document, in print order. */
export function toTables(doc: CanonicalReport): Table[] {
  return [doc.templateVersion === "2019" ? activeTable2019(doc) : activeTable2021(doc), requestsTable(doc), casesTable(doc)];
}
