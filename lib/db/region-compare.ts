/**
 * Region comparison (地区比较): the child regions of a region (provinces of the country, prefectures of a province,
 * counties of a prefecture) side by side on one figure in one year, without double counting:
 * - a region whose government published a SUMMARY report (汇总报告) takes that report's figure, as printed;
 * - otherwise the SUM of the OWN reports (本机关报告) of the bodies in the region, labelled "合计（N 个机关）" with
 *   the region's coverage. The two are never mixed, and a summary report is never added to its parts (summary
 *   reports of lower regions are left out of a sum: their bodies' own reports may be in it).
 * Rates are recomputed from the summed numerators and denominators (never averaged); a report adds to a rate only
 * when it states both counts.
 */
import { getDb } from "@/lib/db/client";
import { IS_REGION_GOVERNMENT, underRegion } from "@/lib/db/coverage";
import { getFigure, isSmallSample, toFigureColumnNames, toRate } from "@/lib/figures/figures";
import {
  REGION_PAGE_FIGURE_KEYS,
  type RegionFigureKey,
  type RegionPageFigureKey,
  type RegionPageFigures,
} from "@/lib/figures/region-figures";
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

type SumRow = {
  child: string;
  valueSum: number | null;
  valueCount: number;
  numSum: number | null;
  denSum: number | null;
  rateCount: number;
  governments: number;
};
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

/** The child region a report falls in: the first of its province / prefecture / county / region codes that is a child. */
function childOf(children: string[]): Prisma.Sql {
  return Prisma.sql`CASE WHEN r."provinceCode" = ANY(${children}::text[]) THEN r."provinceCode"
    WHEN r."prefectureCode" = ANY(${children}::text[]) THEN r."prefectureCode"
    WHEN r."countyCode" = ANY(${children}::text[]) THEN r."countyCode"
    WHEN r."regionCode" = ANY(${children}::text[]) THEN r."regionCode" END`;
}

