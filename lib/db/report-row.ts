/**
 * The row a report is stored as: pure, from a parse result, its reporting body's identity and where the bytes came from.
 * The one thing every writer builds (ingest, the test databases, the page benchmark's data) before `upsertReport`.
 */
import { toFailedChecks } from "@/lib/figures/figure-checks";
import { toFigureColumns, type FigureColumns } from "@/lib/figures/figures";
import type { AgencyIdentity } from "@/lib/regions/agency-identity";
import type { ParseSuccess, ReportScope } from "@/lib/report/types";

/** The original document as received. */
export type ReportSource = {
  sha256: string;
  bytes: Uint8Array;
  mediaType: string;
  fileName?: string;
  sourceUrl?: string;
};

/** One report version to store, with its agency's identity; version, isLatest and agencyId are numbered at write time. */
export type ReportRow = {
  agency: AgencyIdentity;
  report: Pick<ParseSuccess, "document" | "provenance" | "findings" | "sourceText" | "sourceKind"> & {
    year: number;
    templateVersion: string;
    publishedOn: string | null;
    sha256: string;
    mediaType: string;
    sourceBytes: Uint8Array;
    sourceUrl: string | null;
    fileName: string | null;
    errorCount: number;
    warningCount: number;
    /** true when no accounting identity failed (no error finding with a rule) */
    identitiesOk: boolean;
    /** the identity checks that failed (lib/figures/figure-checks.ts): a figure resting on one leaves the rankings */
    failedChecks: string[];
    /** 报告口径: the body's own report or a summary (document.scope; "own" when the parser said nothing) */
    scope: ReportScope;
    figures: FigureColumns;
  };
};

/** Pure: the row of one parsed report; the figures come from lib/figures (the one definition). */
export function toReportRow(parsed: ParseSuccess, agency: AgencyIdentity, source: ReportSource): ReportRow {
  const { document, provenance, findings, sourceText, sourceKind } = parsed;
  return {
    agency,
    report: {
      document,
      provenance,
      findings,
      sourceText,
      sourceKind,
      year: document.year,
      templateVersion: document.templateVersion,
      publishedOn: document.publishedOn ?? null,
      sha256: source.sha256,
      mediaType: source.mediaType,
      sourceBytes: source.bytes,
      sourceUrl: source.sourceUrl ?? null,
      fileName: source.fileName ?? null,
      errorCount: findings.filter((x) => x.severity === "error").length,
      warningCount: findings.filter((x) => x.severity === "warning").length,
      identitiesOk: !findings.some((x) => x.severity === "error" && x.rule !== undefined),
      failedChecks: toFailedChecks(findings),
      scope: document.scope ?? "own",
      figures: toFigureColumns(document),
    },
  };
}

/**
 * A row ready for the write statement (`store_reports`, see upsertReport): what the answer and the checks need, and the
 * rest as one JSON text, already UTF-8. Built where the parse ran (a parse worker, for bulk ingest), so the thread that
 * writes neither copies the parsed document, provenance and findings across threads as objects, nor serialises them,
 * nor encodes their text (about 30 KB per report, mostly provenance) to UTF-8 for the wire.
 */
export type EncodedReportRow = {
  agency: AgencyIdentity;
  year: number;
  templateVersion: string;
  sha256: string;
  figures: FigureColumns;
  findings: ReportRow["report"]["findings"];
  /** UTF-8 JSON of {agency, report: {Report column: value}} without the original bytes (sent beside it) */
  json: Uint8Array;
};

const utf8 = new TextEncoder();

/** Pure: the encoded form of a row (the Report columns by name; figure columns included; not the original bytes). */
export function encodeReportRow({ agency, report }: ReportRow): EncodedReportRow {
  const { sourceBytes: _bytes, figures, ...columns } = report;
  return {
    agency,
    year: report.year,
    templateVersion: report.templateVersion,
    sha256: report.sha256,
    figures,
    findings: report.findings,
    json: utf8.encode(JSON.stringify({ agency, report: { ...columns, ...figures } })),
  };
}
