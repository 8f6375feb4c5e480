/**
 * Report (年度报告) reads: one agency's years and versions, one full version, the latest reports overall,
 * and the coverage counts of the store.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { FIGURE_COLUMNS, readFigures, type FigureColumnName, type FigureColumns, type Figures } from "@/lib/figures/figures";
import type { CanonicalReport, Finding, Provenance, SourceKind } from "@/lib/report/types";

/**
 * The typed figure columns of one report row (lib/figures, stored at ingest), with its peer-group keys and failed
 * checks, so the agency page reads its 同级排名 from the stored tables without reading the report again.
 */
export type ReportFigureRow = FigureColumns & {
  id: number;
  year: number;
  version: number;
  requestsReceived: number | null;
  requestsHandled: number | null;
  carriedOver: number | null;
  carriedForward: number | null;
  notHeld: number | null;
  disclosed: number | null;
  notHeldRate: number | null;
  disclosureRate: number | null;
  identitiesOk: boolean;
  errorCount: number;
  warningCount: number;
  publishedOn: string | null;
  level: string;
  kind: string;
  provinceCode: string | null;
  /** 报告口径: "summary" | "own" */
  scope: string;
  failedChecks: string[];
};

/** Every stored figure column, for a Prisma select. */
const FIGURE_COLUMN_SELECT = Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.name, true])) as Record<FigureColumnName, true>;

/** The columns of ReportFigureRow, for a Prisma select. */
const FIGURE_ROW_SELECT = {
  ...FIGURE_COLUMN_SELECT,
  id: true,
  year: true,
  version: true,
  requestsReceived: true,
  requestsHandled: true,
  carriedOver: true,
  carriedForward: true,
  notHeld: true,
  disclosed: true,
  notHeldRate: true,
  disclosureRate: true,
  identitiesOk: true,
  errorCount: true,
  warningCount: true,
  publishedOn: true,
  level: true,
  kind: true,
  provinceCode: true,
  scope: true,
  failedChecks: true,
} as const;

/** The columns of ReportFigureRow (FIGURE_ROW_SELECT), for raw SQL that reads the same rows (getAgencyWithYears). */
export const FIGURE_ROW_COLUMNS: readonly (keyof typeof FIGURE_ROW_SELECT)[] = Object.keys(
  FIGURE_ROW_SELECT,
) as (keyof typeof FIGURE_ROW_SELECT)[];

/** The latest version of every year an agency has published, oldest year first. */
export async function listAgencyYears(agencyId: number): Promise<ReportFigureRow[]> {
  const db = await getDb();
  return db.report.findMany({ where: { agencyId, isLatest: true }, orderBy: { year: "asc" }, select: FIGURE_ROW_SELECT });
}

/** One stored version, everything a page or a download needs. */
export type ReportDetail = {
  id: number;
  agencyId: number;
  year: number;
  version: number;
  isLatest: boolean;
  templateVersion: string;
  publishedOn: string | null;
  sha256: string;
  mediaType: string;
  sourceKind: SourceKind;
  sourceUrl: string | null;
  fileName: string | null;
  ingestedAt: Date;
  document: CanonicalReport;
  provenance: Provenance;
  findings: Finding[];
  sourceText: string;
  identitiesOk: boolean;
  /** 报告口径: "summary" | "own" */
  scope: string;
  /** the derived figures as stored at ingest (lib/figures) */
  figures: Figures;
};

type GetReportOptions = { agencyId: number; year: number; version?: number };

/** The given version (default: the latest) of an agency's report for a year, or null. */
export async function getReport({ agencyId, year, version }: GetReportOptions): Promise<ReportDetail | null> {
  const db = await getDb();
  const row = await db.report.findFirst({
    where: version ? { agencyId, year, version } : { agencyId, year, isLatest: true },
    select: {
      id: true,
      agencyId: true,
      year: true,
      version: true,
      isLatest: true,
      templateVersion: true,
      publishedOn: true,
      sha256: true,
      mediaType: true,
      sourceKind: true,
      sourceUrl: true,
      fileName: true,
      ingestedAt: true,
      document: true,
      provenance: true,
      findings: true,
      sourceText: true,
      identitiesOk: true,
      scope: true,
      ...FIGURE_COLUMN_SELECT,
    },
  });
  if (!row) return null;
  return {
    ...row,
    figures: readFigures(row),
    sourceKind: row.sourceKind as SourceKind,
    document: row.document as unknown as CanonicalReport,
    provenance: (row.provenance ?? {}) as unknown as Provenance,
    findings: (Array.isArray(row.findings) ? row.findings : []) as unknown as Finding[],
  };
}

