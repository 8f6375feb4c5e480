/**
 * Comparison views (对比): every agency of a peer group with one figure in one year, and the figure
 * across years for up to ten chosen agencies. Reads the typed figure columns of the latest versions.
 */
import { getDb } from "@/lib/db/client";
import { figureChecksOk, figureSelect, figureValue, peerWhere, type PeerFilter, type PeerReportRow } from "@/lib/db/figure-sql";
import type { FigureKey } from "@/lib/figures/figures";

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
  bars: CompareBar[];
  page: number;
  totalPages: number;
  /** the table page in the requested order */
  rows: CompareRow[];
};

async function loadPeerRows(q: CompareQuery): Promise<CompareRow[]> {
  const db = await getDb();
  return db.$queryRaw<CompareRow[]>`
    SELECT CASE WHEN ${figureValue(q.figure)} IS NULL THEN NULL
                ELSE RANK() OVER (ORDER BY ${figureValue(q.figure)} DESC NULLS LAST)::int END AS "rank",
           r."agencyId", a."name" AS "agencyName", r."regionCode", r."level", r."kind", r."id" AS "reportId",
           ${figureChecksOk(q.figure)}, ${figureSelect(q.figure)}
    FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId"
    WHERE ${peerWhere(q)}
    ORDER BY ${figureValue(q.figure)} DESC NULLS LAST, a."name", r."agencyId"`;
}

const collator = new Intl.Collator("zh-CN-u-co-pinyin");

function sortRows(rows: CompareRow[], sort: CompareQuery["sort"], dir: CompareQuery["dir"]): CompareRow[] {
  if (sort === "value" && dir === "desc") return rows; // SQL order
  const sign = dir === "asc" ? 1 : -1;
  const copy = [...rows];
  if (sort === "name") return copy.sort((a, b) => sign * collator.compare(a.agencyName, b.agencyName));
  // ascending by value, 未填报 stays last
  return copy.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return a.value - b.value || collator.compare(a.agencyName, b.agencyName);
  });
}

/** Every agency of the peer group with the figure: chart bars (all that state it) and one sorted table page. */
export async function getComparison(query: CompareQuery): Promise<Comparison> {
  const all = await loadPeerRows(query);
  const bars = all.flatMap((r) => (r.value === null ? [] : [{ agencyId: r.agencyId, agencyName: r.agencyName, value: r.value }]));
  const sorted = sortRows(all, query.sort, query.dir);
  const totalPages = Math.max(1, Math.ceil(sorted.length / query.pageSize));
  const offset = (query.page - 1) * query.pageSize;
  return { query, total: all.length, bars, page: query.page, totalPages, rows: sorted.slice(offset, offset + query.pageSize) };
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
