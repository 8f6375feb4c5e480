import { toRuleName } from "./reader-terms";

/**
 * The Chinese labels of the canonical document's rows and columns (docs/canonical-report.md), so a
 * provenance path such as "requests.unableToProvide.notHeld[6]" reads as 无法提供·本机关不掌握相关政府信息·总计. Pure.
 */

/** Section 三 columns: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]. */
export const APPLICANT_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"] as const;

/** Outcome rows of section 三 grouped as the template prints them; `path` is under `requests.`. */
export const OUTCOME_GROUPS = [
  { label: "予以公开", rows: [{ path: "granted", label: "予以公开" }] },
  { label: "部分公开", rows: [{ path: "partiallyGranted", label: "部分公开" }] },
  {
    label: "不予公开",
    rows: [
      { path: "denied.stateSecret", label: "属于国家秘密" },
      { path: "denied.prohibitedByLaw", label: "其他法律行政法规禁止公开" },
      { path: "denied.endangersSafety", label: "危及“三安全一稳定”" },
      { path: "denied.thirdPartyRights", label: "保护第三方合法权益" },
      { path: "denied.internalAffairs", label: "属于三类内部事务信息" },
      { path: "denied.processInformation", label: "属于四类过程性信息" },
      { path: "denied.lawEnforcementFile", label: "属于行政执法案卷" },
      { path: "denied.administrativeQuery", label: "属于行政查询事项" },
    ],
  },
  {
    label: "无法提供",
    rows: [
      { path: "unableToProvide.notHeld", label: "本机关不掌握相关政府信息" },
      { path: "unableToProvide.needsCreation", label: "没有现成信息需要另行制作" },
      { path: "unableToProvide.unclear", label: "补正后申请内容仍不明确" },
    ],
  },
  {
    label: "不予处理",
    rows: [
      { path: "notProcessed.complaint", label: "信访举报投诉类申请" },
      { path: "notProcessed.repeated", label: "重复申请" },
      { path: "notProcessed.publication", label: "要求提供公开出版物" },
      { path: "notProcessed.excessive", label: "无正当理由大量反复申请" },
      { path: "notProcessed.confirmation", label: "要求行政机关确认或重新出具已获取信息" },
    ],
  },
  {
    label: "其他处理",
    rows: [
      { path: "otherHandling.noCorrection", label: "申请人逾期不补正" },
      { path: "otherHandling.unpaidFee", label: "申请人逾期未缴纳费用" },
      { path: "otherHandling.other", label: "其他" },
    ],
  },
] as const;

const REQUEST_ROW_LABELS: Record<string, string> = {
  newReceived: "本年新收申请",
  carriedOver: "上年结转申请",
  totalProcessed: "办理结果总计",
  carriedForward: "结转下年度继续办理",
  ...Object.fromEntries(
    OUTCOME_GROUPS.flatMap((g) => g.rows.map((r) => [r.path, g.label === r.label ? r.label : `${g.label}·${r.label}`])),
  ),
};

const OTHER_LABELS: Record<string, string> = {
  year: "报告年度",
  templateVersion: "模板版本",
  publishedOn: "落款日期",
  "agency.name": "机关名称",
  "agency.regionCode": "所属地区代码",
  scope: "报告口径",
  "active.regulations": "规章",
  "active.normativeDocuments": "行政规范性文件",
  "active.licensing": "行政许可",
  "active.penalty": "行政处罚",
  "active.coercion": "行政强制",
  "active.feesWanYuan": "行政事业性收费（万元）",
  "reviewLitigation.review": "行政复议",
  "reviewLitigation.litigationDirect": "行政诉讼·未经复议直接起诉",
  "reviewLitigation.litigationAfterReview": "行政诉讼·复议后起诉",
  "legacy2019.regulations": "规章（2019 年以前模板）",
  "legacy2019.normativeDocuments": "规范性文件（2019 年以前模板）",
  "legacy2019.licensing": "行政许可（2019 年以前模板）",
  "legacy2019.otherServices": "其他对外管理服务事项",
  "legacy2019.penalty": "行政处罚（2019 年以前模板）",
  "legacy2019.coercion": "行政强制（2019 年以前模板）",
  "legacy2019.fees": "行政事业性收费（2019 年以前模板）",
  "legacy2019.procurement": "政府集中采购",
  newlyMade: "本年新制作",
  newlyPublished: "本年新公开",
  totalPublished: "对外公开总数量",
  previousYearItems: "上一年项目数量",
  change: "本年增/减",
  decisions: "处理决定数量",
  projects: "采购项目数",
  amountWanYuan: "采购总金额（万元）",
  issued: "本年制发",
  repealed: "本年废止",
  inForce: "现行有效",
  upheld: "结果维持",
  corrected: "结果纠正",
  other: "其他结果",
  pending: "尚未审结",
  total: "总计",
};

/** A readable Chinese name for a canonical JSON path; unknown paths come back as they are. */
export function describeField(path: string): string {
  const requestMatch = /^requests\.(.+)\[(\d)\]$/.exec(path);
  if (requestMatch) {
    const [, row = "", col = "0"] = requestMatch;
    const rowLabel = REQUEST_ROW_LABELS[row] ?? row;
    return `${rowLabel}·${APPLICANT_COLUMNS[Number(col)] ?? col}`;
  }
  const exact = OTHER_LABELS[path];
  if (exact) return exact;
  const dot = path.lastIndexOf(".");
  const head = OTHER_LABELS[path.slice(0, dot)];
  const tail = OTHER_LABELS[path.slice(dot + 1)];
  return head && tail ? `${head}·${tail}` : path;
}

/** The value at a canonical path ("requests.granted[6]", "active.licensing") in a document, or undefined. */
export function getFieldValue(doc: unknown, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  let current: unknown = doc;
  for (const part of parts) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A parser rule id as a reader sees it ("review-total" → 复议/诉讼各项结果之和等于总计). */
export function describeRule(rule: string): string {
  return toRuleName(rule) ?? toReaderText(rule);
}

/**
 * A parser message with every code word a reader should not meet put into Chinese: quoted canonical keys
 * (表四“review”行 → 表四“行政复议”行) and rule ids.
 */
export function toReaderText(message: string): string {
  return message
    .replace(/“([A-Za-z][\w.[\]-]*(?:…[A-Za-z][\w.[\]-]*)?)”/g, (whole, keys: string) => {
      // a run of rows (newReceived…carriedForward) reads 本年新收…结转下年度继续办理
      const labels = keys.split("…").map((key) => {
        if (REQUEST_ROW_LABELS[key]) return REQUEST_ROW_LABELS[key];
        for (const path of [key, `reviewLitigation.${key}`, `requests.${key}`]) {
          const label = describeField(path);
          if (label !== path) return label;
        }
        return null;
      });
      return labels.every((l) => l !== null) ? `“${labels.join("”至“")}”` : whole;
    })
    .replace(/\b[a-z]+(?:-[a-z]+)+\b|\b(?:balance|gazetteer)\b/g, (id: string) => toRuleName(id) ?? id);
}
