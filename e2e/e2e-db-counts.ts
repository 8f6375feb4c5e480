// Row counts of every stored table in the e2e database: a refused request must leave them all unchanged.
import pg from "pg";
import { getE2eDatabaseUrl } from "./e2e-env";

/**
 * Derived snapshots (rankings, coverage, region sums), not stored data: after an ingest the server rebuilds them in the
 * background once it has answered (lib/db/snapshot-warm), so they may still change while the next request runs. The
 * change log the warm pass reads is pruned by that pass (ReportChange, ReportChangeHorizon); a write that logs a
 * change also writes a Report row, which is counted.
 */
const DERIVED = new Set([
  "RankingSnapshot",
  "RankingEntry",
  "CoverageSnapshot",
  "CoverageCount",
  "CoverageGovernment",
  "RegionSumSnapshot",
  "RegionSum",
  "ReportChange",
  "ReportChangeHorizon",
]);

export async function countAllTables(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: getE2eDatabaseUrl() });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables.rows.filter((t) => !DERIVED.has(t.tablename))) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${tablename}"`);
      counts[tablename] = Number(r.rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}
