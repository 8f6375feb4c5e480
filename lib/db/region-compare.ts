/**
 * Region comparison (地区比较): the child regions of a region (provinces of the country, prefectures of a province,
 * counties of a prefecture) side by side on one figure in one year, without double counting:
 * - a region whose government published a SUMMARY report (汇总报告) takes that report's figure, as printed;
 * - otherwise the SUM of the OWN reports (本机关报告) of the bodies in the region, labelled "合计（N 个机关）" with
 *   the region's coverage. The two are never mixed, and a summary report is never added to its parts (summary
 *   reports of lower regions are left out of a sum: their bodies' own reports may be in it).
 * Rates are recomputed from the summed numerators and denominators (never averaged); a report adds to a rate only
 * when it states both counts.
 * Cost: the sums are read from the per-data-version store (region-sum-store.ts: a few rows by primary key, rebuilt once
 * after an ingest), the summary reports through the "Report" (regionCode, year) index; nothing scans the reports.
 */
import { getDb } from "@/lib/db/client";
import { IS_REGION_GOVERNMENT } from "@/lib/db/coverage";
import { readRegionSums, readRegionYearSumsWith, type RegionSum } from "@/lib/db/region-sum-store";
import { getFigure, isSmallSample, toFigureColumnNames, toRate } from "@/lib/figures/figures";
import { REGION_PAGE_FIGURE_KEYS, type RegionFigureKey, type RegionPageFigures } from "@/lib/figures/region-figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { countExpectedGovernments } from "@/lib/regions/expected-publishers";
import { getRegion, listChildRegionsOf, type Region } from "@/lib/regions/gazetteer";

export { REGION_FIGURE_KEYS, type RegionFigureKey } from "@/lib/figures/region-figures";

/** How a region's figure was obtained. */
export type RegionFigureSource = "summary" | "sum" | "none";

export type RegionComparisonRow = {
  code: string;
  name: string;
  source: RegionFigureSource;
  /** the figure: a count, or a rate in [0, 1]; null when not stated / not computable (0/0 → null with denominator 0) */
  value: number | null;
  /** rates: the (summed) counts the rate rests on */
  numerator: number | null;
  denominator: number | null;
  /** a rate over 1–9 cases (样本较小); 0 cases is "—（无办结）", not a small sample */
  isSmallSample: boolean;
  /** the summary report the figure is taken from */
  summary: { reportId: number; agencyId: number; agencyName: string } | null;
  /** sum: how many own reports the figure adds up (those that state it) */
  reports: number;
  /** governments of the region (at and below it) expected by the gazetteer, and those with a report this year */
  coverage: { expected: number; collected: number };
  /** competition rank among the rows with a value (highest first) */
  rank: number | null;
};

export type RegionComparison = {
  parent: Region | null;
  figure: RegionFigureKey;
  year: number;
  rows: RegionComparisonRow[];
};

/** The regions compared under a parent: the provinces for the country, else its real children (市辖区 looked through). */
export function listComparedRegions(parent: string | undefined): Region[] {
  return listChildRegionsOf(parent ?? null);
}

