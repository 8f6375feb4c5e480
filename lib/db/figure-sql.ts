/**
 * SQL building blocks for figure queries over the typed figure columns of "Report"
 * (filled at ingest by lib/figures). Column names come only from the figure registry (`FIGURES[].columns`),
 * never from user input, so `Prisma.raw` is safe here.
 */
import { FIGURE_CHECKS } from "@/lib/figures/figure-checks";
import { getFigure, SMALL_SAMPLE_THRESHOLD, type FigureKey } from "@/lib/figures/figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRegion } from "@/lib/regions/gazetteer";

/** What every peer-group row carries besides its rank and value: the agency, its report and the figure's counts. */
export type PeerReportRow = {
  agencyId: number;
  agencyName: string;
  regionCode: string | null;
  level: string;
  kind: string;
  reportId: number;
  numerator: number | null;
  denominator: number | null;
  isSmallSample: boolean;
  /** the identities THIS figure depends on hold (lib/figures/figure-checks.ts); a failed 表四 check leaves 申请量 alone */
  identitiesOk: boolean;
};

const col = (name: string): Prisma.Sql => Prisma.raw(`r."${name}"`);

/**
 * `value, numerator, denominator, "isSmallSample"` for a figure, as float8/bool select items.
 * A count figure has no numerator/denominator (NULL) and is never a small sample.
 */
export function figureSelect(figure: FigureKey): Prisma.Sql {
  const c = getFigure(figure).columns;
  const value = Prisma.sql`${col(c.value)}::float8 AS "value"`;
  if (!c.numerator || !c.denominator) {
    return Prisma.sql`${value}, NULL::float8 AS "numerator", NULL::float8 AS "denominator", false AS "isSmallSample"`;
  }
  const den = col(c.denominator);
  return Prisma.sql`${value}, ${col(c.numerator)}::float8 AS "numerator", ${den}::float8 AS "denominator",
    (${den} IS NOT NULL AND ${den} > 0 AND ${den} < ${SMALL_SAMPLE_THRESHOLD}) AS "isSmallSample"`;
}

/**
 * `"identitiesOk"` select item over `"Report" r`: true unless a check this figure depends on failed. A figure that rests
 * on no identity (行政许可, 行政处罚 …: section 二 has none) is always true.
 */
export function figureChecksOk(figure: FigureKey): Prisma.Sql {
  const checks = FIGURE_CHECKS[figure];
  if (checks.length === 0) return Prisma.sql`true AS "identitiesOk"`;
  return Prisma.sql`NOT coalesce(r."failedChecks" && ${[...checks]}::text[], false) AS "identitiesOk"`;
}

/** The figure's value column (`r."requestsReceived"`). */
export function figureValue(figure: FigureKey): Prisma.Sql {
  return col(getFigure(figure).columns.value);
}

/** The peer group: year + latest version + optional level, kind and scope (province, prefecture or county). */
export type PeerFilter = {
  year: number;
  level?: string;
  kind?: string;
  scope?: string;
  /** 报告口径: only own reports (本机关报告), only summary reports (汇总报告), or both; unset = both */
  reportScope?: "own" | "summary" | "all";
};

/**
 * The peer group as report columns: a report is in the group when it is a latest report of the year with these values
 * (level, kind, the scope's code column, 报告口径). Keys are "Report" (and "ReportChange") column names; the group's
 * SQL (peerWhere) is made from them, and the change log's warmer (lib/db/ranking-store) matches changed reports on them.
 */
export function peerMembers({ level, kind, scope, reportScope }: PeerFilter): Record<string, string> {
  const members: Record<string, string> = {};
  if (level) members.level = level;
  if (kind) members.kind = kind;
  if (scope) members[scopeColumn(scope)] = scope;
  if (reportScope === "own" || reportScope === "summary") members.scope = reportScope;
  return members;
}

/** WHERE conditions (without the WHERE) for a peer group over `"Report" r`; uses the (year, isLatest, level, kind, *Code) indexes. */
export function peerWhere(filter: PeerFilter): Prisma.Sql {
  const parts = [Prisma.sql`r."year" = ${filter.year}`, Prisma.sql`r."isLatest" = true`];
  for (const [column, value] of Object.entries(peerMembers(filter))) parts.push(Prisma.sql`${col(column)} = ${value}`);
  return Prisma.join(parts, " AND ");
}

/** The code column a scope (province, prefecture or county) is matched on. */
function scopeColumn(scope: string): "provinceCode" | "prefectureCode" | "countyCode" {
  const level = getRegion(scope)?.level;
  if (level === 1) return "provinceCode";
  if (level === 2) return "prefectureCode";
  return "countyCode";
}
