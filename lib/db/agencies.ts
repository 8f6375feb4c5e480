/**
 * Agency (报告主体) reads for the profile page: the body, its region, its years and its peer rank.
 */
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { readAgencyPlaces } from "@/lib/db/ranking-store";
import { FIGURE_ROW_COLUMNS, type ReportFigureRow } from "@/lib/db/reports";
import { Prisma } from "@/lib/generated/prisma/client";
import { rankingGroup } from "@/lib/db/rankings";
import { reportViewSql, toReportView, type ReportView, type ReportViewRow } from "@/lib/db/report-view";
import { figureChecksPass } from "@/lib/figures/figure-checks";
import { FIGURE_KEYS, getFigure, type FigureColumns, type FigureKey } from "@/lib/figures/figures";
import type { ResolvedAgency } from "@/lib/regions/agency-identity";

/** The agency page's header data. */
export type AgencyProfile = Pick<ResolvedAgency, "id" | "name" | "regionCode" | "level" | "kind" | "provinceCode"> & { aliases: string[] };

type AgencyRow = Omit<AgencyProfile, "aliases"> & { aliases: string[] };

/**
 * The agency with this id, or null (unknown ids and non-numeric ids alike). One statement (the body and its other
 * names), read once per request: the page's metadata and the page itself share it (React cache).
 */
export const getAgency = cache(async (id: number): Promise<AgencyProfile | null> => {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const db = await getDb();
  const [row] = await db.$queryRaw<AgencyRow[]>`
    SELECT a."id", a."name", a."regionCode", a."level", a."kind", a."provinceCode",
           array(SELECT al."name" FROM "AgencyAlias" al WHERE al."agencyId" = a."id" AND al."name" <> a."name" ORDER BY al."id") AS "aliases"
    FROM "Agency" a WHERE a."id" = ${id}::int`;
  return row ?? null;
});

const YEAR_ROW_COLUMNS = Prisma.raw(FIGURE_ROW_COLUMNS.map((c) => `r."${c}"`).join(", "));

/** SQL: the agency `a` with its other names and the latest version of every year it has published (oldest first). */
const AGENCY_WITH_YEARS = Prisma.sql`
  a."id", a."name", a."regionCode", a."level", a."kind", a."provinceCode",
  array(SELECT al."name" FROM "AgencyAlias" al WHERE al."agencyId" = a."id" AND al."name" <> a."name" ORDER BY al."id") AS "aliases",
  coalesce((SELECT json_agg(y ORDER BY y."year") FROM (
    SELECT ${YEAR_ROW_COLUMNS} FROM "Report" r WHERE r."agencyId" = a."id" AND r."isLatest"
  ) y), '[]'::json) AS "years"`;

/**
 * The agency with this id and the latest version of every year it has published (listAgencyYears' rows, oldest year
 * first), or null. One statement.
 */
export const getAgencyWithYears = cache(async (id: number): Promise<{ agency: AgencyProfile; years: ReportFigureRow[] } | null> => {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const db = await getDb();
  const [row] = await db.$queryRaw<(AgencyRow & { years: ReportFigureRow[] })[]>`
    SELECT ${AGENCY_WITH_YEARS} FROM "Agency" a WHERE a."id" = ${id}::int`;
  if (!row) return null;
  const { years, ...agency } = row;
  return { agency, years };
});

/**
 * What the agency page reads first, in ONE statement: getAgencyWithYears, and the report the page shows (getReportView
 * of `year`, default the last year published; of `version`, default the latest), null when there is none. Read once per
 * request: the page's metadata and the page itself share it (React cache; call both with the same arguments).
 */