/** One line of the version history (版本记录). */
export type ReportVersionSummary = {
  version: number;
  isLatest: boolean;
  ingestedAt: Date;
  sha256: string;
  fileName: string | null;
  sourceKind: string;
  errorCount: number;
  warningCount: number;
  /** the version's figures as stored at ingest, so the history can say what changed (lib/view/to-version-changes) */
  figures: Figures;
};

/** Every stored version of an agency's report for a year, newest first. */
export async function listReportVersions(agencyId: number, year: number): Promise<ReportVersionSummary[]> {
  const db = await getDb();
  const rows = await db.report.findMany({
    where: { agencyId, year },
    orderBy: { version: "desc" },
    select: {
      version: true,
      isLatest: true,
      ingestedAt: true,
      sha256: true,
      fileName: true,
      sourceKind: true,
      errorCount: true,
      warningCount: true,
      ...FIGURE_COLUMN_SELECT,
    },
  });
  return rows.map((row) => ({
    version: row.version,
    isLatest: row.isLatest,
    ingestedAt: row.ingestedAt,
    sha256: row.sha256,
    fileName: row.fileName,
    sourceKind: row.sourceKind,
    errorCount: row.errorCount,
    warningCount: row.warningCount,
    figures: readFigures(row),
  }));
}

/** A recently ingested report for the home page. */
export type LatestReport = { agencyId: number; agencyName: string; year: number; ingestedAt: Date; requestsReceived: number | null };

/** The most recently ingested latest-version reports. */
export async function listLatestReports(limit = 8): Promise<LatestReport[]> {
  const db = await getDb();
  const rows = await db.report.findMany({
    where: { isLatest: true },
    orderBy: [{ ingestedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { agencyId: true, year: true, ingestedAt: true, requestsReceived: true, agency: { select: { name: true } } },
  });
  return rows.map(({ agency, ...r }) => ({ ...r, agencyName: agency.name }));
}

/** What the store holds (收录情况). */
export type Coverage = { agencies: number; regions: number; years: number[]; reports: number };

/**
 * Counts of agencies, regions with at least one agency, years and latest-version reports: one statement that grows with
 * the agencies, not the reports. The counts come from each agency's 收录概况 columns (kept by triggers on "Report":
 * reportYears = its latest reports, one per year); the years by a loose index scan (one index probe per year).
 */
export async function getCoverage(): Promise<Coverage> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ agencies: bigint | number; reports: bigint | number; regions: bigint | number; years: number[] }[]>`
    SELECT count(*) FILTER (WHERE a."reportYears" > 0) AS "agencies",
           coalesce(sum(a."reportYears"), 0) AS "reports",
           count(DISTINCT a."regionCode") FILTER (WHERE a."reportYears" > 0) AS "regions",
           (WITH RECURSIVE y AS (
              SELECT min(r."year") AS "year" FROM "Report" r WHERE r."isLatest"
              UNION ALL
              SELECT (SELECT min(r."year") FROM "Report" r WHERE r."isLatest" AND r."year" > y."year") FROM y WHERE y."year" IS NOT NULL)
            SELECT coalesce(array_agg(y."year" ORDER BY y."year") FILTER (WHERE y."year" IS NOT NULL), '{}') FROM y) AS "years"
    FROM "Agency" a`;
  return {
    agencies: Number(row?.agencies ?? 0),
    reports: Number(row?.reports ?? 0),
    regions: Number(row?.regions ?? 0),
    years: (row?.years ?? []).map(Number),
  };
}

/** The original file of one stored version (原件): its bytes as received, media type and file name. */
export type ReportOriginal = { bytes: Uint8Array; mediaType: string; sourceKind: string; fileName: string | null; sha256: string };

/** The original bytes of the given version (default: the latest) of an agency's report for a year, or null. */
export async function getReportOriginal({ agencyId, year, version }: GetReportOptions): Promise<ReportOriginal | null> {
  const db = await getDb();
  const row = await db.report.findFirst({
    where: version ? { agencyId, year, version } : { agencyId, year, isLatest: true },
    select: { sourceBytes: true, mediaType: true, sourceKind: true, fileName: true, sha256: true },
  });
  if (!row || !row.sourceBytes) return null;
  return { ...row, bytes: row.sourceBytes };
}
