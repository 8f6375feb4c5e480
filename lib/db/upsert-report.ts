/**
 * The one write path of a report (`upsertReport`): store one row (lib/db/report-row.ts) in ONE SQL statement (one round trip, and so one transaction): find the agency by key or
 * alias or create it, upsert the alias, number the version, move isLatest, insert the report; identical bytes already
 * stored → nothing written, answered as "unchanged".
 * A unique violation means a concurrent ingest won: the same document → answered as "unchanged";
 * the same new agency → the statement is retried (it then sees the winner's rows). Versions of one agency and year are
 * numbered under a transaction-scoped advisory lock on (agency key, year), taken before the write statement in the same
 * transaction, so concurrent versions never collide; if retries still run out, the answer is 503 busy (Retry-After).
 */
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { HEAVY_REPORT_COLUMNS, toIngestResult, type IngestResult } from "@/lib/db/ingest-result";
import { toReportRow, type ReportRow, type ReportSource } from "@/lib/db/report-row";
import { FIGURE_COLUMNS } from "@/lib/figures/figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { toAgencyIdentity, type ResolvedAgency } from "@/lib/regions/agency-identity";
import type { ParseSuccess } from "@/lib/report/types";

const MAX_ATTEMPTS = 4;

/** The stored report with these original bytes, answered as "unchanged", or null. */
export async function findReportBySha(db: Db, sha256: string): Promise<IngestResult | null> {
  const report = await db.report.findUnique({ where: { sha256 }, omit: HEAVY_REPORT_COLUMNS, include: { agency: true } });
  return report ? toIngestResult("unchanged", report) : null;
}

export type StoreParsedInput = ReportSource & { parsed: ParseSuccess };

/** Store an already parsed document: its row (agency identity from lib/regions) through `upsertReport`. */
export async function storeParsed(db: Db, input: StoreParsedInput): Promise<IngestResult> {
  return upsertReport(db, toReportRow(input.parsed, toAgencyIdentity(input.parsed.document.agency), input));
}

/** The refusal of a report whose agency (发布机关) came out empty: never stored under an empty name. 422, detail `agency-missing`. */
export function agencyMissingError(): AppError {
  return new AppError(
    "not-a-report",
    "找不到报告的发布机关名称（标题或落款中没有机关名），无法归属到具体机关，拒绝导入。(agency-missing: no agency name found in the report; it is not stored)",
    "agency-missing",
  );
}

/** True when a parsed or resolved agency name is empty (or only blanks). */
export function isAgencyNameMissing(name: string | null | undefined): boolean {
  return !name || name.trim() === "";
}