export const getAgencyPage = cache(
  async (
    id: number,
    year: number | undefined,
    version: number | undefined,
    paths: readonly string[],
  ): Promise<{ agency: AgencyProfile; years: ReportFigureRow[]; report: ReportView | null } | null> => {
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const db = await getDb();
    const shownYear =
      year !== undefined
        ? Prisma.sql`${year}::int`
        : Prisma.sql`(SELECT max(l."year") FROM "Report" l WHERE l."agencyId" = a."id" AND l."isLatest")`;
    const [row] = await db.$queryRaw<(AgencyRow & { years: ReportFigureRow[]; report: ReportViewRow | null })[]>`
      SELECT ${AGENCY_WITH_YEARS},
             (SELECT to_json(v) FROM (${reportViewSql(Prisma.sql`a."id"`, shownYear, version, paths)}) v) AS "report"
      FROM "Agency" a WHERE a."id" = ${id}::int`;
    if (!row) return null;
    const { years, report, ...agency } = row;
    return { agency, years, report: report ? toReportView(report) : null };
  },
);

/** The value column of every rankable figure, for a Prisma select. */
const FIGURE_VALUE_SELECT = Object.fromEntries(FIGURE_KEYS.map((f) => [getFigure(f).columns.value, true])) as Record<string, true>;

/** What the peer ranks need of the agency's latest report of the year: its peer group, failed checks and figure values. */
export type PeerRankSource = {
  level: string;
  kind: string;
  provinceCode: string | null;
  scope: string;
  failedChecks: string[];
} & Partial<FigureColumns>;

/** Figures the agency page shows a peer rank for: every rankable figure of the registry. */
export type RankedFigure = FigureKey;

/** 第 N / M 名 among peers, or why the agency is not ranked. */
export type PeerRank = { status: "ranked"; rank: number; total: number } | { status: "not-reported" | "small-sample" | "identity-failed" };

/** The peer group of an agency's report: same year, level, kind and province (latest versions only). */
export type PeerGroup = { year: number; level: string; kind: string; scope: string | undefined; reportScope: "own" | "summary" };

/**
 * The agency's place in the same league tables the ranking page shows (lib/db/rankings: stored snapshots, small samples
 * and failed identity checks left out), one per figure, so the "第 N / M 名" here and the highlighted row there always
 * agree. Two statements when the snapshots are fresh, whatever the number of figures or the size of the peer group: the
 * agency's latest report that year (its peer group, the figures' values and failed checks), then its entry in every
 * figure's stored table at once (ranking-store readAgencyPlaces). A report the table leaves out is explained from its
 * own row: no value → 未填报, a failed check of THIS figure → 勾稽关系不符 (a failed 表四 check does not remove 申请量),
 * otherwise a small sample. Null for every figure when the agency has no report that year.
 */
export async function getPeerRanks({
  agencyId,
  year,
  figures,
  own: given,
}: {
  agencyId: number;
  year: number;
  figures: RankedFigure[];
  /** the agency's latest report of the year when the caller has read it already (listAgencyYears); null: none */
  own?: PeerRankSource | null;
}): Promise<({ group: PeerGroup; rank: PeerRank } | null)[]> {
  const db = await getDb();
  const own =
    given !== undefined
      ? given
      : await db.report.findFirst({
          where: { agencyId, year, isLatest: true },
          select: { level: true, kind: true, provinceCode: true, scope: true, failedChecks: true, ...FIGURE_VALUE_SELECT },
        });
  if (!own) return figures.map(() => null);
  const reportScope = own.scope === "summary" ? "summary" : "own";
  const group: PeerGroup = { year, level: own.level, kind: own.kind, scope: own.provinceCode ?? undefined, reportScope };
  const defs = figures.map((figure) => rankingGroup({ ...group, figure, order: "desc", include: false }));
  const places = await readAgencyPlaces(db, defs, agencyId);
  // a report of another 口径 than own/summary is in no group the page links to
  const inGroup = own.scope === "summary" || own.scope === "own";
  return figures.map((figure, i) => {
    const place = places[i]!;
    const value = (own as Partial<Record<string, unknown>>)[getFigure(figure).columns.value];
    let rank: PeerRank;
    if (place.rank !== null) rank = { status: "ranked", rank: place.rank, total: place.peers };
    else if (value === null || value === undefined || !inGroup) rank = { status: "not-reported" };
    else rank = { status: figureChecksPass(figure, own.failedChecks) ? "small-sample" : "identity-failed" };
    return { group, rank };
  });
}
