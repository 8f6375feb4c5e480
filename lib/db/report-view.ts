/**
 * The agency page's read of one report version and its year's version history: what the page shows, in one statement, without what it does not.
 * getReport (lib/db/reports) returns the whole version for the downloads and the source view; the page needs neither
 * the source text (only its line count, for the space the on-demand source view keeps) nor most of the provenance
 * (a few dozen of its hundreds of cells), and parsing both was most of the page's database time.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { ReportDetail, ReportVersionSummary } from "@/lib/db/reports";
import { Prisma } from "@/lib/generated/prisma/client";
import { FIGURE_COLUMNS, readFigures, type FigureColumns } from "@/lib/figures/figures";
import type { CanonicalReport, Finding, Provenance, SourceKind } from "@/lib/report/types";

/** One version as the agency page shows it. */
export type ReportView = Omit<ReportDetail, "sourceText" | "provenance"> & {
  /**
   * The provenance cells the page reads: the given paths (the figure cards' sources), every inferred cell and every
   * missing one (the quality panel lists the first and counts the second). Other cells are left out.
   */
  provenance: Provenance;
  /** how many lines the source text has, counted as lib/view/to-source-marks toSourceLines splits it (CRLF, CR, LF) */
  sourceLineCount: number;
  /** every stored version of the year, newest first (listReportVersions' rows) */
  versions: ReportVersionSummary[];
};

type ReportViewOptions = { agencyId: number; year: number; version?: number; paths: readonly string[] };

/** A version as the statement returns it: ingestedAt in epoch milliseconds (JSON has no dates), its figure columns. */
type VersionRow = Omit<ReportVersionSummary, "ingestedAt" | "figures"> & FigureColumns & { ingestedAt: number };

/** A row of reportViewSql: ingestedAt in epoch milliseconds, JSON columns as read. */
export type ReportViewRow = Omit<
  ReportView,
  "figures" | "document" | "provenance" | "findings" | "sourceKind" | "versions" | "ingestedAt"
> &
  FigureColumns & {
    ingestedAt: number;
    sourceKind: string;
    document: unknown;
    provenance: unknown;
    findings: unknown;
    versions: VersionRow[];
  };

const figureColumnList = (alias: string) => Prisma.raw(FIGURE_COLUMNS.map((c) => `${alias}."${c.name}"`).join(", "));

function toVersionSummary(row: VersionRow): ReportVersionSummary {
  const { version, isLatest, ingestedAt, sha256, fileName, sourceKind, errorCount, warningCount } = row;
  return {
    version,
    isLatest,
    ingestedAt: new Date(ingestedAt),
    sha256,
    fileName,
    sourceKind,
    errorCount,
    warningCount,
    figures: readFigures(row),
  };
}

/**
 * SQL: the row of getReportView for the version `which` (a condition over `"Report" r`) of the agency's report of
 * `year` (SQL expressions, so a caller can embed it), ingestedAt in epoch milliseconds.
 */
export function reportViewSql(agencyId: Prisma.Sql, year: Prisma.Sql, version: number | undefined, paths: readonly string[]): Prisma.Sql {
  const which = version ? Prisma.sql`r."version" = ${version}::int` : Prisma.sql`r."isLatest"`;
  // line breaks: CRLF, lone CR and LF each end a line; n breaks make n + 1 lines (an empty text is one empty line)
  return Prisma.sql`
    SELECT r."id", r."agencyId", r."year", r."version", r."isLatest", r."templateVersion", r."publishedOn", r."sha256",
           r."mediaType", r."sourceKind", r."sourceUrl", r."fileName",
           (extract(epoch FROM r."ingestedAt") * 1000)::float8 AS "ingestedAt", r."document", r."findings",
           r."identitiesOk", r."scope", ${figureColumnList("r")},
           (SELECT coalesce(jsonb_object_agg(p."key", p."value"), '{}'::jsonb) FROM jsonb_each(r."provenance") p
            WHERE p."key" = ANY(${[...paths]}::text[]) OR p."value"->>'status' IN ('inferred', 'missing')) AS "provenance",
           (SELECT 1 + length(t) - length(translate(t, E'\\r\\n', '')) FROM replace(r."sourceText", E'\\r\\n', E'\\n') AS t)::int
             AS "sourceLineCount",
           coalesce((SELECT json_agg(v ORDER BY v."version" DESC) FROM (
             SELECT o."version", o."isLatest", (extract(epoch FROM o."ingestedAt") * 1000)::float8 AS "ingestedAt", o."sha256",
                    o."fileName", o."sourceKind", o."errorCount", o."warningCount", ${figureColumnList("o")}
             FROM "Report" o WHERE o."agencyId" = r."agencyId" AND o."year" = r."year"
           ) v), '[]'::json) AS "versions"
    FROM "Report" r
    WHERE r."agencyId" = ${agencyId} AND r."year" = ${year} AND ${which}
    LIMIT 1`;
}

/** A row of reportViewSql as the page shows it. */
export function toReportView(row: ReportViewRow): ReportView {
  return {
    ...row,
    ingestedAt: new Date(row.ingestedAt),
    figures: readFigures(row),
    sourceKind: row.sourceKind as SourceKind,
    document: row.document as CanonicalReport,
    provenance: (row.provenance ?? {}) as Provenance,
    findings: (Array.isArray(row.findings) ? row.findings : []) as Finding[],
    versions: row.versions.map(toVersionSummary),
  };
}

/** The given version (default: the latest) of an agency's report for a year, as the page shows it, or null. */
export async function getReportView({ agencyId, year, version, paths }: ReportViewOptions): Promise<ReportView | null> {
  const db = await getDb();
  const [row] = await db.$queryRaw<ReportViewRow[]>(reportViewSql(Prisma.sql`${agencyId}::int`, Prisma.sql`${year}::int`, version, paths));
  return row ? toReportView(row) : null;
}
