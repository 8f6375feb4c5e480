/**
 * Rankings and comparisons as downloads (CSV, JSON). JSON is the page the API was asked for; CSV is the whole view
 * (every page, in the table's order), each row with its year, 报告口径 and region path so it stands on its own, and a
 * file name that names the view (排名_县级人民政府_申请量_2024.csv).
 * Rates are written as percentages with one decimal in CSV (as on screen) and as 0–1 fractions in JSON.
 */
import { toCsv, type CsvValue } from "@/lib/csv";
import type { Comparison, CompareRow } from "@/lib/db/compare";
import type { Ranking, RankingRow } from "@/lib/db/rankings";
import { FIGURE_META, type FigureKey } from "@/lib/figures/figures";
import { REPORT_SCOPE_NAMES } from "@/lib/figures/report-scope";
import { getRegionChain } from "@/lib/regions/gazetteer";
import { toScopeName } from "@/lib/view/scope-options";

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

/** 江苏省 › 淮安市 › 洪泽区 from a region code (the gazetteer), null when unknown. */
export function toRegionPath(regionCode: string | null): string | null {
  if (!regionCode) return null;
  const names = getRegionChain(regionCode).map((r) => r.name);
  return names.length > 0 ? names.join(" › ") : null;
}

/** 报告口径 in words: 本机关报告 / 汇总报告. */
export function toReportScopeName(scope: string | undefined): string | null {
  return scope === "own" || scope === "summary" ? REPORT_SCOPE_NAMES[scope] : null;
}

/** What each CSV row carries besides its own columns: the view's year and each report's 报告口径 (by report id). */
export type ExportContext = { year: number | null; reportScopes: ReadonlyMap<number, string> };

const PEER_HEADER = ["机关", "地区路径", "机关编号", "行政区划代码", "层级", "类别", "年度", "报告口径"];
const FLAG_HEADER = ["分子", "分母", "样本较小", "勾稽关系通过", "报告编号"];

function peerCells(row: RankingRow | CompareRow, ctx: ExportContext): CsvValue[] {
  return [
    row.agencyName,
    toRegionPath(row.regionCode),
    row.agencyId,
    row.regionCode,
    row.level,
    row.kind,
    ctx.year,
    toReportScopeName(ctx.reportScopes.get(row.reportId)),
  ];
}

function flagCells(row: RankingRow | CompareRow): CsvValue[] {
  return [row.numerator, row.denominator, row.isSmallSample, row.identitiesOk, row.reportId];
}

/** The ranking table as CSV: 名次, 百分位, the agency with its region path, year and 报告口径, the value, its counts and flags. */
export function toRankingCsv(f: FigureKey, ranking: Ranking | null, ctx: ExportContext): string {
  const header = ["名次", "百分位", ...PEER_HEADER, toFigureHeader(f), ...FLAG_HEADER];
  const rows = (ranking?.rows ?? []).map((r) => [
    r.rank,
    Math.round(r.percentile * 10) / 10,
    ...peerCells(r, ctx),
    toCsvValue(f, r.value),
    ...flagCells(r),
  ]);
  return toCsv(header, rows);
}

/** The comparison table as CSV, in the order shown. */
export function toComparisonCsv(f: FigureKey, comparison: Comparison | null, ctx: ExportContext): string {
  const header = ["名次", ...PEER_HEADER, toFigureHeader(f), ...FLAG_HEADER];
  const rows = (comparison?.rows ?? []).map((r) => [r.rank, ...peerCells(r, ctx), toCsvValue(f, r.value), ...flagCells(r)]);
  return toCsv(header, rows);
}

/** The peer group in a file name: 县级人民政府, 鄂尔多斯市县级人民政府, 各层级机关_汇总报告. */
export function toGroupFileWord(g: { scope?: string; level?: string; kind?: string; reportScope?: "own" | "summary" | "all" }): string {
  const where = g.scope ? toScopeName(g.scope) : "";
  const level = g.level && g.level !== "all" ? `${g.level}级` : "各层级";
  const kind = g.kind && g.kind !== "all" ? g.kind : "机关";
  const scope = g.reportScope === "summary" ? "_汇总报告" : g.reportScope === "all" ? "_全部口径" : "";
  return `${where}${level}${kind}${scope}`;
}

/** A chart image's file name without extension, naming the view: 比较_县级人民政府_申请量_2024. */
export function toChartFileBase(view: {
  kind: "排名" | "比较";
  group: Parameters<typeof toGroupFileWord>[0];
  figure: FigureKey;
  year: number | null;
}): string {
  return toDownloadName({ ...view, ext: "csv" }).replace(/\.csv$/, "");
}

/** A file name that names the view, e.g. 排名_县级人民政府_申请量_2024.csv (characters a file system refuses become _). */
export function toDownloadName({
  kind,
  group,
  figure,
  year,
  ext,
}: {
  kind: "排名" | "比较";
  group: Parameters<typeof toGroupFileWord>[0];
  figure: FigureKey;
  year: number | null;
  ext: "csv" | "json";
}): string {
  const name = `${kind}_${toGroupFileWord(group)}_${FIGURE_META[figure].label}_${year ?? "无数据"}.${ext}`;
  return name.replace(/[\\/:*?"<>|\s]+/g, "_");
}
