/**
 * The rows of section 三 (收到和处理政府信息公开申请情况) in template order, with what identifies
 * each printed label: keywords (robust to typos and wraps) and the group/sub-number position.
 */

/** Groups of section 三 that hold numbered sub-rows. */
export type RequestGroup = "denied" | "unableToProvide" | "notProcessed" | "otherHandling";

/** One data row of section 三. */
export type RequestRowDef = {
  /** canonical JSON path under `requests`, e.g. "denied.stateSecret" */
  path: string;
  /** the label as the template prints it */
  label: string;
  group?: RequestGroup;
  /** 1-based number within its group ("1.属于国家秘密" → 1) */
  sub?: number;
  /** （一）…（七） position for ungrouped outcome rows */
  paren?: number;
  /** 一、…四、 position for the top rows */
  top?: number;
  keywords: string[];
};

/** Every data row of the 2021 template, in printed order. */
export const REQUEST_ROWS: readonly RequestRowDef[] = [
  { path: "newReceived", label: "一、本年新收政府信息公开申请数量", top: 1, keywords: ["本年新收", "新收政府"] },
  { path: "carriedOver", label: "二、上年结转政府信息公开申请数量", top: 2, keywords: ["上年结转"] },
  { path: "granted", label: "（一）予以公开", paren: 1, keywords: ["予以公开"] },
  { path: "partiallyGranted", label: "（二）部分公开", paren: 2, keywords: ["部分公开"] },
  { path: "denied.stateSecret", label: "1.属于国家秘密", group: "denied", sub: 1, keywords: ["国家秘密"] },
  {
    path: "denied.prohibitedByLaw",
    label: "2.其他法律行政法规禁止公开",
    group: "denied",
    sub: 2,
    keywords: ["法规禁止", "其他法律", "禁止公开", "行政止公开"],
  },
  { path: "denied.endangersSafety", label: "3.危及“三安全一稳定”", group: "denied", sub: 3, keywords: ["三安全", "一稳定", "危及"] },
  { path: "denied.thirdPartyRights", label: "4.保护第三方合法权益", group: "denied", sub: 4, keywords: ["第三方"] },
  { path: "denied.internalAffairs", label: "5.属于三类内部事务信息", group: "denied", sub: 5, keywords: ["内部事务"] },
  { path: "denied.processInformation", label: "6.属于四类过程性信息", group: "denied", sub: 6, keywords: ["过程性"] },
  { path: "denied.lawEnforcementFile", label: "7.属于行政执法案卷", group: "denied", sub: 7, keywords: ["执法案卷"] },
  { path: "denied.administrativeQuery", label: "8.属于行政查询事项", group: "denied", sub: 8, keywords: ["查询事项"] },
  { path: "unableToProvide.notHeld", label: "1.本机关不掌握相关政府信息", group: "unableToProvide", sub: 1, keywords: ["不掌握"] },
  {
    path: "unableToProvide.needsCreation",
    label: "2.没有现成信息需要另行制作",
    group: "unableToProvide",
    sub: 2,
    keywords: ["另行制作", "没有现成"],
  },
  { path: "unableToProvide.unclear", label: "3.补正后申请内容仍不明确", group: "unableToProvide", sub: 3, keywords: ["不明确", "补正后"] },
  { path: "notProcessed.complaint", label: "1.信访举报投诉类申请", group: "notProcessed", sub: 1, keywords: ["信访", "举报投诉"] },
  { path: "notProcessed.repeated", label: "2.重复申请", group: "notProcessed", sub: 2, keywords: ["重复申请"] },
  { path: "notProcessed.publication", label: "3.要求提供公开出版物", group: "notProcessed", sub: 3, keywords: ["出版物"] },
  { path: "notProcessed.excessive", label: "4.无正当理由大量反复申请", group: "notProcessed", sub: 4, keywords: ["大量反复"] },
  {
    path: "notProcessed.confirmation",
    label: "5.要求行政机关确认或重新出具已获取信息",
    group: "notProcessed",
    sub: 5,
    keywords: ["确认或重", "重新出具", "行政机关确认"],
  },
  { path: "otherHandling.noCorrection", label: "1.申请人无正当理由逾期不补正…", group: "otherHandling", sub: 1, keywords: ["不补正"] },
  {
    path: "otherHandling.unpaidFee",
    label: "2.申请人逾期未按收费通知要求缴纳费用…",
    group: "otherHandling",
    sub: 2,
    keywords: ["缴纳费用", "收费通知"],
  },
  { path: "otherHandling.other", label: "3.其他", group: "otherHandling", sub: 3, keywords: [] },
  { path: "totalProcessed", label: "（七）总计", paren: 7, keywords: [] },
  { path: "carriedForward", label: "四、结转下年度继续办理", top: 4, keywords: ["结转下年", "继续办理"] },
];

/** The group labels: （三）不予公开 … （六）其他处理, with their paren number and keywords. */
export const REQUEST_GROUPS: ReadonlyArray<{ group: RequestGroup; paren: number; keywords: string[] }> = [
  { group: "denied", paren: 3, keywords: ["不予公开", "不予公"] },
  { group: "unableToProvide", paren: 4, keywords: ["无法提供"] },
  { group: "notProcessed", paren: 5, keywords: ["不予处理"] },
  { group: "otherHandling", paren: 6, keywords: ["其他处理"] },
];

/** Paths of the outcome rows that add up to （七）总计 (identity 2). */
export const OUTCOME_PATHS: readonly string[] = REQUEST_ROWS.filter(
  (r) => r.group !== undefined || r.path === "granted" || r.path === "partiallyGranted",
).map((r) => r.path);

/** Section 四's 15 values in printed order: 行政复议, 未经复议直接起诉, 复议后起诉 × 5 outcomes. */
export const REVIEW_GROUPS = ["review", "litigationDirect", "litigationAfterReview"] as const;
/** 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计 */
export const OUTCOME_KEYS = ["upheld", "corrected", "other", "pending", "total"] as const;

const PAREN_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七"];
const GROUP_LABELS: Record<RequestGroup, string> = {
  denied: "不予公开",
  unableToProvide: "无法提供",
  notProcessed: "不予处理",
  otherHandling: "其他处理",
};

/** The printed group label, e.g. "（三）不予公开". */
function groupLabel(group: RequestGroup): string {
  const paren = REQUEST_GROUPS.find((g) => g.group === group)?.paren ?? 0;
  return `（${PAREN_NUMERALS[paren] ?? ""}）${GROUP_LABELS[group]}`;
}

/**
 * 行名: the row a finding is about, as a reader finds it in the printed table ("（三）不予公开 1.属于国家秘密",
 * "（六）其他处理"), for the internal row path or group key ("denied.stateSecret", "group:otherHandling").
 * An unknown key is returned as it is.
 */
export function toRowName(key: string): string {
  if (key.startsWith("group:")) {
    const group = key.slice("group:".length) as RequestGroup;
    return group in GROUP_LABELS ? groupLabel(group) : key;
  }
  const row = REQUEST_ROWS.find((r) => r.path === key);
  if (!row) return key;
  return row.group ? `${groupLabel(row.group)} ${row.label}` : row.label;
}
