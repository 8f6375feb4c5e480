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
import { figureSelect, figureValue, peerWhere, type PeerFilter } from "@/lib/db/figure-sql";
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

export type RankingRow = {
  rank: number;
  /** 0–100, see the module comment */
  percentile: number;
  agencyId: number;
  agencyName: string;
  regionCode: string | null;
  level: string;
  kind: string;
  reportId: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  isSmallSample: boolean;
  identitiesOk: boolean;
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

function rankedCte(q: RankingQuery): Prisma.Sql {
  const eligible = q.include ? Prisma.sql`true` : Prisma.sql`p."identitiesOk" AND NOT p."isSmallSample"`;
  const dir = Prisma.raw(q.order === "asc" ? "ASC" : "DESC");
  const reverse = Prisma.raw(q.order === "asc" ? "DESC" : "ASC");
  return Prisma.sql`
    WITH peers AS (
      SELECT r."id" AS "reportId", r."agencyId", a."name" AS "agencyName", r."regionCode", r."level", r."kind",
             r."identitiesOk", ${figureSelect(q.figure)}
      FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId"
      WHERE ${peerWhere(q)} AND ${figureValue(q.figure)} IS NOT NULL
    ), ranked AS (
      SELECT p.*,
             RANK() OVER (ORDER BY p."value" ${dir})::int AS "rank",
             (PERCENT_RANK() OVER (ORDER BY p."value" ${reverse}) * 100)::float8 AS "percentile",
             ROW_NUMBER() OVER (ORDER BY p."value" ${dir}, p."agencyName", p."agencyId")::int AS "position",
             COUNT(*) OVER ()::int AS "peers"
      FROM peers p WHERE ${eligible}
    )`;
}

type RankedRow = RankingRow & { position: number; peers: number };

async function findHighlight(q: RankingQuery): Promise<Ranking["highlighted"]> {
  if (q.highlight === undefined) return null;
  const db = await getDb();
  const rows = await db.$queryRaw<{ rank: number; position: number }[]>`${rankedCte(q)}
    SELECT "rank", "position" FROM ranked WHERE "agencyId" = ${q.highlight} LIMIT 1`;
  const row = rows[0];
  return row ? { agencyId: q.highlight, rank: row.rank, position: row.position } : null;
}

async function countLeftOut(q: RankingQuery): Promise<RankingLeftOut> {
  const db = await getDb();
  const rows = await db.$queryRaw<RankingLeftOut[]>`
    WITH peers AS (
      SELECT r."identitiesOk", ${figureSelect(q.figure)} FROM "Report" r WHERE ${peerWhere(q)}
    )
    SELECT COUNT(*) FILTER (WHERE "value" IS NULL)::int AS "notReported",
           COUNT(*) FILTER (WHERE "value" IS NOT NULL AND "isSmallSample")::int AS "smallSample",
           COUNT(*) FILTER (WHERE "value" IS NOT NULL AND NOT "identitiesOk")::int AS "identityFailed"
    FROM peers`;
  return rows[0] ?? { notReported: 0, smallSample: 0, identityFailed: 0 };
}

/** The league table for a figure, year and peer group; with `highlight` (and page 1) the page holding that agency. */
export async function listRanking(query: RankingQuery): Promise<Ranking> {
  const db = await getDb();
  const [highlighted, leftOut] = await Promise.all([findHighlight(query), countLeftOut(query)]);
  const page = highlighted && query.page === 1 ? Math.ceil(highlighted.position / query.pageSize) : query.page;
  const offset = (page - 1) * query.pageSize;
  const rows = await db.$queryRaw<RankedRow[]>`${rankedCte(query)}
    SELECT * FROM ranked ORDER BY "position" LIMIT ${query.pageSize} OFFSET ${offset}`;
  const peers = rows[0]?.peers ?? (offset > 0 ? await countPeers(query) : 0);
  return {
    query,
    peers,
    leftOut: query.include ? { ...leftOut, smallSample: 0, identityFailed: 0 } : leftOut,
    page,
    totalPages: Math.max(1, Math.ceil(peers / query.pageSize)),
    rows: rows.map(({ position: _p, peers: _n, ...row }) => row),
    highlighted,
  };
}

async function countPeers(q: RankingQuery): Promise<number> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ n: number }[]>`${rankedCte(q)} SELECT COUNT(*)::int AS "n" FROM ranked`;
  return rows[0]?.n ?? 0;
}
