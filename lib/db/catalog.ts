/**
 * Read-only catalogue queries behind the public API (/api/v1): agencies, their report versions and one report
 * in full (canonical JSON, provenance, findings). Figures come from the typed columns filled at ingest.
 */
import { getDb } from "@/lib/db/client";
import { listAgencyIdsContaining } from "@/lib/db/search";
import { AppError } from "@/lib/errors";
import { FIGURE_KEYS, getFigure, type FigureKey } from "@/lib/figures/figures";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResolvedAgency } from "@/lib/regions/agency-identity";
import { getRegionChain } from "@/lib/regions/gazetteer";

export type AgencyListQuery = { q?: string; level?: string; kind?: string; region?: string; year?: number; page: number; pageSize: number };

export type AgencySummary = Omit<ResolvedAgency, "countyCode"> & {
  /** region names from the province down (江苏省, 淮安市, 洪泽区): same-named bodies told apart */
  regionNames: string[];
  /** the same joined: 江苏省 › 淮安市 › 洪泽区 */
  regionPath: string | null;
};

/** A stored agency row with its region path names (from the gazetteer). */
function withRegionPath<T extends { regionCode: string | null }>(row: T): T & { regionNames: string[]; regionPath: string | null } {
  const regionNames = row.regionCode ? getRegionChain(row.regionCode).map((r) => r.name) : [];
  return { ...row, regionNames, regionPath: regionNames.length > 0 ? regionNames.join(" › ") : null };
}

const agencySelect = {
  id: true,
  name: true,
  regionCode: true,
  level: true,
  kind: true,
  provinceCode: true,
  prefectureCode: true,
} as const satisfies Prisma.AgencySelect;

function agencyWhere({ q, level, kind, region, year }: AgencyListQuery): Prisma.AgencyWhereInput {
  const where: Prisma.AgencyWhereInput = {};
  if (year !== undefined) where.reports = { some: { year } };
  if (q) where.OR = [{ name: { contains: q } }, { aliases: { some: { name: { contains: q } } } }];
  if (level) where.level = level;
  if (kind) where.kind = kind;
  if (region) where.AND = [{ OR: [{ regionCode: region }, { provinceCode: region }, { prefectureCode: region }, { countyCode: region }] }];
  return where;
}

/** Agencies matching a name fragment (also their aliases), level, kind and region, by name. */
export async function listAgencies(query: AgencyListQuery): Promise<{ total: number; items: AgencySummary[] }> {
  const db = await getDb();
  const where = agencyWhere(query);
  // a name fragment: only the agencies the search-token index allows (issue 13; the contains test still decides)
  const candidates = query.q ? await listAgencyIdsContaining(db, query.q) : null;
  if (candidates) where.id = { in: candidates };
  const [total, items] = await Promise.all([
    db.agency.count({ where }),
    db.agency.findMany({
      where,
      select: agencySelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { total, items: items.map(withRegionPath) };
}

/** A report version's summary with its figures (the typed columns). */
export type ReportSummary = {
  id: number;
  agencyId: number;
  year: number;
  version: number;
  isLatest: boolean;
  templateVersion: string;
  publishedOn: string | null;
  identitiesOk: boolean;
  errorCount: number;
  warningCount: number;
  ingestedAt: string;
  figures: Record<FigureKey, number | null>;
};

const reportSelect = {
  id: true,
  agencyId: true,
  year: true,
  version: true,
  isLatest: true,
  templateVersion: true,
  publishedOn: true,
  identitiesOk: true,
  errorCount: true,
  warningCount: true,
  ingestedAt: true,
  ...(Object.fromEntries(FIGURE_KEYS.map((k) => [getFigure(k).columns.value, true])) as Record<FigureKey, true>),
} as const satisfies Prisma.ReportSelect;

type ReportRow = Prisma.ReportGetPayload<{ select: typeof reportSelect }>;

function toReportSummary(row: ReportRow): ReportSummary {
  const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, row[getFigure(k).columns.value as FigureKey]])) as Record<
    FigureKey,
    number | null
  >;
  return {
    id: row.id,
    agencyId: row.agencyId,
    year: row.year,
    version: row.version,
    isLatest: row.isLatest,
    templateVersion: row.templateVersion,
    publishedOn: row.publishedOn,
    identitiesOk: row.identitiesOk,
    errorCount: row.errorCount,
    warningCount: row.warningCount,
    ingestedAt: row.ingestedAt.toISOString(),
    figures,
  };
}

/** One agency with its aliases and every report version (newest year first), or AppError("not-found"). */
export async function getAgencyOrThrow(
  id: number,
  year?: number,
): Promise<AgencySummary & { aliases: string[]; reports: ReportSummary[] }> {
  const db = await getDb();
  const agency = await db.agency.findUnique({
    where: { id },
    select: {
      ...agencySelect,
      aliases: { select: { name: true } },
      reports: { where: year === undefined ? {} : { year }, select: reportSelect, orderBy: [{ year: "desc" }, { version: "desc" }] },
    },
  });
  if (!agency) throw new AppError("not-found", `没有编号为 ${id} 的机关`);
  const { aliases, reports, ...rest } = agency;
  return { ...withRegionPath(rest), aliases: aliases.map((a) => a.name), reports: reports.map(toReportSummary) };
}

export type ReportListQuery = { agencyId?: number; year?: number; latestOnly: boolean; page: number; pageSize: number };

/** Report versions filtered by agency and year; latest versions only unless asked otherwise. */
export async function listReports(query: ReportListQuery): Promise<{ total: number; items: ReportSummary[] }> {
  const db = await getDb();
  const where: Prisma.ReportWhereInput = {};
  if (query.agencyId !== undefined) where.agencyId = query.agencyId;
  if (query.year !== undefined) where.year = query.year;
  if (query.latestOnly) where.isLatest = true;
  const [total, rows] = await Promise.all([
    db.report.count({ where }),
    db.report.findMany({
      where,
      select: reportSelect,
      orderBy: [{ year: "desc" }, { agencyId: "asc" }, { version: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { total, items: rows.map(toReportSummary) };
}

/** One report version in full: summary, agency, canonical document, provenance and findings; or AppError("not-found"). */
export async function getReportOrThrow(id: number): Promise<
  ReportSummary & {
    agency: { id: number; name: string };
    source: { mediaType: string; sourceKind: string; sourceUrl: string | null; fileName: string | null; sha256: string };
    document: unknown;
    provenance: unknown;
    findings: unknown;
  }
> {
  const db = await getDb();
  const row = await db.report.findUnique({
    where: { id },
    select: {
      ...reportSelect,
      document: true,
      provenance: true,
      findings: true,
      mediaType: true,
      sourceKind: true,
      sourceUrl: true,
      fileName: true,
      sha256: true,
      agency: { select: { id: true, name: true } },
    },
  });
  if (!row) throw new AppError("not-found", `没有编号为 ${id} 的报告`);
  const { document, provenance, findings, mediaType, sourceKind, sourceUrl, fileName, sha256, agency } = row;
  return {
    ...toReportSummary(row),
    agency,
    source: { mediaType, sourceKind, sourceUrl, fileName, sha256 },
    document,
    provenance,
    findings,
  };
}
