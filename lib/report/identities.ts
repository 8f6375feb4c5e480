/**
 * The report's own accounting identities (勾稽关系), as data. Each identity expands into linear
 * equations over value paths ("requests.granted[6]"); the repair step and the validator both use
 * these equations, so the two can never drift apart.
 */
import { OUTCOME_KEYS, OUTCOME_PATHS, REQUEST_ROWS, REVIEW_GROUPS } from "./template";

/**
 * The families of identities the data-quality panel (数据质量) reports as passed or failed, with their labels
 * (docs/canonical-report.md, "The accounting identities"). Every identity belongs to one.
 */
export const IDENTITY_FAMILIES = [
  { id: "row-total", label: "各行：六类申请人之和等于总计" },
  { id: "outcomes-total", label: "各列：各项办理结果之和等于办理结果总计" },
  { id: "balance", label: "各列：新收 + 上年结转 = 办结 + 结转下年度" },
  { id: "review-total", label: "行政复议、行政诉讼：维持 + 纠正 + 其他 + 未审结 = 总计" },
] as const;
export type IdentityFamilyId = (typeof IDENTITY_FAMILIES)[number]["id"];

/** One accounting identity of the template. */
export type Identity = {
  id: string;
  /** 中文 description shown in findings */
  label: string;
  /** 三 or 四 */
  table: "三" | "四";
  /** the family the quality panel lists it under */
  family: IdentityFamilyId;
};

/** The identities 1–4 of docs/canonical-report.md. */
export const IDENTITIES = {
  /** 表三 每一行：自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 总计 */
  rowTotal: { id: "row-total", label: "各类申请人之和等于总计", table: "三", family: "row-total" },
  /** 表三 每一列：（七）总计 = （一）至（六）各项办理结果之和 */
  outcomesTotal: { id: "outcomes-total", label: "（七）总计等于各项办理结果之和", table: "三", family: "outcomes-total" },
  /** 表三 每一列：第一项 + 第二项 = 第三项（七）总计 + 第四项（表头注明的勾稽关系） */
  balance: { id: "balance", label: "本年新收加上年结转等于办理总计加结转下年度", table: "三", family: "balance" },
  /** 表四 每一组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 */
  reviewTotal: { id: "review-total", label: "复议/诉讼各项结果之和等于总计", table: "四", family: "review-total" },
} as const satisfies Record<string, Identity>;

/** The family of the identity a finding names (its `rule`), or null for an id the template does not define. */
export function toIdentityFamily(rule: string | undefined): IdentityFamilyId | null {
  return Object.values(IDENTITIES).find((i) => i.id === rule)?.family ?? null;
}

/** One instance of an identity: sum(lhs) = sum(rhs) over value paths. */
export type Equation = {
  identity: Identity;
  lhs: string[];
  rhs: string[];
  /** the row path (表三 row, 表四 group) or null for a column equation */
  row: string | null;
  /** the column index (表三) or null */
  column: number | null;
};

const cell = (row: string, col: number): string => `requests.${row}[${col}]`;

/**
 * Every equation for a document whose section 三 prints these rows (the 2019 template and
 * one-row （六）其他处理 omit noCorrection/unpaidFee). Section 四 groups that are null are skipped.
 * The result is shared (cached): do not mutate it.
 */
export function expandEquations(rows: readonly string[], reviewGroups: readonly string[]): Equation[] {
  const key = `${rows.join(",")}|${reviewGroups.join(",")}`;
  let eqs = CACHE.get(key);
  if (!eqs) CACHE.set(key, (eqs = buildEquations(rows, reviewGroups)));
  return eqs;
}

/** Expanded equations by row list: a document has few shapes, so each is built once. */
const CACHE = new Map<string, Equation[]>();

function buildEquations(rows: readonly string[], reviewGroups: readonly string[]): Equation[] {
  const present = new Set(rows);
  const eqs: Equation[] = [];
  for (const r of REQUEST_ROWS) {
    if (!present.has(r.path)) continue;
    eqs.push({
      identity: IDENTITIES.rowTotal,
      lhs: [0, 1, 2, 3, 4, 5].map((c) => cell(r.path, c)),
      rhs: [cell(r.path, 6)],
      row: r.path,
      column: null,
    });
  }
  const outcomes = OUTCOME_PATHS.filter((p) => present.has(p));
  for (let c = 0; c < 7; c++) {
    eqs.push({
      identity: IDENTITIES.outcomesTotal,
      lhs: outcomes.map((p) => cell(p, c)),
      rhs: [cell("totalProcessed", c)],
      row: null,
      column: c,
    });
    eqs.push({
      identity: IDENTITIES.balance,
      lhs: [cell("newReceived", c), cell("carriedOver", c)],
      rhs: [cell("totalProcessed", c), cell("carriedForward", c)],
      row: null,
      column: c,
    });
  }
  for (const g of REVIEW_GROUPS) {
    if (!reviewGroups.includes(g)) continue;
    const path = (k: string): string => `reviewLitigation.${g}.${k}`;
    eqs.push({ identity: IDENTITIES.reviewTotal, lhs: OUTCOME_KEYS.slice(0, 4).map(path), rhs: [path("total")], row: g, column: null });
  }
  return eqs;
}
