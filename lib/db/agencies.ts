/**
 * Agency (报告主体) reads for the profile page: the body, its region, its years and its peer rank.
 */
import "server-only";
import { getDb } from "@/lib/db/client";

/** The agency page's header data. */
export type AgencyProfile = {
  id: number;
  name: string;
  regionCode: string | null;
  /** 省 | 市 | 县 | 乡 */
  level: string;
  /** 人民政府 | 行政公署 | 办公厅 | 办公室 | 部门 | 街道 | 其他 */
  kind: string;
  provinceCode: string | null;
  aliases: string[];
};

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

/** Figures a peer rank can be computed for, with the order that counts as "first". */
export const RANKED_FIGURES = {
  /** 申请量: most first */
  requestsReceived: { column: "requestsReceived", descending: true, isRate: false },
  /** 公开率: highest first; small samples left out */
  disclosureRate: { column: "disclosureRate", descending: true, isRate: true },
} as const;
export type RankedFigure = keyof typeof RANKED_FIGURES;

/** 第 N / M 名 among peers; null when the agency's own value is missing or left out. */
export type PeerRank = { rank: number; total: number; excludedAsSmall: boolean } | null;

type PeerRankOptions = {
  agencyId: number;
  year: number;
  figure: RankedFigure;
  /** minimum handled requests for a rate to be ranked (small-sample rule) */
  minHandled: number;
};

/**
 * The agency's rank among its peers (same level, same kind, same province; latest versions only),
 * computed in SQL over the typed figure columns: rank = 1 + number of peers with a strictly better value.
 */
export async function getPeerRank({ agencyId, year, figure, minHandled }: PeerRankOptions): Promise<PeerRank> {
  const db = await getDb();
  const own = await db.report.findFirst({
    where: { agencyId, year, isLatest: true },
    select: { level: true, kind: true, provinceCode: true, requestsHandled: true, requestsReceived: true, disclosureRate: true },
  });
  const spec = RANKED_FIGURES[figure];
  const value = own?.[spec.column];
  if (!own || value === null || value === undefined) return null;
  const isSmall = spec.isRate && (own.requestsHandled ?? 0) < minHandled;
  if (isSmall) return { rank: 0, total: 0, excludedAsSmall: true };
  const peers = {
    year,
    isLatest: true,
    level: own.level,
    kind: own.kind,
    provinceCode: own.provinceCode,
    [spec.column]: { not: null },
    ...(spec.isRate ? { requestsHandled: { gte: minHandled } } : {}),
  };
  const better = { [spec.column]: spec.descending ? { gt: value } : { lt: value } };
  const [total, ahead] = await Promise.all([
    db.report.count({ where: peers }),
    db.report.count({ where: { ...peers, ...better } }),
  ]);
  return { rank: ahead + 1, total, excludedAsSmall: false };
}
