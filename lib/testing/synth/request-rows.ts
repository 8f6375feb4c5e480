/**
 * The rows of section 三 (收到和处理政府信息公开申请情况) as canonical paths with their printed
 * labels, in template order. Shared by the generator, the table builder and the identity oracle.
 */
import type { CanonicalReport, Row7 } from "@/lib/report/types";

/** One printed row of section 三. */
export type RequestRowSpec = {
  /** canonical path of the row, e.g. "requests.denied.stateSecret" */
  path: string;
  /** group label printed in the rowspan cell (三、本年度办理结果 / （三）不予公开), if any */
  group?: string;
  subgroup?: string;
  label: string;
  /** true for the rows that add up to （七）总计 */
  isOutcome: boolean;
};

const RESULT = "三、本年度办理结果";
const DENIED = "（三）不予公开";
const UNABLE = "（四）无法提供";
const NOT_PROCESSED = "（五）不予处理";
const OTHER = "（六）其他处理";

/** The 2021 template's rows; the 2019 template replaces the three （六） rows with one. */
const ROWS_2021: RequestRowSpec[] = [
  { path: "requests.newReceived", label: "一、本年新收政府信息公开申请数量", isOutcome: false },
  { path: "requests.carriedOver", label: "二、上年结转政府信息公开申请数量", isOutcome: false },
  { path: "requests.granted", group: RESULT, label: "（一）予以公开", isOutcome: true },
  { path: "requests.partiallyGranted", group: RESULT, label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", isOutcome: true },
  ...(
    [
      ["stateSecret", "1.属于国家秘密"],
      ["prohibitedByLaw", "2.其他法律行政法规禁止公开"],
      ["endangersSafety", "3.危及“三安全一稳定”"],
      ["thirdPartyRights", "4.保护第三方合法权益"],
      ["internalAffairs", "5.属于三类内部事务信息"],
      ["processInformation", "6.属于四类过程性信息"],
      ["lawEnforcementFile", "7.属于行政执法案卷"],
      ["administrativeQuery", "8.属于行政查询事项"],
    ] as const
  ).map(([key, label]) => ({ path: `requests.denied.${key}`, group: RESULT, subgroup: DENIED, label, isOutcome: true })),
  ...(
    [
      ["notHeld", "1.本机关不掌握相关政府信息"],
      ["needsCreation", "2.没有现成信息需要另行制作"],
      ["unclear", "3.补正后申请内容仍不明确"],
    ] as const
  ).map(([key, label]) => ({ path: `requests.unableToProvide.${key}`, group: RESULT, subgroup: UNABLE, label, isOutcome: true })),
  ...(
    [
      ["complaint", "1.信访举报投诉类申请"],
      ["repeated", "2.重复申请"],
      ["publication", "3.要求提供公开出版物"],
      ["excessive", "4.无正当理由大量反复申请"],
      ["confirmation", "5.要求行政机关确认或重新出具已获取信息"],
    ] as const
  ).map(([key, label]) => ({ path: `requests.notProcessed.${key}`, group: RESULT, subgroup: NOT_PROCESSED, label, isOutcome: true })),
  {
    path: "requests.otherHandling.noCorrection",
    group: RESULT,
    subgroup: OTHER,
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    isOutcome: true,
  },
  {
    path: "requests.otherHandling.unpaidFee",
    group: RESULT,
    subgroup: OTHER,
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    isOutcome: true,
  },
  { path: "requests.otherHandling.other", group: RESULT, subgroup: OTHER, label: "3.其他", isOutcome: true },
  { path: "requests.totalProcessed", group: RESULT, label: "（七）总计", isOutcome: false },
  { path: "requests.carriedForward", label: "四、结转下年度继续办理", isOutcome: false },
];

/** Rows of section 三 in print order; `singleOther` prints （六）其他处理 as one row (2019 template). */
export function listRequestRows(singleOther: boolean): RequestRowSpec[] {
  if (!singleOther) return ROWS_2021;
  return ROWS_2021.flatMap((row) => {
    if (row.path === "requests.otherHandling.noCorrection" || row.path === "requests.otherHandling.unpaidFee") return [];
    if (row.path === "requests.otherHandling.other") return [{ ...row, subgroup: undefined, label: OTHER }];
    return [row];
  });
}

/** Reads a value or row of the document by its canonical path ("requests.granted", "active.licensing"). */
export function getAtPath(doc: CanonicalReport, path: string): unknown {
  let node: unknown = doc;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The row at `path`, or null when the report does not print it. */
export function getRow(doc: CanonicalReport, path: string): Row7 | null {
  const row = getAtPath(doc, path);
  return Array.isArray(row) ? (row as Row7) : null;
}

/** Whether the document prints （六）其他处理 as a single row. */
export function hasSingleOther(doc: CanonicalReport): boolean {
  return doc.requests.otherHandling.noCorrection === null && doc.requests.otherHandling.unpaidFee === null;
}
