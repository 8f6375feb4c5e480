/**
 * Turns parsed URL parameters into the lib/db queries both the pages and /api/v1 run,
 * filling the one default that needs the store: the year (the newest year with reports).
 */
import { toPeerChoice, type CompareParams, type RankingParams } from "@/lib/http/params";
import { listReportYears, type CompareQuery } from "@/lib/db/compare";
import type { RankingQuery } from "@/lib/db/rankings";

/** The years with reports (newest first) and the year to show: the requested one, else the newest; null when the store is empty. */
export async function resolveYear(requested: number | undefined): Promise<{ year: number | null; years: number[] }> {
  const years = await listReportYears();
  return { year: requested ?? years[0] ?? null, years };
}

/**
 * The same as resolveYear, started at once: the year is known without a query when the URL names one, so a page can
 * read its data while the list of years (for the year picker) is still on its way.
 */
export function startResolveYear(requested: number | undefined): { year: Promise<number | null>; years: Promise<number[]> } {
  const years = listReportYears();
  return { year: requested !== undefined ? Promise.resolve(requested) : years.then((list) => list[0] ?? null), years };
}

/** The year to show when the list of years is not needed (the API): no query when the URL names one. */
export async function resolveYearOnly(requested: number | undefined): Promise<number | null> {
  return requested ?? (await listReportYears())[0] ?? null;
}

/** The ranking query for these parameters and year. */
export function toRankingQuery(p: RankingParams, year: number): RankingQuery {
  return {
    figure: p.figure,
    year,
    level: toPeerChoice(p.level),
    kind: toPeerChoice(p.kind),
    scope: p.scope,
    reportScope: p.reportScope,
    include: p.include,
    order: p.order,
    page: p.page,
    pageSize: p.pageSize,
    highlight: p.highlight,
  };
}

/** The comparison query for these parameters and year. */
export function toCompareQuery(p: CompareParams, year: number): CompareQuery {
  return {
    figure: p.figure,
    year,
    level: toPeerChoice(p.level),
    kind: toPeerChoice(p.kind),
    scope: p.scope,
    reportScope: p.reportScope,
    sort: p.sort,
    dir: p.dir,
    page: p.page,
    pageSize: p.pageSize,
  };
}
