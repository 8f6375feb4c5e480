/**
 * League tables (排名): one figure, one year, one peer group, ranked in SQL with window functions over the latest
 * report versions and their typed figure columns, ONCE per group and data version (lib/db/ranking-store); a page then
 * reads only its rows from the stored ordering.
 *
 * - rank: competition ranking (ties share a rank, the next rank skips: 1, 2, 2, 4)
 * - percentile: PERCENT_RANK × 100 in the ranking's own order, reversed so the first place is 100
 *   and the last 0 (the share of other peers this one is ahead of)
 * - peers: how many reports are ranked
 * Small samples (rate over fewer than 10 cases) and reports whose identities fail (勾稽关系不符) are left out
 * unless `include` is set; reports that do not state the figure (未填报) are never ranked, only counted.
 */
import { getDb } from "@/lib/db/client";
import {
  ensureSnapshot,
  groupParams,
  readSnapshotPage,
  snapshotHeaderSql,
  type GroupDefinition,
  type HeaderRow,
  type SnapshotRef,
} from "@/lib/db/ranking-store";
import { figureChecksOk, figureSelect, peerMembers, peerWhere, type PeerFilter, type PeerReportRow } from "@/lib/db/figure-sql";
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
  /** rank in the same peer group the year before (same level, kind, region, 口径 and exclusions); null: not ranked then */
  previousRank: number | null;
  rank: number;
  /** 0–100, see the module comment */
  percentile: number;
  value: number;
};

/** Reports in the peer group that are not in the table, by reason. */
export type RankingLeftOut = {
  notReported: number;
  smallSample: number;
  identityFailed: number;
  /** a rate over zero cases (0/0): —（无办结）, neither 未填报 nor 样本较小 */
  noneHandled: number;
};

export type Ranking = {
  query: RankingQuery;
  /** number of ranked peers */
  peers: number;
  leftOut: RankingLeftOut;
  page: number;
  totalPages: number;
  /** median of the ranked values (null when nothing is ranked) */
  median: number | null;
  /** min, quartiles and max of the ranked values, for the distribution plot (null when nothing is ranked) */
  distribution: { min: number; q1: number; median: number; q3: number; max: number } | null;
  /** how many peers were ranked the year before (null when that year has no snapshot rows) */
  previousPeers: number | null;
  rows: RankingRow[];
  /** the highlighted agency's place, or null when it is not ranked in this view */
  highlighted: { agencyId: number; rank: number; position: number } | null;
};

type PageRow = HeaderRow &
  RankingRow & {
    position: number | null;
    hlRank: number | null;
    hlPosition: number | null;
    /** the previous year's snapshot (null: none fresh, or not asked for) and its ranked count */
    prevId: number | null;
    prevPeers: number | null;
  };

/**
 * The group definition of a league table (lib/db/ranking-store): every latest report of the peer group with the
 * figure's value; ranked when it states the figure and (unless `include`) passes its identity checks and is not a
 * small sample. Order, exclusion and peer group are all in this SQL, so they are part of the snapshot key.
 */
export function rankingGroup(q: Omit<RankingQuery, "page" | "pageSize" | "highlight">): GroupDefinition {
  const eligible = q.include ? Prisma.sql`true` : Prisma.sql`b."identitiesOk" AND NOT b."isSmallSample"`;
  return {
    view: "ranking",
    year: q.year,
    order: q.order,
    keepAll: false,
    members: peerMembers(q),
    params: groupParams({
      figure: q.figure,
      year: q.year,
      include: q.include,
      order: q.order,
      level: q.level,
      kind: q.kind,
      scope: q.scope,
      reportScope: q.reportScope,
    }),
    rows: Prisma.sql`
      SELECT b."reportId", b."agencyId", a."name" AS "agencyName", b."value",
             (b."value" IS NOT NULL AND ${eligible}) AS "ranked",
             (b."value" IS NULL AND b."denominator" IS DISTINCT FROM 0) AS "notReported",
             (b."value" IS NOT NULL AND b."isSmallSample") AS "smallSample",
             (b."value" IS NOT NULL AND NOT b."identitiesOk") AS "identityFailed",
             (b."value" IS NULL AND b."denominator" = 0) AS "noneHandled"
      FROM (SELECT r."id" AS "reportId", r."agencyId", ${figureChecksOk(q.figure)}, ${figureSelect(q.figure)}
            FROM "Report" r WHERE ${peerWhere(q)}) b
      JOIN "Agency" a ON a."id" = b."agencyId"`,
  };
}

/** The same peer group the year before (its own stored snapshot): the 较上年 ranks. */
export function previousRankingGroup(q: Omit<RankingQuery, "page" | "pageSize" | "highlight">): GroupDefinition {
  return rankingGroup({ ...q, year: q.year - 1 });
}

/**
 * ONE statement for a page of a stored league table: the snapshot's header (found by the group's key and the year's
 * data version, or by id), the highlighted agency's place (an index probe on (snapshotId, agencyId)), the page's rows by
 * (snapshotId, position) joined to their reports and agencies, and each row's rank in the previous year's snapshot
 * (one probe per row on (snapshotId, agencyId)). Reads pageSize rows, whatever the size of the peer group. Always
 * returns at least one row (the header), with NULL row fields when the page is empty and a NULL "id" when the snapshot
 * is missing or stale (the caller builds it and reads again by id).
 */
