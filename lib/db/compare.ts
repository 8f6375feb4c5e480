/**
 * Comparison views (对比): every agency of a peer group with one figure in one year, and the figure
 * across years for up to ten chosen agencies. Reads the typed figure columns of the latest versions.
 */
import { getDb } from "@/lib/db/client";
import {
  groupParams,
  readSnapshotPage,
  snapshotHeaderSql,
  type GroupDefinition,
  type HeaderRow,
  type SnapshotRef,
} from "@/lib/db/ranking-store";
import {
  figureChecksOk,
  figureSelect,
  figureValue,
  peerMembers,
  peerWhere,
  type PeerFilter,
  type PeerReportRow,
} from "@/lib/db/figure-sql";
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
    chartPlaces: chartPlacesSql(),
    members: peerMembers(q),
    params: groupParams({ figure: q.figure, year: q.year, level: q.level, kind: q.kind, scope: q.scope, reportScope: q.reportScope }),
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

/**
 * The places of the chart's bars among `peers` ranked rows, as a SELECT of "place" over a CTE `cur` holding "peers":
 * every place when there are at most MAX_CHART_BARS, else the first CHART_TOP_PLACES and MAX_CHART_BARS evenly spaced
 * places (first and last kept): round(1 + i × (peers − 1) / (MAX_CHART_BARS − 1)), rounded half up in float8 exactly as
 * JavaScript's Math.round (chartPlaces, which the db test holds it to).
 */
function chartPlacesSql(): Prisma.Sql {
  return Prisma.sql`
    SELECT g."place" FROM cur, generate_series(1, cur."peers") AS g("place") WHERE cur."peers" <= ${MAX_CHART_BARS}::int
    UNION
    SELECT g."place" FROM cur, generate_series(1, least(${CHART_TOP_PLACES}::int, cur."peers")) AS g("place")
    WHERE cur."peers" > ${MAX_CHART_BARS}::int
    UNION
    SELECT (ceil(s."x") - CASE WHEN ceil(s."x") - 0.5 > s."x" THEN 1 ELSE 0 END)::int
    FROM (SELECT 1 + i::float8 * ((cur."peers" - 1)::float8 / ${MAX_CHART_BARS - 1}::float8) AS "x"
          FROM cur, generate_series(0, ${MAX_CHART_BARS - 1}::int) AS i WHERE cur."peers" > ${MAX_CHART_BARS}::int) s`;
}

/** The chart's places among `ranked` rows (the JavaScript statement of chartPlacesSql), ascending. */
export function chartPlaces(ranked: number): number[] {
  if (ranked <= MAX_CHART_BARS) return Array.from({ length: ranked }, (_, i) => i + 1);
  const step = (ranked - 1) / (MAX_CHART_BARS - 1);
  const top = Array.from({ length: Math.min(CHART_TOP_PLACES, ranked) }, (_, i) => i + 1);
  return [...new Set([...top, ...Array.from({ length: MAX_CHART_BARS }, (_, i) => Math.round(1 + i * step))])].sort((a, b) => a - b);
}

/** The SQL of chartPlaces for `peers` ranked rows (db tests hold the two to each other). */
export function chartPlacesForSql(peers: number): Prisma.Sql {
  return Prisma.sql`WITH cur AS (SELECT ${peers}::int AS "peers") SELECT p."place" FROM (${chartPlacesSql()}) p ORDER BY p."place"`;
}

/** A row of compareReadSql: the header (its bars on the first row only) and one table row (agencyId null: empty page). */
type CompareReadRow = HeaderRow & Omit<CompareRow, "agencyId"> & { agencyId: number | null };

/**
 * ONE statement for a page of a stored comparison: the snapshot's header (by the group's key and the year's data
 * version, or by id) with the chart's bars stored in it (three arrays, on the first row only), and one table page in
 * the requested order, read by (snapshotId, place). Always at least one row; "id" is NULL
 * when the snapshot is missing or stale (the caller builds it and reads again by id), "agencyId" NULL when the page is empty.
 */
