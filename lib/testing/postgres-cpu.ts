/**
 * CPU time of the PostgreSQL backends serving one database, read from /proc (benchmarks only: the server must run on
 * this machine, as it does here). On a shared machine wall-clock throughput moves with everyone else's load; CPU time
 * per report does not, so the benches print both.
 */
import { readFileSync } from "node:fs";
import pg from "pg";

/** CPU milliseconds per backend pid of the database at `url`; empty when /proc cannot be read (another host). */
export async function readBackendCpu(url: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const out = new Map<number, number>();
    const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
    for (const { pid } of rows) {
      try {
        // fields after "(comm) ": state is [0]; utime and stime are fields 14 and 15 of the line, [11] and [12] here
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        out.set(pid, (Number(fields[11]) + Number(fields[12])) / ticksPerMs);
      } catch {
        // the backend ended, or /proc is not ours
      }
    }
    return out;
  } finally {
    await client.end();
  }
}

/** CPU milliseconds the backends spent between two readings (a backend that started in between counts from 0). */
export function backendCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}