export function rankingReadSql(q: RankingQuery, current: SnapshotRef, previous: SnapshotRef | null): Prisma.Sql {
  const usesHighlight = q.highlight !== undefined && q.page === 1;
  return Prisma.sql`
    WITH cur AS MATERIALIZED (${snapshotHeaderSql(current)}),
    prev AS MATERIALIZED (${previous ? snapshotHeaderSql(previous) : Prisma.sql`SELECT NULL::int AS "id", NULL::int AS "peers"`}),
    hl AS (
      SELECT e."rank" AS "hlRank", e."position" AS "hlPosition" FROM cur JOIN "RankingEntry" e
        ON e."snapshotId" = cur."id" AND e."agencyId" = ${q.highlight ?? null}::int
      LIMIT 1
    ), window_start AS (
      SELECT CASE WHEN ${usesHighlight}::boolean AND hl."hlPosition" IS NOT NULL
                  THEN ((hl."hlPosition" - 1) / ${q.pageSize}::int) * ${q.pageSize}::int
                  ELSE ${(q.page - 1) * q.pageSize}::int END AS "offset"
      FROM (SELECT 1) one LEFT JOIN hl ON true
    )
    SELECT cur."id", cur."peers", cur."total", cur."notReported", cur."smallSample", cur."identityFailed", cur."noneHandled",
           cur."median", cur."quartiles", prev."id" AS "prevId", prev."peers" AS "prevPeers",
           hl."hlRank", hl."hlPosition", e."position", e."rank", e."percentile", e."value",
           r."id" AS "reportId", r."agencyId", a."name" AS "agencyName", r."regionCode", r."level", r."kind", f."identitiesOk",
           f."numerator", f."denominator", f."isSmallSample", pe."rank" AS "previousRank"
    FROM (SELECT 1) one LEFT JOIN cur ON true LEFT JOIN prev ON true LEFT JOIN hl ON true CROSS JOIN window_start w
    LEFT JOIN "RankingEntry" e ON e."snapshotId" = cur."id"
      AND e."position" > w."offset" AND e."position" <= w."offset" + ${q.pageSize}::int
    LEFT JOIN "Report" r ON r."id" = e."reportId"
    LEFT JOIN "Agency" a ON a."id" = e."agencyId"
    LEFT JOIN LATERAL (SELECT ${figureChecksOk(q.figure)}, ${figureSelect(q.figure)} FROM "Report" r WHERE r."id" = e."reportId") f ON true
    LEFT JOIN LATERAL (
      SELECT p."rank" FROM "RankingEntry" p
      WHERE p."snapshotId" = prev."id" AND p."agencyId" = e."agencyId" AND p."rank" IS NOT NULL
      ORDER BY p."position" LIMIT 1
    ) pe ON true
    ORDER BY e."position"`;
}

/**
 * The league table for a figure, year and peer group; with `highlight` (and page 1) the page holding that agency.
 * `previousYear: false` skips the 较上年 ranks (and the previous year's snapshot) for callers that show none.
 * One statement when both snapshots are fresh (the usual case); after an ingest changed the year, the missing snapshot
 * is built (ranking-store) and the page read again by snapshot id.
 */
export async function listRanking(query: RankingQuery, { previousYear = true }: { previousYear?: boolean } = {}): Promise<Ranking> {
  const db = await getDb();
  const current = rankingGroup(query);
  const previous = previousYear ? previousRankingGroup(query) : null;
  const read = (cur: SnapshotRef, prev: SnapshotRef | null): Promise<PageRow[]> =>
    db.$queryRaw<PageRow[]>(rankingReadSql(query, cur, prev));
  const previousRef = previous && { group: previous };
  const found = await readSnapshotPage(db, current, (cur) => read(cur, previousRef));
  const snapshot = found.snapshot;
  let result = found.rows;
  // the previous year's snapshot matters only when the page has rows (their 较上年 ranks)
  if (previous && result[0]?.prevId == null && result.some((r) => r.position !== null)) {
    const built = await ensureSnapshot(db, previous);
    result = await read({ id: snapshot.id }, { id: built.id });
  }
  const first = result[0];
  const peers = snapshot.peers;
  const highlighted =
    query.highlight !== undefined && first?.hlRank != null && first.hlPosition != null
      ? { agencyId: query.highlight, rank: first.hlRank, position: first.hlPosition }
      : null;
  const page = highlighted && query.page === 1 ? Math.ceil(highlighted.position / query.pageSize) : query.page;
  const leftOut = {
    notReported: snapshot.notReported,
    smallSample: snapshot.smallSample,
    identityFailed: snapshot.identityFailed,
    noneHandled: snapshot.noneHandled,
  };
  const pageRows = result.filter((r) => r.position !== null);
  // 较上年: none when the page is empty or nothing was ranked the year before
  const previousPeers = pageRows.length > 0 && first?.prevId != null && first.prevPeers ? first.prevPeers : null;
  const q = snapshot.quartiles;
  const distribution = q ? { min: q[0], q1: q[1], median: q[2], q3: q[3], max: q[4] } : null;
  const rows = pageRows.map((r) => toRankingRow(r, previousPeers === null ? null : r.previousRank));
  return {
    query,
    peers,
    leftOut: query.include ? { ...leftOut, smallSample: 0, identityFailed: 0 } : leftOut,
    median: snapshot.median,
    distribution,
    previousPeers,
    page,
    totalPages: Math.max(1, Math.ceil(peers / query.pageSize)),
    rows,
    highlighted,
  };
}

function toRankingRow(r: PageRow, previousRank: number | null): RankingRow {
  return {
    previousRank,
    rank: r.rank,
    percentile: r.percentile,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    regionCode: r.regionCode,
    level: r.level,
    kind: r.kind,
    reportId: r.reportId,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    isSmallSample: r.isSmallSample,
    identitiesOk: r.identitiesOk,
  };
}
