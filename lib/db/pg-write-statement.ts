/**
 * The batch write statement of bulk ingest on PostgreSQL (`WriteStatement`, lib/db/upsert-report.ts) over a
 * node-postgres pool of its own: the batch's rows and originals go to the server as two binary parameters. Through the
 * Prisma client the same call wrote both byte strings as base64 into a JSON text and parsed it back before sending
 * (about 0.17 ms of the writing thread per report at 16 reports per batch). Same statement, same transaction per call
 * (one statement, autocommit), same errors (a failed batch is stored again row by row through the client).
 */
import pg from "pg";
import { WRITE_STATEMENT_SQL, type WriteStatement, type WrittenRow } from "@/lib/db/upsert-report";

export type PgWriteStatement = { write: WriteStatement; close(): Promise<void> };

/** A write statement over `connections` connections to the database at `url` (at most one per batch in flight). */
export function createPgWriteStatement(url: string, connections: number): PgWriteStatement {
  // no JIT, as the client's own connections (lib/db/client.ts)
  const pool = new pg.Pool({ connectionString: url, max: Math.max(1, connections), options: "-c jit=off" });
  // an idle connection the server ended (a restart, a dropped database) must not end the process: the next query
  // opens another, and a failing one fails its batch
  pool.on("error", () => undefined);
  return {
    write: async (rows, sources) => (await pool.query<WrittenRow>(WRITE_STATEMENT_SQL, [rows, sources])).rows,
    close: () => pool.end(),
  };
}
