/**
 * Store one parsed document in ONE SQL statement (one round trip, and so one transaction): find the agency by key or
 * alias or create it, upsert the alias, number the version, move isLatest, insert the report; identical bytes already
 * stored → nothing written, answered as "unchanged".
 * A unique violation means a concurrent ingest won: the same document → answered as "unchanged";
 * the same new agency → the statement is retried (it then sees the winner's rows). Versions of one agency and year are
 * numbered under a transaction-scoped advisory lock on (agency key, year), so concurrent versions never collide; if
 * retries still run out, the answer is 503 busy with Retry-After, never a 500.
 */
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { FIGURE_COLUMNS, toFigureColumns } from "@/lib/figures/figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { HEAVY_REPORT_COLUMNS, toIngestResult, type IngestResult } from "@/lib/ingest/ingest-result";
import { toAgencyIdentity, type ResolvedAgency } from "@/lib/ingest/resolve-agency";
import { toFailedChecks } from "@/lib/figures/figure-checks";
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
      return await writeReport(db, input);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const existing = await findReportBySha(db, input.sha256);
      if (existing) return existing;
      if (attempt >= MAX_ATTEMPTS) {
        throw new AppError("busy", "同一机关同一年度的报告正在被同时写入，请稍后重试。(busy: concurrent writes of this agency and year)");
      }
    }
  }
}

function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return true;
  // a raw query (P2010) and some driver-adapter errors carry only the PostgreSQL code
  return /unique constraint|23505/i.test(String((err as { message?: unknown })?.message ?? ""));
}

/** The row the write statement returns: the new report's id and version, and its agency. */
type WrittenRow = ResolvedAgency & { reportId: number; version: number };

async function writeReport(db: Db, input: StoreParsedInput): Promise<IngestResult> {
  const { document, provenance, findings, sourceText, sourceKind } = input.parsed;
  const a = toAgencyIdentity(document.agency);
  const f = toFigureColumns(document);
  const figureNames = Prisma.raw(FIGURE_COLUMNS.map((c) => `"${c.name}"`).join(", "));
  const figureValues = Prisma.join(FIGURE_COLUMNS.map((c) => Prisma.sql`${f[c.name]}::${Prisma.raw(c.sqlType)}`));
  const errorCount = findings.filter((x) => x.severity === "error").length;
  const warningCount = findings.filter((x) => x.severity === "warning").length;
  const identitiesOk = !findings.some((x) => x.severity === "error" && x.rule !== undefined);
  const failedChecks = toFailedChecks(findings);
  const scope = document.scope ?? "own";
  // data-modifying CTEs all see the statement's snapshot: the new agency reaches the later steps through RETURNING;
  // with these bytes already stored, `agency` is empty, nothing is written and no row comes back
  // the agency-year's lock first, in the same transaction: the write statement then starts after any other writer of
  // this agency and year has committed, so it sees their version and numbers its own one higher (no lost race)
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(hashtext(${`ogi:report:${a.key}`}), ${document.year}::int)`,
    db.$queryRaw<WrittenRow[]>`
    WITH stored AS (
      SELECT 1 FROM "Report" WHERE "sha256" = ${input.sha256}
    ), found AS (
      SELECT "id", "name", "regionCode", "level", "kind", "provinceCode", "prefectureCode", "countyCode"
      FROM (
        SELECT g.*, 0 AS "rank" FROM "Agency" g WHERE g."key" = ${a.key}
        UNION ALL
        SELECT g.*, 1 AS "rank" FROM "Agency" g JOIN "AgencyAlias" al ON al."agencyId" = g."id"
        WHERE al."name" = ${a.printed} AND g."regionCode" IS NOT DISTINCT FROM ${a.regionCode}::text
      ) candidates ORDER BY "rank" LIMIT 1
    ), created AS (
      INSERT INTO "Agency" ("key", "name", "regionCode", "level", "kind", "provinceCode", "prefectureCode", "countyCode")
      SELECT ${a.key}, ${a.name}, ${a.regionCode}::text, ${a.level}, ${a.kind},
             ${a.provinceCode}::text, ${a.prefectureCode}::text, ${a.countyCode}::text
      WHERE NOT EXISTS (SELECT 1 FROM found) AND NOT EXISTS (SELECT 1 FROM stored)
      RETURNING "id", "name", "regionCode", "level", "kind", "provinceCode", "prefectureCode", "countyCode"
    ), agency AS (
      SELECT * FROM found WHERE NOT EXISTS (SELECT 1 FROM stored) UNION ALL SELECT * FROM created
    ), alias AS (
      INSERT INTO "AgencyAlias" ("agencyId", "name")
      SELECT "id", ${a.printed} FROM agency WHERE "name" <> ${a.printed}
      ON CONFLICT ("agencyId", "name") DO NOTHING
    ), previous AS (
      SELECT coalesce(max(r."version"), 0) AS "version" FROM "Report" r JOIN agency ON r."agencyId" = agency."id"
      WHERE r."year" = ${document.year}::int
    ), demoted AS (
      UPDATE "Report" r SET "isLatest" = false FROM agency
      WHERE r."agencyId" = agency."id" AND r."year" = ${document.year}::int AND r."isLatest"
    ), inserted AS (
      INSERT INTO "Report" (
        "agencyId", "year", "version", "isLatest", "templateVersion", "publishedOn", "sha256", "mediaType", "sourceKind",
        "sourceBytes", "sourceText", "sourceUrl", "fileName", "document", "provenance", "findings",
        "errorCount", "warningCount", "identitiesOk", "failedChecks", "scope",
        "level", "kind", "provinceCode", "prefectureCode", "countyCode", "regionCode", ${figureNames})
      SELECT agency."id", ${document.year}::int, previous."version" + 1, true, ${document.templateVersion},
        ${document.publishedOn ?? null}::text, ${input.sha256}, ${input.mediaType}, ${sourceKind},
        ${Buffer.from(input.bytes)}::bytea, ${sourceText}, ${input.sourceUrl ?? null}::text, ${input.fileName ?? null}::text,
        ${JSON.stringify(document)}::jsonb, ${JSON.stringify(provenance)}::jsonb, ${JSON.stringify(findings)}::jsonb,
        ${errorCount}::int, ${warningCount}::int, ${identitiesOk}, ${failedChecks}::text[], ${scope},
        agency."level", agency."kind", agency."provinceCode", agency."prefectureCode", agency."countyCode", agency."regionCode",
        ${figureValues}
      FROM agency, previous
      RETURNING "id", "version"
    )
    SELECT inserted."id" AS "reportId", inserted."version", agency.* FROM inserted, agency`,
  ]);
  const row = rows[0];
  if (!row) {
    const stored = await findReportBySha(db, input.sha256);
    if (!stored) throw new Error(`report ${input.sha256} neither written nor found`);
    return stored;
  }
  const { reportId, version, ...agency } = row;
  return {
    outcome: version > 1 ? "new-version" : "created",
    report: { id: reportId, year: document.year, version, isLatest: true, templateVersion: document.templateVersion, sha256: input.sha256 },
    agency: { id: agency.id, name: agency.name, regionCode: agency.regionCode, level: agency.level, kind: agency.kind },
    figures: f,
    findings,
  };
}
