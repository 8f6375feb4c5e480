/**
 * 用语表: the one table of Chinese names for the parser's code words a reader could meet: finding codes (FindingCode),
 * identity ids (lib/report/identities), and the rules an inferred or read value names in its provenance (gazetteer,
 * digit-split, scope-*). The quality panel and every message shown on a page go through here; a unit test walks every
 * FindingCode and identity id. Pure.
 */
import type { IdentityFamilyId } from "../report/identities";
import type { FindingCode } from "../report/types";
import type { ScopeRule } from "../report/parse-scope";

/** What each kind of finding is about, in a few words (the quality panel shows it before the message). */
export const FINDING_CODE_LABELS: Record<FindingCode, string> = {
  "identity-failed": "勾稽关系不符",
  "narrative-mismatch": "正文与表格不一致",
  "section-missing": "缺少部分",
  "template-unknown": "无法识别模板版本",
  "year-missing": "未找到报告年度",
  "agency-missing": "未找到机关名称",
  "region-unresolved": "无法确定所属地区",
  "region-alias": "按管辖区域归入地区",
  "unit-mismatch": "单位与栏目不符",
  "cells-unplaced": "有数值无法对应到单元格",
  "digits-overlong": "数字过长无法读取",
  "cell-wrapped": "单元格内数字折行",
  "row-missing": "缺少行",
  "row-label-crossed": "行名与数值错位",
  "labels-detached": "数字行与行名分开，按模板行序放置",
  "group-subtotal": "分组小计",
  "scope-summary": "全地区汇总报告",
  "tables-empty": "表格中没有数字",
  "repair-ambiguous": "无法确定的修正",
  "repair-inconsistent": "修正后仍不一致",
  "repair-gave-up": "未能修正",
  "ocr-corrected": "识别错误已按勾稽关系更正",
  "ocr-unconfirmed": "识别结果未经核验",
  "ocr-identity-failed": "识别结果不满足勾稽关系",
  "ocr-place-corrected": "标题中的地名已按区划名录更正",
  "pdf-ocr-text-layer": "文字层为扫描识别结果",
  "encoding-replaced": "文件中有无效字符",
};

/** The identities (勾稽关系) by id, as a reader says them. */
export const IDENTITY_NAMES: Record<IdentityFamilyId, string> = {
  "row-total": "各类申请人之和等于总计",
  "outcomes-total": "各项办理结果之和等于总计",
  balance: "新收加上年结转等于办结加结转下年度",
  "review-total": "复议/诉讼各项结果之和等于总计",
};

/** How the parser read the report's scope (lib/report/parse-scope), named in a value's provenance as scope-<rule>. */
const SCOPE_RULE_NAMES: Record<ScopeRule | "default-own", string> = {
  "region-total": "报告称全地区共受理若干件申请",
  "compiled-from-units": "报告称由各单位年报汇总编制",
  "covers-units": "报告称涵盖所属各单位",
  "default-own": "报告未说明其数字为全地区汇总",
};

/** Every rule id a value's provenance may name, with its Chinese name. */
export const RULE_NAMES: Record<string, string> = {
  ...IDENTITY_NAMES,
  gazetteer: "行政区划名录",
  "digit-split": "表中粘连的数字按栏目拆分",
  "template-order": "数字行没有紧挨着的行名，按模板行序放置，并经勾稽关系确认",
  narrative: "按报告正文所述数字拆分表中粘连的数字",
  ...Object.fromEntries(Object.entries(SCOPE_RULE_NAMES).map(([k, v]) => [`scope-${k}`, v])),
};

/** A rule id as a reader sees it; several joined by "+" (OCR: "row-total+balance") become 甲、乙; unknown ids stay null. */
export function toRuleName(rule: string): string | null {
  const names = rule.split("+").map((r) => RULE_NAMES[r.trim()] ?? null);
  return names.every((n) => n !== null) ? names.join("、") : null;
}

/** The Chinese name of a finding's code. */
export function toFindingLabel(code: string): string {
  return (FINDING_CODE_LABELS as Record<string, string>)[code] ?? "其他提示";
}
