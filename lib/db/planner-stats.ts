/**
 * Planner statistics during a bulk ingest. PostgreSQL plans a cached statement (the write function's lookups, the
 * triggers' queries, the foreign-key checks) with the table sizes it knew when it cached the plan, and keeps it until
 * the table's statistics change. A bulk run into an empty or small store grows "Report" and "Agency" many times over
 * within minutes, before autovacuum's next ANALYZE: plans cached while the tables held a few rows (sequential scans,
 * hash joins over the whole table) then read every stored row for each new one. `createStatsRefresher` analyzes the
 * tables the write path reads each time the run has stored about as many reports again as the store held at the
 * start (at least 256, then ×4): a handful of ANALYZEs per run, and the cached plans are replanned after each.
 */
import type { Db } from "@/lib/db/client";

/** The tables (and for "Report" the columns) the write path's lookups and the holdings recomputation filter on. */
const ANALYZE_WRITE_PATH = `ANALYZE "Agency", "AgencyAlias", "Report" ("agencyId", "year", "isLatest", "sha256")`;

export type StatsRefresher = {
  /** `count` more reports were stored by this run; analyzes when the run crossed its next threshold */
  noteStored(count: number): Promise<void>;
};

export function createStatsRefresher(db: Db, { first = 256, factor = 4 } = {}): StatsRefresher {
  let stored = 0;
  let next: Promise<number> | null = null;
  let running: Promise<void> | null = null;
  return {
    async noteStored(count) {
      stored += count;
      // the store's size at the start of the run (planner's estimate; -1 when never analyzed)
      next ??= db
        .$queryRawUnsafe<{ n: number }[]>(`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = '"Report"'::regclass`)
        .then((rows) => Math.max(first, Number(rows[0]?.n ?? 0)));
      const threshold = await next;
      if (stored < threshold || running) return;
      next = Promise.resolve(threshold * factor);
      running = db
        .$executeRawUnsafe(ANALYZE_WRITE_PATH)
        .then(() => undefined)
        .catch(() => undefined)
        .finally(() => (running = null));
      await running;
    },
  };
}
