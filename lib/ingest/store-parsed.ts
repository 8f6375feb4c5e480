/**
 * Store one parsed document in ONE transaction: resolve the agency, number the version, move isLatest, write the report.
 * A unique violation means a concurrent ingest won: the same document → answered as "unchanged";
 * the same new agency or version number → the transaction is retried.
 */
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { HEAVY_REPORT_COLUMNS, toIngestResult, type IngestOutcome, type IngestResult } from "@/lib/ingest/ingest-result";
import { resolveAgency } from "@/lib/ingest/resolve-agency";
import { toReportFigureColumns } from "@/lib/ingest/to-figure-columns";
import type { ParseSuccess } from "@/lib/report/types";

const MAX_ATTEMPTS = 4;

/** The stored report with these original bytes, answered as "unchanged", or null. */
export async function findReportBySha(db: Db, sha256: string): Promise<IngestResult | null> {
  const report = await db.report.findUnique({ where: { sha256 }, omit: HEAVY_REPORT_COLUMNS, include: { agency: true } });
  return report ? toIngestResult("unchanged", report) : null;
}

export type StoreParsedInput = {
  parsed: ParseSuccess;
  sha256: string;
  bytes: Uint8Array;
  mediaType: string;
  fileName?: string;
  sourceUrl?: string;
};

/** Store an already parsed document (retrying when a concurrent ingest created the same agency or version). */
export async function storeParsed(db: Db, input: StoreParsedInput): Promise<IngestResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => writeReport(tx, input));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const existing = await findReportBySha(db, input.sha256);
      if (existing) return existing;
      if (attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}

function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002";
  // driver adapters surface some constraint errors with the PostgreSQL code only
  return /unique constraint|23505/i.test(String((err as { message?: unknown })?.message ?? ""));
}

async function writeReport(tx: Prisma.TransactionClient, input: StoreParsedInput): Promise<IngestResult> {
  const { document, provenance, findings, sourceText, sourceKind } = input.parsed;
  const agency = await resolveAgency(tx, document.agency);
  const previous = await tx.report.findFirst({
    where: { agencyId: agency.id, year: document.year },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (previous) await tx.report.updateMany({ where: { agencyId: agency.id, year: document.year, isLatest: true }, data: { isLatest: false } });
  const outcome: IngestOutcome = previous ? "new-version" : "created";
  const report = await tx.report.create({
    data: {
      agencyId: agency.id,
      year: document.year,
      version: (previous?.version ?? 0) + 1,
      isLatest: true,
      templateVersion: document.templateVersion,
      publishedOn: document.publishedOn,
      sha256: input.sha256,
      mediaType: input.mediaType,
      sourceKind,
      sourceBytes: Buffer.from(input.bytes),
      sourceText,
      sourceUrl: input.sourceUrl ?? null,
      fileName: input.fileName ?? null,
      document: document as unknown as Prisma.InputJsonValue,
      provenance: provenance as unknown as Prisma.InputJsonValue,
      findings: findings as unknown as Prisma.InputJsonValue,
      errorCount: findings.filter((f) => f.severity === "error").length,
      warningCount: findings.filter((f) => f.severity === "warning").length,
      identitiesOk: !findings.some((f) => f.severity === "error" && f.rule !== undefined),
      level: agency.level,
      kind: agency.kind,
      provinceCode: agency.provinceCode,
      prefectureCode: agency.prefectureCode,
      countyCode: agency.countyCode,
      regionCode: agency.regionCode,
      ...toReportFigureColumns(document),
    },
    omit: HEAVY_REPORT_COLUMNS,
  });
  return toIngestResult(outcome, { ...report, agency });
}
