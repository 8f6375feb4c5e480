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
import { FIGURES, getFigure, type AnyFigureKey, type FigureDefinition } from "./figures";

/**
 * The checks a figure's value depends on, from its registry entry (`identities` × `sources`): a 表三 row-total check
 * for each 表三 row it reads, the 总计 column (6) of outcomes-total / balance, a 表四 group check for each group it reads.
 * A figure with no identities (section 二 has none: 行政许可, 行政处罚 …) is never excluded by them.
 */
export function toFigureChecks(figure: FigureDefinition): string[] {
  const checks = new Set<string>();
  for (const id of figure.identities) {
    if (id === "outcomes-total") checks.add("三:outcomes:6");
    else if (id === "balance") checks.add("三:balance:6");
    for (const source of figure.sources) {
      const row = /^requests\.(.+)\[\d\]$/.exec(source)?.[1];
      const group = /^reviewLitigation\.(\w+)\./.exec(source)?.[1];
      if (id === "row-total" && row) checks.add(`三:row:${row}`);
      if (id === "review-total" && group) checks.add(`四:${group}`);
    }
  }
  return [...checks].sort();
}

/** Every figure's checks (see toFigureChecks). */
export const FIGURE_CHECKS: Record<AnyFigureKey, readonly string[]> = Object.fromEntries(
  (FIGURES as readonly FigureDefinition[]).map((f) => [f.key, toFigureChecks(f)]),
) as unknown as Record<AnyFigureKey, readonly string[]>;

/** Whether a high value is good, bad or neither, from the registry's highIsGood (said in words on rankings). */
export function figurePolarity(key: AnyFigureKey): "high-good" | "high-bad" | "neutral" {
  const h = getFigure(key).highIsGood;
  return h === true ? "high-good" : h === false ? "high-bad" : "neutral";
}

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
export function figureChecksPass(figure: AnyFigureKey, failedChecks: readonly string[]): boolean {
  return !FIGURE_CHECKS[figure].some((c) => failedChecks.includes(c));
}
