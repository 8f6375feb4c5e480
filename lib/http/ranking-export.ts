/**
 * Rankings and comparisons as downloads (CSV, JSON): exactly the rows a page shows, with the same numbers.
 * Rates are written as percentages with one decimal in CSV (as on screen) and as 0–1 fractions in JSON.
 */
import { toCsv, type CsvValue } from "@/lib/csv";
import type { Comparison, CompareRow } from "@/lib/db/compare";
import type { Ranking, RankingRow } from "@/lib/db/rankings";
import { FIGURE_META, type FigureKey } from "@/lib/figures/figures";

/** The figure's column header with its unit, e.g. 不掌握信息率（%）. */
export function toFigureHeader(figure: FigureKey): string {
  const meta = FIGURE_META[figure];
  return `${meta.label}（${meta.unit}）`;
}

/** A value as CSV shows it: a rate as a percentage with one decimal, a count as is, 万元 with two decimals. */
export function toCsvValue(figure: FigureKey, value: number | null): CsvValue {
  if (value === null) return null;
  const meta = FIGURE_META[figure];
  if (meta.isRate) return Math.round(value * 1000) / 10;
  if (meta.unit === "万元") return Math.round(value * 100) / 100;
  return value;
}

const PEER_HEADER = ["机关", "机关编号", "行政区划代码", "层级", "类别"];
const FLAG_HEADER = ["分子", "分母", "样本较小", "勾稽关系通过", "报告编号"];

function peerCells(row: RankingRow | CompareRow): CsvValue[] {
  return [row.agencyName, row.agencyId, row.regionCode, row.level, row.kind];
}

function flagCells(row: RankingRow | CompareRow): CsvValue[] {
  return [row.numerator, row.denominator, row.isSmallSample, row.identitiesOk, row.reportId];
}

/** The ranking table as CSV: 名次, 百分位, the agency, the value, its counts and flags. */
export function toRankingCsv(f: FigureKey, ranking: Ranking | null): string {
  const header = ["名次", "百分位", ...PEER_HEADER, toFigureHeader(f), ...FLAG_HEADER];
  const rows = (ranking?.rows ?? []).map((r) => [
    r.rank,
    Math.round(r.percentile * 10) / 10,
    ...peerCells(r),
    toCsvValue(f, r.value),
    ...flagCells(r),
  ]);
  return toCsv(header, rows);
}

/** The comparison table page as CSV, in the order shown. */
export function toComparisonCsv(f: FigureKey, comparison: Comparison | null): string {
  const header = ["名次", ...PEER_HEADER, toFigureHeader(f), ...FLAG_HEADER];
  const rows = (comparison?.rows ?? []).map((r) => [r.rank, ...peerCells(r), toCsvValue(f, r.value), ...flagCells(r)]);
  return toCsv(header, rows);
}

/** A file name for a download, e.g. 排名-申请量-2025.csv */
export function toDownloadName(kind: "排名" | "对比", figure: FigureKey, year: number | null, ext: "csv" | "json"): string {
  return `${kind}-${FIGURE_META[figure].label}-${year ?? "无数据"}.${ext}`;
}
