/**
 * What an ingest answers: the outcome, the stored report's identity, its agency, figures and findings.
 * The route returns it as JSON (201 for created / new-version, 200 for unchanged).
 */
import { FIGURE_COLUMNS, type FigureColumns } from "@/lib/figures/figures";
import type { Agency, Report } from "@/lib/generated/prisma/client";
import type { Finding } from "@/lib/report/types";

/** created = first report of this agency and year; new-version = a different document for them; unchanged = identical bytes already stored */
export type IngestOutcome = "created" | "new-version" | "unchanged";

export type IngestResult = {
  outcome: IngestOutcome;
  report: { id: number; year: number; version: number; isLatest: boolean; templateVersion: string; sha256: string };
  agency: { id: number; name: string; regionCode: string | null; level: string; kind: string };
  figures: FigureColumns;
  findings: Finding[];
};

/** Columns the answer does not need (large): left out of the queries that feed it. */
export const HEAVY_REPORT_COLUMNS = { sourceBytes: true, sourceText: true, document: true, provenance: true } as const;

type StoredReport = Omit<Report, keyof typeof HEAVY_REPORT_COLUMNS> & {
  agency: Pick<Agency, "id" | "name" | "regionCode" | "level" | "kind">;
};

/** Build the answer from a stored report row with its agency. */
export function toIngestResult(outcome: IngestOutcome, report: StoredReport): IngestResult {
  const r = report;
  return {
    outcome,
    report: { id: r.id, year: r.year, version: r.version, isLatest: r.isLatest, templateVersion: r.templateVersion, sha256: r.sha256 },
    agency: { id: r.agency.id, name: r.agency.name, regionCode: r.agency.regionCode, level: r.agency.level, kind: r.agency.kind },
    figures: Object.fromEntries(FIGURE_COLUMNS.map(({ name }) => [name, r[name]])) as FigureColumns,
    findings: r.findings as unknown as Finding[],
  };
}
