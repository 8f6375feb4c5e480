/**
 * Region comparison and coverage as API bodies and CSV downloads: exactly what the page shows, with the same numbers.
 */
import { toCsv, type CsvValue } from "@/lib/csv";
import type { RegionCoverage } from "@/lib/db/coverage";
import type { RegionComparison, RegionComparisonRow } from "@/lib/db/region-compare";
import { toCsvValue, toFigureHeader, toRegionPath } from "@/lib/http/ranking-export";

/** How a region's figure was obtained, in words (汇总报告 / 合计（N 个机关） / 未收录). */
export function toSourceLabel(row: RegionComparisonRow): string {
  if (row.source === "summary") return `汇总报告（${row.summary?.agencyName ?? ""}）`;
  if (row.source === "sum") return `合计（${row.reports} 个机关）`;
  return "无数据";
}

/** 报告口径 of a region's figure: one 汇总报告, or the 本机关报告 of its governments added up. */
function toRegionScopeName(row: RegionComparisonRow): string | null {
  if (row.source === "summary") return "汇总报告";
  if (row.source === "sum") return "本机关报告合计";
  return null;
}

/** Every child region (the comparison is never paged), each with its year, region path and 报告口径. */
export function toRegionComparisonCsv(c: RegionComparison): string {
  const header = [
    "名次",
    "地区",
    "地区路径",
    "行政区划代码",
    "年度",
    "报告口径",
    toFigureHeader(c.figure),
    "分子",
    "分母",
    "来源",
    "汇总报告编号",
    "收录政府",
    "应发布政府",
  ];
  const rows: CsvValue[][] = c.rows.map((r) => [
    r.rank,
    r.name,
    toRegionPath(r.code),
    r.code,
    c.year,
    toRegionScopeName(r),
    toCsvValue(c.figure, r.value),
    r.numerator,
    r.denominator,
    toSourceLabel(r),
    r.summary?.reportId ?? null,
    r.coverage.collected,
    r.coverage.expected,
  ]);
  return toCsv(header, rows);
}

export function toRegionComparisonBody(c: RegionComparison | null, year: number | null) {
  return {
    figure: c?.figure ?? null,
    year,
    parent: c?.parent ? { code: c.parent.code, name: c.parent.name } : null,
    items: (c?.rows ?? []).map((r) => ({ ...r, sourceLabel: toSourceLabel(r) })),
  };
}

export function toCoverageBody(c: RegionCoverage) {
  return {
    region: c.regionCode,
    year: c.year,
    note: "未收录：库中没有该机关当年的年报。我们无法知道它是否发布了年报（未发布），只知道没有收录。",
    years: c.years,
    missing: c.missing,
  };
}
