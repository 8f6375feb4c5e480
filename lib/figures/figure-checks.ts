/**
 * Which accounting identities (勾稽关系) each figure rests on, so a failed check removes a report only from the
 * rankings of the figures it can be wrong in (a failed 表四 check says nothing about 申请量).
 *
 * A failed check is named by the identity instance that failed:
 * - `三:row:<row path>` the six applicant columns of that 表三 row do not add up to its 总计
 * - `三:outcomes:<column>` （七）总计 of that column is not the sum of the outcome rows
 * - `三:balance:<column>` 新收 + 上年结转 ≠ 办理总计 + 结转下年度 in that column
 * - `四:<group>` the five numbers of that 表四 group (review, litigationDirect, litigationAfterReview)
 * Pure.
 */
import type { Finding } from "../report/types";
import type { FigureKey } from "./figures";

const HANDLED = ["三:row:totalProcessed", "三:outcomes:6", "三:balance:6"];

/** The checks a figure's value depends on; a figure with none (section 二 has no identities) is never excluded by them. */
export const FIGURE_CHECKS: Record<FigureKey, readonly string[]> = {
  requestsReceived: ["三:row:newReceived", "三:balance:6"],
  requestsHandled: HANDLED,
  notHeldRate: [...HANDLED, "三:row:unableToProvide.notHeld"],
  disclosureRate: [...HANDLED, "三:row:granted", "三:row:partiallyGranted"],
  reviewCorrectionRate: ["四:review"],
  licensing: [],
  penalty: [],
  coercion: [],
  feesWanYuan: [],
};

/** Whether a high value is good (公开率), bad (不掌握信息率, 复议纠错率) or neither (counts): said in words on rankings. */
export const FIGURE_POLARITY: Record<FigureKey, "high-good" | "high-bad" | "neutral"> = {
  requestsReceived: "neutral",
  requestsHandled: "neutral",
  notHeldRate: "high-bad",
  disclosureRate: "high-good",
  reviewCorrectionRate: "high-bad",
  licensing: "neutral",
  penalty: "neutral",
  coercion: "neutral",
  feesWanYuan: "neutral",
};

/** The failed checks of a parsed report, from its identity-failed findings (sorted, unique). */
export function toFailedChecks(findings: readonly Finding[]): string[] {
  const checks = new Set<string>();
  for (const f of findings) {
    if (f.code !== "identity-failed") continue;
    if (f.table === "四") checks.add(`四:${f.row ?? "review"}`);
    else if (f.rule === "row-total" && f.row) checks.add(`三:row:${f.row}`);
    else if ((f.rule === "outcomes-total" || f.rule === "balance") && typeof f.column === "number") {
      checks.add(`三:${f.rule === "balance" ? "balance" : "outcomes"}:${f.column}`);
    } else checks.add(`三:${f.rule ?? "unknown"}`);
  }
  return [...checks].sort();
}

/** True when none of the figure's checks failed. */
export function figureChecksPass(figure: FigureKey, failedChecks: readonly string[]): boolean {
  return !FIGURE_CHECKS[figure].some((c) => failedChecks.includes(c));
}
