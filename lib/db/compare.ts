/**
 * Comparison views (对比): every agency of a peer group with one figure in one year, and the figure
 * across years for up to ten chosen agencies. Reads the typed figure columns of the latest versions.
 */
import { getDb } from "@/lib/db/client";
import { ensureSnapshot, type GroupDefinition } from "@/lib/db/ranking-store";
import { figureChecksOk, figureSelect, figureValue, peerWhere, type PeerFilter, type PeerReportRow } from "@/lib/db/figure-sql";
import type { FigureKey } from "@/lib/figures/figures";
import { Prisma } from "@/lib/generated/prisma/client";

export type CompareQuery = PeerFilter & {
  figure: FigureKey;
  sort: "value" | "name";
  dir: "desc" | "asc";
  page: number;
  pageSize: number;
};

export type CompareRow = PeerReportRow & {
  /** competition rank by value, highest first; null when the report does not state the figure */
  rank: number | null;
  /** null: 未填报 */
  value: number | null;
};

/** One bar of the ranked chart: every agency in scope that states the figure, highest first. */
export type CompareBar = { agencyId: number; agencyName: string; value: number };

export type Comparison = {
  query: CompareQuery;
  /** reports in the peer group (with or without the figure) */
  total: number;
  /** reports that state the figure (the chart's 共 N 个机关) */
  stated: number;
  /** the chart: every report that states the figure, highest first, or the first CHART_TOP_PLACES and an even sample of MAX_CHART_BARS by rank */
  bars: CompareBar[];
  page: number;
  totalPages: number;
  /** the table page in the requested order */
  rows: CompareRow[];
};

/**
 * The group definition of a comparison (lib/db/ranking-store): every latest report of the peer group, ranked by value
 * (highest first, 未填报 last); stored with its value-ascending and name (pinyin) orders as well.
 */
export function compareGroup(q: PeerFilter & { figure: FigureKey }): GroupDefinition {
  return {
    view: "compare",
    year: q.year,
    order: "desc",
    keepAll: true,
    rows: Prisma.sql`
      SELECT r."id" AS "reportId", r."agencyId", a."name" AS "agencyName", ${figureValue(q.figure)}::float8 AS "value",
             (${figureValue(q.figure)} IS NOT NULL) AS "ranked", (${figureValue(q.figure)} IS NULL) AS "notReported",
             false AS "smallSample", false AS "identityFailed", false AS "noneHandled"
      FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId"
      WHERE ${peerWhere(q)}`,
  };
}

/** Which stored order a sort reads, and the place range of a page in it. */
function orderColumn(sort: CompareQuery["sort"], dir: CompareQuery["dir"]): { column: Prisma.Sql; reversed: boolean } {
  if (sort === "name") return { column: Prisma.raw(`e."namePosition"`), reversed: dir === "desc" };
  return { column: Prisma.raw(dir === "asc" ? `e."ascPosition"` : `e."position"`), reversed: false };
}

/** At most this many bars go to the chart: every agency up to it, else an even sample by rank (first and last kept). */
export const MAX_CHART_BARS = 400;

/**
 * The first places of the chart are always read whole, not sampled: the chart's top-N view names the true top 20, and
 * place 21 is the exact highest of the rest it summarises (the sample always holds the last place, the lowest).
 */
export const CHART_TOP_PLACES = 21;

/** Bars of the ranked chart: the first CHART_TOP_PLACES places, then ranked rows at evenly spaced places (all when there are few), read by primary key. */
async function loadBars(snapshotId: number, ranked: number): Promise<CompareBar[]> {
  if (ranked === 0) return [];
  const db = await getDb();
  const step = Math.max(1, (ranked - 1) / (MAX_CHART_BARS - 1));
  const top = Array.from({ length: Math.min(CHART_TOP_PLACES, ranked) }, (_, i) => i + 1);
  const places =
    ranked <= MAX_CHART_BARS
      ? Array.from({ length: ranked }, (_, i) => i + 1)
      : [...new Set([...top, ...Array.from({ length: MAX_CHART_BARS }, (_, i) => Math.round(1 + i * step))])];
  return db.$queryRaw<CompareBar[]>`
    SELECT e."agencyId", a."name" AS "agencyName", e."value"
    FROM unnest(${places}::int[]) AS p("position")
    JOIN "RankingEntry" e ON e."snapshotId" = ${snapshotId}::int AND e."position" = p."position"
    JOIN "Agency" a ON a."id" = e."agencyId"
    ORDER BY e."position"`;
}

