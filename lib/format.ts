/**
 * Display formatters for figures (件 / % / 万元). One module so every page, chart and table
 * writes numbers the same way. Pure: no React, no DB.
 *
 * - null (the report does not state the value) → 未填报
 * - a rate with no defined value (denominator 0 or unknown) → —
 * Never NaN, never a made-up 0%.
 */
import { isSmallSample, type Rate } from "./figures/figures";
import type { Num } from "./report/types";

/** Shown for a value the report does not state (null). */
export const NOT_REPORTED = "未填报";
/** Shown for a rate whose denominator is unknown. */
export const UNDEFINED_RATE = "—";
/** Shown for a rate over zero cases (0/0): nothing was handled, which is neither 未填报 nor a small sample. */
export const NO_CASES = "—（无办结）";

const integerFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 });
const wanYuanFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

function isUsable(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A plain number, e.g. 1,234. */
export function formatNumber(value: Num | undefined): string {
  return isUsable(value) ? integerFormat.format(value) : NOT_REPORTED;
}

/** A count in 件, e.g. "72 件". */
export function formatCount(value: Num | undefined): string {
  return isUsable(value) ? `${integerFormat.format(value)} 件` : NOT_REPORTED;
}

/** An amount in 万元 with up to two decimals, e.g. "709.48 万元". */
export function formatWanYuan(value: Num | undefined): string {
  return isUsable(value) ? `${wanYuanFormat.format(value)} 万元` : NOT_REPORTED;
}

/** A share (0–1) as a percentage with one decimal, e.g. 0.4545 → "45.5%"; undefined → —. */
export function formatPercent(value: number | null | undefined): string {
  return isUsable(value) ? `${(value * 100).toFixed(1)}%` : UNDEFINED_RATE;
}

/** The counts a rate rests on, e.g. "30/66"; null when either count is unknown. */
export function formatRateCounts(rate: Rate): string | null {
  if (!isUsable(rate.numerator) || !isUsable(rate.denominator)) return null;
  return `${integerFormat.format(rate.numerator)}/${integerFormat.format(rate.denominator)}`;
}

/** How one rate reads on a page: its percentage, its counts and whether the sample is small. */
export type RateDisplay = { text: string; counts: string | null; isSmall: boolean };

/**
 * A rate for display. A small sample (fewer than 10 handled) keeps its percentage but is
 * always shown with its counts and marked 样本较小. An undefined rate is just — (no "0/0").
 */
export function toRateDisplay(rate: Rate): RateDisplay {
  if (rate.value === null && rate.denominator === 0) return { text: NO_CASES, counts: null, isSmall: false };
  const text = formatPercent(rate.value);
  if (rate.value === null) return { text, counts: null, isSmall: false };
  return { text, counts: formatRateCounts(rate), isSmall: isSmallSample(rate) };
}

/** A rate's value for tables: its percentage, —（无办结） for 0/0, — when a count is unknown. */
export function formatRateValue(value: number | null, denominator: number | null): string {
  return value === null && denominator === 0 ? NO_CASES : formatPercent(value);
}

/** A value in the given unit. */
export function formatByUnit(value: Num | undefined, unit: "件" | "%" | "万元"): string {
  if (unit === "%") return formatPercent(value);
  if (unit === "万元") return formatWanYuan(value);
  return formatCount(value);
}