/** Store one report row (retrying when a concurrent write created the same agency or version). Refuses an empty agency name. */
export async function upsertReport(db: Db, row: ReportRow): Promise<IngestResult> {
  if (isAgencyNameMissing(row.agency.name) || isAgencyNameMissing(row.agency.printed)) throw agencyMissingError();
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeReport(db, row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const existing = await findReportBySha(db, row.report.sha256);
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

/** The write statement of one row (see the module comment), and how its returned row becomes the answer. */
function writeReportStatement({ agency: a, report: r }: ReportRow): { sql: Prisma.Sql; toResult(rows: WrittenRow[]): IngestResult | null } {
  const f = r.figures;
  const figureNames = Prisma.raw(FIGURE_COLUMNS.map((c) => `"${c.name}"`).join(", "));
  const figureValues = Prisma.join(FIGURE_COLUMNS.map((c) => Prisma.sql`${f[c.name]}::${Prisma.raw(c.sqlType)}`));
  // data-modifying CTEs all see the statement's snapshot: the new agency reaches the later steps through RETURNING;
  // with these bytes already stored, `agency` is empty, nothing is written and no row comes back
  const sql = Prisma.sql`
    WITH stored AS (
      SELECT 1 FROM "Report" WHERE "sha256" = ${r.sha256}
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
      WHERE r."year" = ${r.year}::int
    ), demoted AS (
      UPDATE "Report" r SET "isLatest" = false FROM agency
      WHERE r."agencyId" = agency."id" AND r."year" = ${r.year}::int AND r."isLatest"
    ), inserted AS (
      INSERT INTO "Report" (
        "agencyId", "year", "version", "isLatest", "templateVersion", "publishedOn", "sha256", "mediaType", "sourceKind",
        "sourceBytes", "sourceText", "sourceUrl", "fileName", "document", "provenance", "findings",
        "errorCount", "warningCount", "identitiesOk", "failedChecks", "scope",
        "level", "kind", "provinceCode", "prefectureCode", "countyCode", "regionCode", ${figureNames})
      SELECT agency."id", ${r.year}::int, previous."version" + 1, true, ${r.templateVersion},
        ${r.publishedOn}::text, ${r.sha256}, ${r.mediaType}, ${r.sourceKind},
        ${Buffer.from(r.sourceBytes)}::bytea, ${r.sourceText}, ${r.sourceUrl}::text, ${r.fileName}::text,
        ${JSON.stringify(r.document)}::jsonb, ${JSON.stringify(r.provenance)}::jsonb, ${JSON.stringify(r.findings)}::jsonb,
        ${r.errorCount}::int, ${r.warningCount}::int, ${r.identitiesOk}, ${r.failedChecks}::text[], ${r.scope},
        agency."level", agency."kind", agency."provinceCode", agency."prefectureCode", agency."countyCode", agency."regionCode",
        ${figureValues}
      FROM agency, previous
      RETURNING "id", "version"
    )
    SELECT inserted."id" AS "reportId", inserted."version", agency.* FROM inserted, agency`;
  const toResult = (rows: WrittenRow[]): IngestResult | null => {
    const row = rows[0];
    if (!row) return null;
    const { reportId, version, ...agency } = row;
    return {
      outcome: version > 1 ? "new-version" : "created",
      report: { id: reportId, year: r.year, version, isLatest: true, templateVersion: r.templateVersion, sha256: r.sha256 },
      agency: { id: agency.id, name: agency.name, regionCode: agency.regionCode, level: agency.level, kind: agency.kind },
      figures: f,
      findings: r.findings,
    };
  };
  return { sql, toResult };
}

/** No row back: these bytes were already stored (by an earlier ingest or a concurrent one) → that report, "unchanged". */
async function storedAlready(db: Db, sha256: string): Promise<IngestResult> {
  const stored = await findReportBySha(db, sha256);
  if (!stored) throw new Error(`report ${sha256} neither written nor found`);
  return stored;
}

/**
 * The agency-year locks of some rows, in one order (sorted), so two transactions never wait on each other in a cycle.
 * Taken first in the writing transaction, in ONE statement (a batch of 16 no longer pays 16 round trips): the write
 * statements then start after every other writer of those agency-years has committed, and number their versions after
 * theirs. The array is sorted here and unnest yields it in order, so the locks are taken in that order.
 */
function agencyYearLocks(db: Db, rows: ReportRow[]) {
  const keys = [...new Set(rows.map((r) => JSON.stringify([r.agency.key, r.report.year])))].sort();
  const pairs = keys.map((k) => JSON.parse(k) as [string, number]);
  return db.$queryRaw`
    SELECT count(*)::int AS "locked"
    FROM unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::int[]) AS l("key", "year"),
         LATERAL pg_advisory_xact_lock(hashtext('ogi:report:' || l."key"), l."year")`;
}

async function writeReport(db: Db, row: ReportRow): Promise<IngestResult> {
  const statement = writeReportStatement(row);
  const results = await db.$transaction([agencyYearLocks(db, [row]), db.$queryRaw<WrittenRow[]>(statement.sql)]);
  return statement.toResult(results.at(-1) as WrittenRow[]) ?? storedAlready(db, row.report.sha256);
}

/** One report's answer in a batch: its result, or the error that kept it out (the others are not affected). */
export type BatchOutcome = { ok: true; result: IngestResult } | { ok: false; error: unknown };

/**
 * Store several report rows in ONE transaction (bulk ingest: one commit instead of one per report). Each report is
 * still all-or-nothing: when any statement fails, the whole batch rolls back and every row is stored again on its
 * own through `upsertReport` (in order, so versions of one agency and year keep their order); only the failing ones fail.
 */
export async function upsertReportBatch(db: Db, rows: ReportRow[]): Promise<BatchOutcome[]> {
  const one = async (row: ReportRow): Promise<BatchOutcome> => {
    try {
      return { ok: true, result: await upsertReport(db, row) };
    } catch (error) {
      return { ok: false, error };
    }
  };
  if (rows.length === 1) return [await one(rows[0]!)];
  const statements = rows.map(writeReportStatement);
  let written: WrittenRow[][];
  try {
    const results = await db.$transaction([agencyYearLocks(db, rows), ...statements.map((s) => db.$queryRaw<WrittenRow[]>(s.sql))]);
    written = results.slice(1) as WrittenRow[][];
  } catch {
    const outcomes: BatchOutcome[] = [];
    for (const row of rows) outcomes.push(await one(row));
    return outcomes;
  }
  return Promise.all(
    statements.map(async (s, i): Promise<BatchOutcome> => {
      const result = s.toResult(written[i]!);
      return { ok: true, result: result ?? (await storedAlready(db, rows[i]!.report.sha256)) };
    }),
  );
}

/** Parsed documents in one transaction: `upsertReportBatch` over their rows. */
export async function storeParsedBatch(db: Db, inputs: StoreParsedInput[]): Promise<BatchOutcome[]> {
  return upsertReportBatch(
    db,
    inputs.map((input) => toReportRow(input.parsed, toAgencyIdentity(input.parsed.document.agency), input)),
  );
}
