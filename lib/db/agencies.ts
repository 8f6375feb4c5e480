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

type PeerRankOptions = { agencyId: number; year: number; figure: RankedFigure };

/**
 * The agency's place in the same league table the ranking page shows (lib/db/rankings: SQL window
 * functions over the typed figure columns, small samples and failed identity checks left out), so the
 * "第 N / M 名" here and the highlighted row there always agree. Null when the agency has no report that year.
 */
export async function getPeerRank({ agencyId, year, figure }: PeerRankOptions): Promise<{ group: PeerGroup; rank: PeerRank } | null> {
  const db = await getDb();
  const own = await db.report.findFirst({
    where: { agencyId, year, isLatest: true },
    select: { level: true, kind: true, provinceCode: true, identitiesOk: true, scope: true },
  });
  if (!own) return null;
  const reportScope = own.scope === "summary" ? "summary" : "own";
  const group: PeerGroup = { year, level: own.level, kind: own.kind, scope: own.provinceCode ?? undefined, reportScope };
  const ranking = await listRanking({ ...group, figure, include: false, order: "desc", page: 1, pageSize: 1, highlight: agencyId });
  if (ranking.highlighted) return { group, rank: { status: "ranked", rank: ranking.highlighted.rank, total: ranking.peers } };
  const full = await listRanking({ ...group, figure, include: true, order: "desc", page: 1, pageSize: 1, highlight: agencyId });
  if (!full.highlighted) return { group, rank: { status: "not-reported" } };
  // the checks of THIS figure (a failed 表四 check does not remove 申请量)
  const row = full.rows.find((r) => r.agencyId === agencyId);
  return { group, rank: { status: row && !row.identitiesOk ? "identity-failed" : "small-sample" } };
}
