/**
 * The one write path of a report (`upsertReport`): store rows (lib/db/report-row.ts) through the database function
 * `store_reports` (prisma/migrations/20261202101500_store_reports) in ONE SQL statement, so one round trip and one
 * transaction, whether one row (an upload) or a batch (bulk ingest): per row find the agency by key or alias or create
 * it, add the alias, number the version, move isLatest, insert the report; identical bytes already stored → nothing
 * written, answered as "unchanged". Writers take one advisory lock first (in the function), so concurrent writers
 * never deadlock and versions of one agency and year never collide.
 * A unique violation means a concurrent ingest won: the same document → answered as "unchanged"; otherwise the
 * statement is retried (it then sees the winner's rows); if retries run out, the answer is 503 busy (Retry-After).
 */
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { HEAVY_REPORT_COLUMNS, toIngestResult, type IngestResult } from "@/lib/db/ingest-result";
import { encodeReportRow, toReportRow, type EncodedReportRow, type ReportRow, type ReportSource } from "@/lib/db/report-row";
import { Prisma } from "@/lib/generated/prisma/client";
import { toAgencyIdentity } from "@/lib/regions/agency-identity";
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

/** Store one report row (the one write path of every report): `storeEncoded` of its encoded form. */
export async function upsertReport(db: Db, row: ReportRow): Promise<IngestResult> {
  return storeEncoded(db, { row: encodeReportRow(row), bytes: row.report.sourceBytes });
}

function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return true;
  // a raw query (P2010) and some driver-adapter errors carry only the PostgreSQL code
  return /unique constraint|23505/i.test(String((err as { message?: unknown })?.message ?? ""));
}

/** A row encoded for the write statement (lib/db/report-row.ts) with its original bytes. */
export type EncodedInput = { row: EncodedReportRow; bytes: Uint8Array };

/** One row the write statement returns: which input (1-based), the new report's id and version, and its agency. */
export type WrittenRow = {
  ord: number;
  reportId: number;
  reportVersion: number;
  agencyId: number;
  agencyName: string;
  agencyRegionCode: string | null;
  agencyLevel: string;
  agencyKind: string;
};

/** The write statement's SQL: `store_reports` over the batch's rows (UTF-8 JSON) and its originals, both as bytes. */
export const WRITE_STATEMENT_SQL = `SELECT * FROM "store_reports"($1::bytea, $2::bytea)`;

/**
 * Runs WRITE_STATEMENT_SQL with its two byte strings on a connection of its own (bulk ingest on PostgreSQL:
 * lib/db/pg-write-statement.ts sends them as binary parameters, without the client's serialisation of raw-query
 * parameters, a JSON text of their base64 that is written and parsed again per call). Default: through the client.
 */
export type WriteStatement = (rows: Buffer, sources: Buffer) => Promise<WrittenRow[]>;

/**
 * Store rows in ONE statement, in order (the database function `store_reports`, see its migration): one round trip
 * and one transaction for all of them. The rows travel as one UTF-8 JSON and the originals as one byte string (as
 * bytes, each crosses the client's parameter handling as one base64 string instead of JSON escaped again and again).
 * Returns each row's answer, or null where the same bytes were already stored (nothing written).
 */
async function writeRows(db: Db, inputs: EncodedInput[], write?: WriteStatement): Promise<(IngestResult | null)[]> {
  // the rows' UTF-8 JSON (encoded where they were parsed) put together as bytes: [{"row":…,"at":n,"length":n},…]
  let at = 0;
  const parts: Uint8Array[] = [];
  inputs.forEach(({ row, bytes }, i) => {
    parts.push(Buffer.from(i === 0 ? `[{"row":` : `,{"row":`), row.json, Buffer.from(`,"at":${at},"length":${bytes.byteLength}}`));
    at += bytes.byteLength;
  });
  parts.push(Buffer.from("]"));
  const rows = Buffer.concat(parts);
  const sources = Buffer.concat(inputs.map((i) => i.bytes));
  const written = write
    ? await write(rows, sources)
    : await db.$queryRaw<WrittenRow[]>`SELECT * FROM "store_reports"(${rows}::bytea, ${sources}::bytea)`;
  const answers: (IngestResult | null)[] = inputs.map(() => null);
  for (const w of written) {
    const r = inputs[w.ord - 1]!.row;
    answers[w.ord - 1] = {
      outcome: w.reportVersion > 1 ? "new-version" : "created",
      report: {
        id: w.reportId,
        year: r.year,
        version: w.reportVersion,
        isLatest: true,
        templateVersion: r.templateVersion,
        sha256: r.sha256,
      },
      agency: { id: w.agencyId, name: w.agencyName, regionCode: w.agencyRegionCode, level: w.agencyLevel, kind: w.agencyKind },
      figures: r.figures,
      findings: r.findings,
    };
  }
  return answers;
}

