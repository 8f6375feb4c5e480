/**
 * League tables (排名): one figure, one year, one peer group, computed in SQL with window functions
 * over the latest report versions and their typed figure columns; never by loading documents.
 *
 * - rank: competition ranking (ties share a rank, the next rank skips: 1, 2, 2, 4)
 * - percentile: PERCENT_RANK × 100 in the ranking's own order, reversed so the first place is 100
 *   and the last 0 (the share of other peers this one is ahead of)
 * - peers: how many reports are ranked
 * Small samples (rate over fewer than 10 cases) and reports whose identities fail (勾稽关系不符) are left out
 * unless `include` is set; reports that do not state the figure (未填报) are never ranked, only counted.
 */
import { getDb } from "@/lib/db/client";
import { figureChecksOk, figureSelect, peerWhere, type PeerFilter, type PeerReportRow } from "@/lib/db/figure-sql";
import type { FigureKey } from "@/lib/figures/figures";
import { Prisma } from "@/lib/generated/prisma/client";

export type RankingQuery = PeerFilter & {
  figure: FigureKey;
  include: boolean;
  order: "desc" | "asc";
  page: number;
  pageSize: number;
  /** an agency id whose page to show (and mark) */
  highlight?: number;
};

export type RankingRow = PeerReportRow & {
  rank: number;
  /** 0–100, see the module comment */
  percentile: number;
  value: number;
};

/** Reports in the peer group that are not in the table, by reason. */
export type RankingLeftOut = { notReported: number; smallSample: number; identityFailed: number };

export type Ranking = {
  query: RankingQuery;
  /** number of ranked peers */
  peers: number;
  leftOut: RankingLeftOut;
  page: number;
  totalPages: number;
  rows: RankingRow[];
  /** the highlighted agency's place, or null when it is not ranked in this view */
  highlighted: { agencyId: number; rank: number; position: number } | null;
};

type RankedRow = RankingRow & RankingLeftOut & { position: number | null; peers: number; hlRank: number | null; hlPosition: number | null };

/**
 * ONE statement: the peer group is read once (a MATERIALIZED CTE over the year/level/kind/scope index), then ranked,
 * counted and paged. The page holding the highlighted agency is chosen in SQL. Always returns at least one row
 * (the counts), with NULL row fields when the page is empty.
 */
function rankingSql(q: RankingQuery): Prisma.Sql {
  const eligible = q.include ? Prisma.sql`true` : Prisma.sql`b."identitiesOk" AND NOT b."isSmallSample"`;
  const dir = Prisma.raw(q.order === "asc" ? "ASC" : "DESC");
  const reverse = Prisma.raw(q.order === "asc" ? "DESC" : "ASC");
  const highlight = q.highlight ?? null;
  const usesHighlight = q.highlight !== undefined && q.page === 1;
  return Prisma.sql`
    WITH base AS MATERIALIZED (
      SELECT r."id" AS "reportId", r."agencyId", r."regionCode", r."level", r."kind", ${figureChecksOk(q.figure)}, ${figureSelect(q.figure)}
      FROM "Report" r WHERE ${peerWhere(q)}
    ), ranked AS (
      SELECT b.*, a."name" AS "agencyName",
             RANK() OVER (ORDER BY b."value" ${dir})::int AS "rank",
             (PERCENT_RANK() OVER (ORDER BY b."value" ${reverse}) * 100)::float8 AS "percentile",
             ROW_NUMBER() OVER (ORDER BY b."value" ${dir}, a."name", b."agencyId")::int AS "position",
             COUNT(*) OVER ()::int AS "peers"
      FROM base b JOIN "Agency" a ON a."id" = b."agencyId"
      WHERE b."value" IS NOT NULL AND ${eligible}
    ), counts AS (
      SELECT COUNT(*) FILTER (WHERE "value" IS NULL)::int AS "notReported",
             COUNT(*) FILTER (WHERE "value" IS NOT NULL AND "isSmallSample")::int AS "smallSample",
             COUNT(*) FILTER (WHERE "value" IS NOT NULL AND NOT "identitiesOk")::int AS "identityFailed",
             (SELECT COUNT(*) FROM ranked)::int AS "peers"
      FROM base
    ), hl AS (
      SELECT "rank" AS "hlRank", "position" AS "hlPosition" FROM ranked WHERE "agencyId" = ${highlight}::int LIMIT 1
    ), window_start AS (
      SELECT CASE WHEN ${usesHighlight}::boolean AND hl."hlPosition" IS NOT NULL
                  THEN ((hl."hlPosition" - 1) / ${q.pageSize}::int) * ${q.pageSize}::int
                  ELSE ${(q.page - 1) * q.pageSize}::int END AS "offset"
      FROM (SELECT 1) one LEFT JOIN hl ON true
    )
    SELECT c."notReported", c."smallSample", c."identityFailed", c."peers", hl."hlRank", hl."hlPosition",
           p."reportId", p."agencyId", p."agencyName", p."regionCode", p."level", p."kind", p."identitiesOk",
           p."value", p."numerator", p."denominator", p."isSmallSample", p."rank", p."percentile", p."position"
    FROM counts c CROSS JOIN window_start w LEFT JOIN hl ON true
    LEFT JOIN ranked p ON p."position" > w."offset" AND p."position" <= w."offset" + ${q.pageSize}::int
    ORDER BY p."position"`;
}

/** The league table for a figure, year and peer group; with `highlight` (and page 1) the page holding that agency. */
export async function listRanking(query: RankingQuery): Promise<Ranking> {
  const db = await getDb();
  const result = await db.$queryRaw<RankedRow[]>(rankingSql(query));
  const first = result[0];
  const peers = first?.peers ?? 0;
  const highlighted =
    query.highlight !== undefined && first?.hlRank != null && first.hlPosition != null
      ? { agencyId: query.highlight, rank: first.hlRank, position: first.hlPosition }
      : null;
  const page = highlighted && query.page === 1 ? Math.ceil(highlighted.position / query.pageSize) : query.page;
  const leftOut = { notReported: first?.notReported ?? 0, smallSample: first?.smallSample ?? 0, identityFailed: first?.identityFailed ?? 0 };
  const rows = result.filter((r) => r.position !== null).map(toRankingRow);
  return {
    query,
    peers,
    leftOut: query.include ? { ...leftOut, smallSample: 0, identityFailed: 0 } : leftOut,
    page,
    totalPages: Math.max(1, Math.ceil(peers / query.pageSize)),
    rows,
    highlighted,
  };
}

function toRankingRow(r: RankedRow): RankingRow {
  return {
    rank: r.rank, percentile: r.percentile, agencyId: r.agencyId, agencyName: r.agencyName, regionCode: r.regionCode,
    level: r.level, kind: r.kind, reportId: r.reportId, value: r.value, numerator: r.numerator, denominator: r.denominator,
    isSmallSample: r.isSmallSample, identitiesOk: r.identitiesOk,
  };
}