/** One table page of a stored comparison in the requested order, read by (snapshotId, place). */
async function loadPage(q: CompareQuery, snapshotId: number, total: number): Promise<CompareRow[]> {
  const db = await getDb();
  const { column, reversed } = orderColumn(q.sort, q.dir);
  const offset = (q.page - 1) * q.pageSize;
  // name descending reads the name order from the far end
  const from = reversed ? total - offset - q.pageSize + 1 : offset + 1;
  const to = reversed ? total - offset : offset + q.pageSize;
  return db.$queryRaw<CompareRow[]>`
    SELECT e."rank", r."agencyId", a."name" AS "agencyName", r."regionCode", r."level", r."kind", r."id" AS "reportId",
           f."identitiesOk", f."value", f."numerator", f."denominator", f."isSmallSample"
    FROM "RankingEntry" e
    JOIN "Report" r ON r."id" = e."reportId"
    JOIN "Agency" a ON a."id" = e."agencyId"
    CROSS JOIN LATERAL (SELECT ${figureChecksOk(q.figure)}, ${figureSelect(q.figure)} FROM "Report" r WHERE r."id" = e."reportId") f
    WHERE e."snapshotId" = ${snapshotId}::int AND ${column} BETWEEN ${from}::int AND ${to}::int
    ORDER BY ${column} ${Prisma.raw(reversed ? "DESC" : "ASC")}`;
}

/**
 * Every agency of the peer group with the figure: one sorted table page and the chart's bars (all that state it, or
 * an even sample of MAX_CHART_BARS by rank), read from the stored comparison (ranked once per data version).
 */
export async function getComparison(query: CompareQuery): Promise<Comparison> {
  const db = await getDb();
  const snapshot = await ensureSnapshot(db, compareGroup(query));
  const [bars, rows] = await Promise.all([loadBars(snapshot.id, snapshot.peers), loadPage(query, snapshot.id, snapshot.total)]);
  const totalPages = Math.max(1, Math.ceil(snapshot.total / query.pageSize));
  return { query, total: snapshot.total, stated: snapshot.peers, bars, page: query.page, totalPages, rows };
}

/** One agency's figure in one year (latest version); value null: 未填报. */
export type SeriesPoint = { agencyId: number; agencyName: string; year: number; value: number | null; isSmallSample: boolean };

/** The figure across every year for the chosen agencies (latest versions), by agency then year. */
export async function listFigureSeries({ figure, agencyIds }: { figure: FigureKey; agencyIds: number[] }): Promise<SeriesPoint[]> {
  if (agencyIds.length === 0) return [];
  const db = await getDb();
  return db.$queryRaw<SeriesPoint[]>`
    SELECT r."agencyId", a."name" AS "agencyName", r."year", ${figureSelect(figure)}
    FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId"
    WHERE r."agencyId" = ANY(${agencyIds}::int[]) AND r."isLatest" = true
    ORDER BY r."agencyId", r."year"`;
}

/**
 * Years that have at least one latest report, newest first. A loose index scan (one index probe per year on the
 * (year, isLatest, …) index) instead of DISTINCT over every report: it runs on every compare/ranking page.
 */
export async function listReportYears(): Promise<number[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ year: number }[]>`
    WITH RECURSIVE y AS (
      (SELECT r."year" FROM "Report" r WHERE r."isLatest" = true ORDER BY r."year" DESC LIMIT 1)
      UNION ALL
      SELECT (SELECT r."year" FROM "Report" r WHERE r."isLatest" = true AND r."year" < y."year" ORDER BY r."year" DESC LIMIT 1)
      FROM y WHERE y."year" IS NOT NULL
    )
    SELECT "year" FROM y WHERE "year" IS NOT NULL`;
  return rows.map((r) => r.year);
}

/** Names of the given agencies (for the picked list even when they are outside the current scope). */
export async function listAgencyNames(agencyIds: number[]): Promise<{ id: number; name: string }[]> {
  if (agencyIds.length === 0) return [];
  const db = await getDb();
  return db.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, name: true }, orderBy: { id: "asc" } });
}