type SummaryRow = {
  regionCode: string;
  reportId: number;
  agencyId: number;
  agencyName: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

const col = (name: string): Prisma.Sql => Prisma.raw(`r."${name}"`);

/** The summary reports of the children's own governments for the year. */
async function loadSummaries(children: string[], figure: RegionFigureKey, year: number): Promise<SummaryRow[]> {
  const db = await getDb();
  const c = getFigure(figure).columns;
  const num = c.numerator ? col(c.numerator) : Prisma.sql`NULL`;
  const den = c.denominator ? col(c.denominator) : Prisma.sql`NULL`;
  return db.$queryRaw<SummaryRow[]>`
    SELECT DISTINCT ON (r."regionCode") r."regionCode", r."id" AS "reportId", r."agencyId", a."name" AS "agencyName",
           ${col(c.value)}::float8 AS "value", ${num}::float8 AS "numerator", ${den}::float8 AS "denominator"
    FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
    WHERE r."year" = ${year}::int AND r."isLatest" AND r."scope" = 'summary'
      AND r."regionCode" = ANY(${children}::text[]) AND ${IS_REGION_GOVERNMENT}
    ORDER BY r."regionCode", r."id" DESC`;
}

/** The comparison of the child regions of `parent` (the provinces when unset) on one figure and year, ranked. */
export async function getRegionComparison({
  parent,
  figure,
  year,
}: {
  parent?: string;
  figure: RegionFigureKey;
  year: number;
}): Promise<RegionComparison> {
  const regions = listComparedRegions(parent);
  const codes = regions.map((r) => r.code);
  const db = await getDb();
  const [sums, summaries] =
    codes.length === 0 ? [[], []] : await Promise.all([readRegionSums(db, codes, year), loadSummaries(codes, figure, year)]);
  const isRate = getFigure(figure).unit === "%";
  const sumByCode = new Map(sums.map((s) => [s.code, s]));
  const summaryByCode = new Map(summaries.map((s) => [s.regionCode, s]));
  const rows: RegionComparisonRow[] = regions.map((region) => {
    const sum = sumByCode.get(region.code);
    const summary = summaryByCode.get(region.code);
    const expected = countExpectedGovernments(region.code).reduce((a, b) => a + b, 0);
    const coverage = { expected, collected: sum?.governments ?? 0 };
    const base = { code: region.code, name: region.name, coverage, rank: null };
    if (summary) {
      const rate = toRate(summary.numerator, summary.denominator);
      const value = isRate ? rate.value : summary.value;
      return {
        ...base,
        source: "summary",
        value,
        numerator: summary.numerator,
        denominator: summary.denominator,
        isSmallSample: isRate && isSmallSample(rate),
        summary: { reportId: summary.reportId, agencyId: summary.agencyId, agencyName: summary.agencyName },
        reports: 1,
      };
    }
    const stated = !sum ? null : isRate ? sum.rate(figure) : sum.count(figure);
    if (!stated || stated.n === 0) {
      return { ...base, source: "none", value: null, numerator: null, denominator: null, isSmallSample: false, summary: null, reports: 0 };
    }
    const numerator = "numerator" in stated ? stated.numerator : null;
    const denominator = "denominator" in stated ? stated.denominator : null;
    const rate = toRate(numerator, denominator);
    const value = "sum" in stated ? stated.sum : rate.value;
    return {
      ...base,
      source: "sum",
      value,
      numerator,
      denominator,
      isSmallSample: isRate && isSmallSample(rate),
      summary: null,
      reports: stated.n,
    };
  });
  return { parent: parent ? (getRegion(parent) ?? null) : null, figure, year, rows: rankRows(rows) };
}

/** Highest value first, ties share a rank; rows without a value follow in gazetteer order. */
function rankRows(rows: RegionComparisonRow[]): RegionComparisonRow[] {
  const withValue = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
  let rank = 0;
  withValue.forEach((r, i) => {
    if (i === 0 || r.value !== withValue[i - 1]!.value) rank = i + 1;
    r.rank = rank;
  });
  return [...withValue, ...rows.filter((r) => r.value === null)];
}

/** One year of a region's own figures (the region page): its government's summary report, else the sum of own reports. */
export type RegionYearFigures = {
  year: number;
  source: "summary" | "sum";
  summary: { reportId: number; agencyId: number; agencyName: string } | null;
  /** own reports in the sum (every own report of the year under the region) */
  reports: number;
  /** counts as stated or summed; rates from the summed counts of the reports that state both */
  figures: RegionPageFigures;
};

type YearSummaryRow = {
  year: number;
  id: number;
  agencyId: number;
  name: string;
} & Record<string, number | null>;

/** The figures of a summary report: counts as printed, rates recomputed (lib/figures' toRate) from its counts. */
function summaryFigures(row: YearSummaryRow): RegionPageFigures {
  const entries = REGION_PAGE_FIGURE_KEYS.map((key) => {
    const c = getFigure(key).columns;
    return [key, c.numerator && c.denominator ? toRate(row[c.numerator] ?? null, row[c.denominator] ?? null) : (row[c.value] ?? null)];
  });
  return Object.fromEntries(entries) as RegionPageFigures;
}

/** The figures of a sum of own reports: counts summed, rates recomputed from the summed counts of the reports stating both. */
function sumFigures(sum: RegionSum): RegionPageFigures {
  const entries = REGION_PAGE_FIGURE_KEYS.map((key) => {
    const c = getFigure(key).columns;
    if (!c.numerator || !c.denominator) return [key, sum.count(key).sum];
    const { numerator, denominator } = sum.rate(key);
    return [key, toRate(numerator, denominator)];
  });
  return Object.fromEntries(entries) as RegionPageFigures;
}

/**
 * A region's figures for every year with a latest report under it, without double counting (see the module comment):
 * the stored sums of its own reports (region-sum-store.ts), and its government's summary report of each year when
 * there is one (a few rows by the "Report" (regionCode, year) index).
 */
export async function listRegionYearFigures(code: string): Promise<RegionYearFigures[]> {
  return (await readRegionYearFigures(code)).figures;
}

/**
 * listRegionYearFigures and every year with a latest report in the store (newest first, as lib/db/compare
 * listReportYears), in one statement when the year's sums are fresh: the summary report of each year is read with
 * that year's stored sums.
 */
export async function readRegionYearFigures(code: string): Promise<{ years: number[]; figures: RegionYearFigures[] }> {
  const db = await getDb();
  const summaryColumns = Prisma.raw(
    toFigureColumnNames(REGION_PAGE_FIGURE_KEYS)
      .map((name) => `'${name}', r."${name}"::float8`)
      .join(", "),
  );
  const { years, sums, also } = await readRegionYearSumsWith<YearSummaryRow>(
    db,
    code,
    (year) => Prisma.sql`(
      SELECT json_build_object('year', r."year", 'id', r."id", 'agencyId', r."agencyId", 'name', a."name", ${summaryColumns})
      FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
      WHERE r."year" = ${year} AND r."isLatest" AND r."scope" = 'summary' AND r."regionCode" = ${code} AND ${IS_REGION_GOVERNMENT}
      ORDER BY r."id" DESC LIMIT 1)`,
  );
  const figures = sums.map((s): RegionYearFigures => {
    const m = also.get(s.year) ?? null;
    return {
      year: s.year,
      reports: s.reports,
      source: m ? "summary" : "sum",
      summary: m ? { reportId: m.id, agencyId: m.agencyId, agencyName: m.name } : null,
      figures: m ? summaryFigures(m) : sumFigures(s),
    };
  });
  return { years, figures };
}