/** Per child region: the sums over own reports, and how many of its governments have any report this year. */
async function loadSums(parent: string | undefined, children: string[], figure: RegionFigureKey, year: number): Promise<SumRow[]> {
  const db = await getDb();
  const c = getFigure(figure).columns;
  const value = col(c.value);
  const own = Prisma.sql`r."scope" = 'own'`;
  const rate =
    c.numerator && c.denominator
      ? Prisma.sql`sum(${col(c.numerator)}) FILTER (WHERE ${own} AND ${col(c.numerator)} IS NOT NULL AND ${col(c.denominator)} IS NOT NULL)::float8,
        sum(${col(c.denominator)}) FILTER (WHERE ${own} AND ${col(c.numerator)} IS NOT NULL AND ${col(c.denominator)} IS NOT NULL)::float8,
        (COUNT(*) FILTER (WHERE ${own} AND ${col(c.numerator)} IS NOT NULL AND ${col(c.denominator)} IS NOT NULL))::int`
      : Prisma.sql`NULL::float8, NULL::float8, 0`;
  return db.$queryRaw<SumRow[]>`
    SELECT t."child", t."valueSum", t."valueCount", t."numSum", t."denSum", t."rateCount", t."governments"
    FROM (
      SELECT ${childOf(children)} AS "child",
             sum(${value}) FILTER (WHERE ${own})::float8 AS "valueSum",
             (COUNT(${value}) FILTER (WHERE ${own}))::int AS "valueCount",
             ${rate},
             (COUNT(DISTINCT r."regionCode") FILTER (WHERE ${IS_REGION_GOVERNMENT}))::int AS "governments"
      FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
      WHERE r."year" = ${year}::int AND r."isLatest" AND ${underRegion(parent)}
      GROUP BY 1
    ) AS t("child", "valueSum", "valueCount", "numSum", "denSum", "rateCount", "governments")
    WHERE t."child" IS NOT NULL`;
}

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
  const [sums, summaries] =
    codes.length === 0 ? [[], []] : await Promise.all([loadSums(parent, codes, figure, year), loadSummaries(codes, figure, year)]);
  const isRate = getFigure(figure).unit === "%";
  const rows: RegionComparisonRow[] = regions.map((region) => {
    const sum = sums.find((s) => s.child === region.code);
    const summary = summaries.find((s) => s.regionCode === region.code);
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
    const reports = isRate ? (sum?.rateCount ?? 0) : (sum?.valueCount ?? 0);
    if (!sum || reports === 0) {
      return { ...base, source: "none", value: null, numerator: null, denominator: null, isSmallSample: false, summary: null, reports: 0 };
    }
    const numerator = isRate ? sum.numSum : null;
    const denominator = isRate ? sum.denSum : null;
    const rate = toRate(numerator, denominator);
    const value = isRate ? rate.value : sum.valueSum;
    return { ...base, source: "sum", value, numerator, denominator, isSmallSample: isRate && isSmallSample(rate), summary: null, reports };
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

type YearSumRow = {
  year: number;
  reports: number;
  summaryId: number | null;
  summaryAgencyId: number | null;
  summaryName: string | null;
} & Record<string, number | null>;

/** A figure's part of the year statement: its sum over own reports (a rate: numerator and denominator where both are stated). */
function yearSumColumns(key: RegionPageFigureKey, own: Prisma.Sql): Prisma.Sql {
  const c = getFigure(key).columns;
  if (!c.numerator || !c.denominator) return Prisma.sql`sum(${col(c.value)}) FILTER (WHERE ${own})::float8 AS ${Prisma.raw(`"${key}"`)}`;
  const both = Prisma.sql`${own} AND ${col(c.numerator)} IS NOT NULL AND ${col(c.denominator)} IS NOT NULL`;
  return Prisma.sql`sum(${col(c.numerator)}) FILTER (WHERE ${both})::float8 AS ${Prisma.raw(`"${key}:n"`)},
    sum(${col(c.denominator)}) FILTER (WHERE ${both})::float8 AS ${Prisma.raw(`"${key}:d"`)}`;
}

/** A figure's part of the final select: the summary report's columns when there is one, else the sums. */
function yearPickColumns(key: RegionPageFigureKey): Prisma.Sql {
  const c = getFigure(key).columns;
  const pick = (alias: string, column: string) =>
    Prisma.raw(`CASE WHEN m."id" IS NULL THEN s."${alias}" ELSE m."${column}" END::float8 AS "${alias}"`);
  if (!c.numerator || !c.denominator) return pick(key, c.value);
  return Prisma.sql`${pick(`${key}:n`, c.numerator)}, ${pick(`${key}:d`, c.denominator)}`;
}

/** The figures of one year row: counts as they are, rates recomputed (lib/figures' toRate) from their counts. */
function toYearFigures(row: YearSumRow): RegionPageFigures {
  const entries = REGION_PAGE_FIGURE_KEYS.map((key) => {
    const c = getFigure(key).columns;
    return [key, c.numerator && c.denominator ? toRate(row[`${key}:n`] ?? null, row[`${key}:d`] ?? null) : (row[key] ?? null)];
  });
  return Object.fromEntries(entries) as RegionPageFigures;
}

/**
 * A region's figures for every year, without double counting (see the module comment): one statement over the
 * region's latest reports, plus its government's summary report of each year when there is one.
 */
export async function listRegionYearFigures(code: string): Promise<RegionYearFigures[]> {
  const db = await getDb();
  const own = Prisma.sql`r."scope" = 'own'`;
  const summaryColumns = Prisma.raw(
    toFigureColumnNames(REGION_PAGE_FIGURE_KEYS)
      .map((name) => `r."${name}"`)
      .join(", "),
  );
  const rows = await db.$queryRaw<YearSumRow[]>`
    WITH sums AS (
      SELECT r."year",
             (COUNT(*) FILTER (WHERE ${own}))::int AS "reports",
             ${Prisma.join(
               REGION_PAGE_FIGURE_KEYS.map((k) => yearSumColumns(k, own)),
               ",\n             ",
             )}
      FROM "Report" r WHERE r."isLatest" AND ${underRegion(code)}
      GROUP BY r."year"
    ), summaries AS (
      SELECT DISTINCT ON (r."year") r."year", r."id", r."agencyId", a."name", ${summaryColumns}
      FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
      WHERE r."isLatest" AND r."scope" = 'summary' AND r."regionCode" = ${code} AND ${IS_REGION_GOVERNMENT}
      ORDER BY r."year", r."id" DESC
    )
    SELECT s."year", s."reports", m."id" AS "summaryId", m."agencyId" AS "summaryAgencyId", m."name" AS "summaryName",
           ${Prisma.join(REGION_PAGE_FIGURE_KEYS.map(yearPickColumns), ",\n           ")}
    FROM sums s LEFT JOIN summaries m ON m."year" = s."year"
    ORDER BY s."year"`;
  return rows.map((r) => ({
    year: r.year,
    reports: r.reports,
    source: r.summaryId === null ? "sum" : "summary",
    summary: r.summaryId === null ? null : { reportId: r.summaryId, agencyId: r.summaryAgencyId!, agencyName: r.summaryName! },
    figures: toYearFigures(r),
  }));
}