/** No row back: these bytes were already stored (by an earlier ingest or a concurrent one) → that report, "unchanged". */
async function storedAlready(db: Db, sha256: string): Promise<IngestResult> {
  const stored = await findReportBySha(db, sha256);
  if (!stored) throw new Error(`report ${sha256} neither written nor found`);
  return stored;
}

/**
 * Store one encoded row (see upsertReport): retried when a concurrent write created the same agency or document;
 * refuses an empty agency name.
 */
export async function storeEncoded(db: Db, input: EncodedInput): Promise<IngestResult> {
  const { agency, sha256 } = input.row;
  if (isAgencyNameMissing(agency.name) || isAgencyNameMissing(agency.printed)) throw agencyMissingError();
  for (let attempt = 1; ; attempt++) {
    try {
      const [answer] = await writeRows(db, [input]);
      return answer ?? (await storedAlready(db, sha256));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const existing = await findReportBySha(db, sha256);
      if (existing) return existing;
      if (attempt >= MAX_ATTEMPTS) {
        throw new AppError("busy", "同一机关同一年度的报告正在被同时写入，请稍后重试。(busy: concurrent writes of this agency and year)");
      }
    }
  }
}

/** One report's answer in a batch: its result, or the error that kept it out (the others are not affected). */
export type BatchOutcome = { ok: true; result: IngestResult } | { ok: false; error: unknown };

/**
 * Store several encoded rows in ONE statement and transaction (bulk ingest: one round trip and one commit instead of
 * one per report). Each report is still all-or-nothing: when any row fails, the whole batch rolls back and every row
 * is stored again on its own through `storeEncoded` (in order, so versions of one agency and year keep their order);
 * only the failing ones fail. A row with no agency name is refused before the batch is written. `write`: how the
 * batch's statement is run (see WriteStatement); the rows stored again one by one go through the client.
 */
export async function storeEncodedBatch(db: Db, inputs: EncodedInput[], write?: WriteStatement): Promise<BatchOutcome[]> {
  const one = async (input: EncodedInput): Promise<BatchOutcome> => {
    try {
      return { ok: true, result: await storeEncoded(db, input) };
    } catch (error) {
      return { ok: false, error };
    }
  };
  const outcomes: (BatchOutcome | null)[] = inputs.map(({ row: { agency } }) =>
    isAgencyNameMissing(agency.name) || isAgencyNameMissing(agency.printed) ? { ok: false, error: agencyMissingError() } : null,
  );
  const batch = inputs.filter((_, i) => outcomes[i] === null);
  if (batch.length <= 1) {
    return Promise.all(inputs.map((input, i) => outcomes[i] ?? one(input)));
  }
  let answers: (IngestResult | null)[];
  try {
    answers = await writeRows(db, batch, write);
  } catch {
    for (let i = 0; i < inputs.length; i++) outcomes[i] ??= await one(inputs[i]!);
    return outcomes as BatchOutcome[];
  }
  let k = 0;
  for (let i = 0; i < inputs.length; i++) {
    if (outcomes[i] !== null) continue;
    const answer = answers[k++];
    outcomes[i] = { ok: true, result: answer ?? (await storedAlready(db, inputs[i]!.row.sha256)) };
  }
  return outcomes as BatchOutcome[];
}

/** Parsed documents in one statement and transaction: `storeEncodedBatch` over their rows. */
export async function storeParsedBatch(db: Db, inputs: StoreParsedInput[]): Promise<BatchOutcome[]> {
  return storeEncodedBatch(
    db,
    inputs.map((input) => ({
      row: encodeReportRow(toReportRow(input.parsed, toAgencyIdentity(input.parsed.document.agency), input)),
      bytes: input.bytes,
    })),
  );
}
