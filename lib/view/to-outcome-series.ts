/**
 * Shapes one report's section 三 into chart rows: the six outcome groups (总计 column) and the
 * applicant mix of new requests. Pure; null stays null (a group is null when any of its rows is).
 */
import { sumOrNull } from "../figures/figures";
import type { Num, Requests, Row7 } from "../report/types";
import { APPLICANT_COLUMNS, OUTCOME_GROUPS, getFieldValue } from "./report-fields";

export type OutcomeDetailRow = { group: string; label: string; path: string; total: Num };
export type LabelledValue = { label: string; value: Num };

function rowTotal(requests: Requests, path: string): Num {
  const row = getFieldValue(requests, path) as Row7 | null | undefined;
  return row ? row[6] : null;
}

/** Every outcome row's 总计, in template order (rows the report does not print are left out). */
export function toOutcomeDetail(requests: Requests): OutcomeDetailRow[] {
  return OUTCOME_GROUPS.flatMap((g) =>
    g.rows
      .filter((r) => getFieldValue(requests, r.path) !== null)
      .map((r) => ({ group: g.label, label: r.label, path: `requests.${r.path}[6]`, total: rowTotal(requests, r.path) })),
  );
}

/** The six outcome groups' totals: 予以公开 / 部分公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理. */
export function toOutcomeGroups(requests: Requests): LabelledValue[] {
  const detail = toOutcomeDetail(requests);
  return OUTCOME_GROUPS.map((g) => ({
    label: g.label,
    value: sumOrNull(...detail.filter((d) => d.group === g.label).map((d) => d.total)),
  }));
}

/** New requests by applicant type (自然人, 商业企业, …), without the 总计 column. */
export function toApplicantMix(requests: Requests): LabelledValue[] {
  return APPLICANT_COLUMNS.slice(0, 6).map((label, i) => ({ label, value: requests.newReceived[i] ?? null }));
}
