/**
 * Ingest one document: parse it, resolve its agency, store it as a new report or a new version, in ONE transaction.
 * The same code path serves POST /api/ingest, the bulk CLI and the first-start samples.
 *   identical bytes (sha256) already stored  → "unchanged" (no write)
 *   new agency + year                       → "created", version 1
 *   same agency + year, different document  → "new-version"; the old version is kept, isLatest moves
 * Two concurrent ingests of the same document give one report: the loser hits the unique sha256 and answers "unchanged".
 */
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseReport } from "@/lib/report";
import type { ParseSuccess, ReportInput } from "@/lib/report/types";
import { toIngestResult, type IngestOutcome, type IngestResult } from "@/lib/ingest/ingest-result";
import { resolveAgency } from "@/lib/ingest/resolve-agency";
import { toReportFigureColumns } from "@/lib/ingest/to-figure-columns";

/** One document to ingest: its original bytes (or text / HTML as a string) and where it came from. */
export type IngestInput = {
  bytes?: Uint8Array;
  text?: string;
  html?: string;
  /** e.g. text/plain, text/html, application/pdf; derived from text/html fields when absent */
  mediaType?: string;
  fileName?: string;
  sourceUrl?: string;
};

const MAX_ATTEMPTS = 4;

/** sha256 (hex) of the original bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function toOriginal(input: IngestInput): { bytes: Uint8Array; mediaType: string; parseInput: ReportInput } {
  if (input.bytes) {
    const mediaType = input.mediaType ?? "application/octet-stream";
    return { bytes: input.bytes, mediaType, parseInput: { bytes: input.bytes, mediaType, fileName: input.fileName } };
  }
  if (input.html !== undefined) {
    return { bytes: new TextEncoder().encode(input.html), mediaType: "text/html", parseInput: { html: input.html } };
  }
  const text = input.text ?? "";
  return { bytes: new TextEncoder().encode(text), mediaType: "text/plain", parseInput: { text } };
}

/** Parse, then store. Throws AppError("not-a-report" | "unsupported-media-type") with the parser's reason. */
export async function ingestDocument(db: Db, input: IngestInput): Promise<IngestResult> {
  const { bytes, mediaType, parseInput } = toOriginal(input);
  const sha256 = sha256Hex(bytes);
  const existing = await findBySha(db, sha256);
  if (existing) return existing;
  const parsed = await parseReport(parseInput);
  if (!parsed.ok) {
    const code = parsed.error.code === "unsupported-media-type" ? "unsupported-media-type" : "not-a-report";
    throw new AppError(code, parsed.error.message, parsed.error.code);
  }
  return storeParsed(db, { parsed, sha256, bytes, mediaType, fileName: input.fileName, sourceUrl: input.sourceUrl });
}

async function findBySha(db: Db, sha256: string): Promise<IngestResult | null> {
  const report = await db.report.findUnique({ where: { sha256 }, include: { agency: true } });
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
      const existing = await findBySha(db, input.sha256);
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
    include: { agency: true },
  });
  return toIngestResult(outcome, report);
}