export function compareReadSql(q: CompareQuery, current: SnapshotRef): Prisma.Sql {
  const { column, reversed } = orderColumn(q.sort, q.dir);
  const offset = (q.page - 1) * q.pageSize;
  // name descending reads the name order from the far end
  const from = reversed ? Prisma.sql`cur."total" - ${offset + q.pageSize - 1}::int` : Prisma.sql`${offset + 1}::int`;
  const to = reversed ? Prisma.sql`cur."total" - ${offset}::int` : Prisma.sql`${offset + q.pageSize}::int`;
  return Prisma.sql`
    WITH cur AS MATERIALIZED (${snapshotHeaderSql(current)}),
    page AS (
      SELECT ROW_NUMBER() OVER (ORDER BY ${column} ${Prisma.raw(reversed ? "DESC" : "ASC")}) AS "ord",
             e."rank", r."agencyId", a."name" AS "agencyName", r."regionCode", r."level", r."kind", r."id" AS "reportId",
             f."identitiesOk", f."value", f."numerator", f."denominator", f."isSmallSample"
      FROM cur
      JOIN "RankingEntry" e ON e."snapshotId" = cur."id" AND ${column} BETWEEN ${from} AND ${to}
      JOIN "Report" r ON r."id" = e."reportId"
      JOIN "Agency" a ON a."id" = e."agencyId"
      CROSS JOIN LATERAL (SELECT ${figureChecksOk(q.figure)}, ${figureSelect(q.figure)} FROM "Report" r WHERE r."id" = e."reportId") f
    )
    SELECT cur."id", cur."peers", cur."total", cur."notReported", cur."smallSample", cur."identityFailed", cur."noneHandled",
           cur."median", cur."quartiles", CASE WHEN coalesce(p."ord", 1) = 1 THEN cur."barIds" END AS "barIds",
           CASE WHEN coalesce(p."ord", 1) = 1 THEN cur."barNames" END AS "barNames",
           CASE WHEN coalesce(p."ord", 1) = 1 THEN cur."barValues" END AS "barValues",
           p."rank", p."agencyId", p."agencyName", p."regionCode", p."level", p."kind", p."reportId",
           p."identitiesOk", p."value", p."numerator", p."denominator", p."isSmallSample"
    FROM (SELECT 1) one LEFT JOIN cur ON true LEFT JOIN page p ON true
    ORDER BY p."ord"`;
}

/**
 * Every agency of the peer group with the figure: one sorted table page and the chart's bars (all that state it, or
 * an even sample of MAX_CHART_BARS by rank), read from the stored comparison (ranked once per data version) in one
 * statement while it is fresh; otherwise built first and read by id.
 */
export async function getComparison(query: CompareQuery): Promise<Comparison> {
  const db = await getDb();
  const { snapshot, rows: result } = await readSnapshotPage(db, compareGroup(query), (ref) =>
    db.$queryRaw<CompareReadRow[]>(compareReadSql(query, ref)),
  );
  // the chart's bars were stored with the snapshot when it was built (compareGroup's chartPlaces)
  const bars: CompareBar[] = snapshot.bars;
  const rows: CompareRow[] = result
    .filter((r) => r.agencyId !== null)
    .map((r) => ({
      rank: r.rank,
      agencyId: r.agencyId!,
      agencyName: r.agencyName,
      regionCode: r.regionCode,
      level: r.level,
      kind: r.kind,
      reportId: r.reportId,
      identitiesOk: r.identitiesOk,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      isSmallSample: r.isSmallSample,
    }));
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

/**
 * The chosen agencies' names (even outside the current scope, or without any report) and their figure across every year,
 * in one statement: the names and listFigureSeries together, for the compare page.
 */
export async function listPickedSeries({
  figure,
  agencyIds,
}: {
  figure: FigureKey;
  agencyIds: number[];
}): Promise<{ points: SeriesPoint[]; picked: { id: number; name: string }[] }> {
  if (agencyIds.length === 0) return { points: [], picked: [] };
  const db = await getDb();
  const rows = await db.$queryRaw<(Omit<SeriesPoint, "year"> & { year: number | null })[]>`
    SELECT a."id" AS "agencyId", a."name" AS "agencyName", s.*
    FROM "Agency" a
    LEFT JOIN LATERAL (
      SELECT r."year", ${figureSelect(figure)} FROM "Report" r WHERE r."agencyId" = a."id" AND r."isLatest" = true
    ) s ON true
    WHERE a."id" = ANY(${agencyIds}::int[])
    ORDER BY a."id", s."year"`;
  const picked = new Map<number, string>();
  const points: SeriesPoint[] = [];
  for (const row of rows) {
    picked.set(row.agencyId, row.agencyName);
    if (row.year !== null) points.push(row as SeriesPoint);
  }
  return { points, picked: [...picked].map(([id, name]) => ({ id, name })) };
}
