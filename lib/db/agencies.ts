/**
 * Agency (报告主体) reads for the profile page: the body, its region, its years and its peer rank.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { FigureKey } from "@/lib/figures/figures";
import { listRanking } from "@/lib/db/rankings";
import type { ResolvedAgency } from "@/lib/regions/agency-identity";

/** The agency page's header data. */
export type AgencyProfile = Pick<ResolvedAgency, "id" | "name" | "regionCode" | "level" | "kind" | "provinceCode"> & { aliases: string[] };

/** The agency with this id, or null (unknown ids and non-numeric ids alike). */
export async function getAgency(id: number): Promise<AgencyProfile | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const db = await getDb();
  const row = await db.agency.findUnique({
    where: { id },
    select: { id: true, name: true, regionCode: true, level: true, kind: true, provinceCode: true, aliases: { select: { name: true } } },
  });
  if (!row) return null;
  const { aliases, ...rest } = row;
  return { ...rest, aliases: aliases.map((a) => a.name).filter((n) => n !== row.name) };
}

/** Figures the agency page shows a peer rank for: every rankable figure of the registry. */
export type RankedFigure = FigureKey;

/** 第 N / M 名 among peers, or why the agency is not ranked. */
export type PeerRank = { status: "ranked"; rank: number; total: number } | { status: "not-reported" | "small-sample" | "identity-failed" };

/** The peer group of an agency's report: same year, level, kind and province (latest versions only). */
export type PeerGroup = { year: number; level: string; kind: string; scope: string | undefined; reportScope: "own" | "summary" };

/**
 * The agency's place in the same league tables the ranking page shows (lib/db/rankings: stored snapshots, small samples
 * and failed identity checks left out), one per figure, so the "第 N / M 名" here and the highlighted row there always
 * agree. The report's peer group is read once for every figure, and no previous-year ranks are read (the page shows
 * none). Null for every figure when the agency has no report that year.
 */
export async function getPeerRanks({
  agencyId,
  year,
  figures,
}: {
  agencyId: number;
  year: number;
  figures: RankedFigure[];
}): Promise<({ group: PeerGroup; rank: PeerRank } | null)[]> {
  const db = await getDb();
  const own = await db.report.findFirst({
    where: { agencyId, year, isLatest: true },
    select: { level: true, kind: true, provinceCode: true, identitiesOk: true, scope: true },
  });
  if (!own) return figures.map(() => null);
  const reportScope = own.scope === "summary" ? "summary" : "own";
  const group: PeerGroup = { year, level: own.level, kind: own.kind, scope: own.provinceCode ?? undefined, reportScope };
  return Promise.all(figures.map(async (figure) => ({ group, rank: await rankIn(group, figure, agencyId) })));
}

async function rankIn(group: PeerGroup, figure: RankedFigure, agencyId: number): Promise<PeerRank> {
  const query = { ...group, figure, order: "desc" as const, page: 1, pageSize: 1, highlight: agencyId };
  const ranking = await listRanking({ ...query, include: false }, { previousYear: false });
  if (ranking.highlighted) return { status: "ranked", rank: ranking.highlighted.rank, total: ranking.peers };
  const full = await listRanking({ ...query, include: true }, { previousYear: false });
  if (!full.highlighted) return { status: "not-reported" };
  // the checks of THIS figure (a failed 表四 check does not remove 申请量)
  const row = full.rows.find((r) => r.agencyId === agencyId);
  return { status: row && !row.identitiesOk ? "identity-failed" : "small-sample" };
}
