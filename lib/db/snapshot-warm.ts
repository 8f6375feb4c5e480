/**
 * Warming (预先重建): after an ingest commits, rebuild the stored snapshots it made stale — rankings and comparisons
 * (ranking-store), coverage (coverage-store) and region sums (region-sum-store) — so the next reader finds them fresh
 * instead of paying the rebuild (a national group of 50,000 rows took seconds).
 *
 * What is stale is read from PostgreSQL, not remembered by a process: a snapshot whose year's DataVersion moved on
 * (the triggers move it in the writing transaction). So a warm pass started by any instance (the ingest route after it
 * answered, the bulk CLI at the end of its run, the first-start seeding) rebuilds what any instance's ingest changed,
 * and a pass lost with a stopped process is made up by the next one.
 *
 * Several warmers (instances) at once: each group is built under its advisory lock (ranking-store buildSnapshot); a
 * warmer first skips the groups another process is building and comes back to them at the end, waiting for that build
 * and then finding it fresh, so no group is built twice for one data version and no warmer waits while there is other
 * work. A reader arriving while a group is rebuilt waits on the same lock and reads the new snapshot (or, when an ingest
 * committed after the build read its rows, finds it stale and builds it itself): never stale data under a current
 * version. Each snapshot is swapped in one transaction.
 *
 * Which rankings and comparisons: the groups a reader needed built within WARM_DAYS (their definitions are stored with
 * the snapshot), largest first. Coverage and region sums: every stored year (they are per year, not per group).
 *
 * How much: what the changes since each snapshot touch (the change log, lib/db/change-log). A stale group none of whose
 * changed reports is in its peer group is carried forward untouched (all of them in one statement, no row of theirs
 * read); a coverage or region-sum year is patched in place, only the regions holding a changed report recomputed. Only
 * the groups holding a changed report are read again (digest) or ranked again.
 */
import type { Db } from "@/lib/db/client";
import { compareGroup } from "@/lib/db/compare";
import { pruneChangeLog, type RefreshHow } from "@/lib/db/change-log";
import { freshCoverageId, refreshCoverageSnapshot } from "@/lib/db/coverage-store";
import {
  buildSnapshot,
  carryUntouchedSql,
  snapshotKey,
  staleSnapshotSql,
  warmableSql,
  type BuildResult,
  type GroupDefinition,
} from "@/lib/db/ranking-store";
import { rankingGroup } from "@/lib/db/rankings";
import { freshRegionSumId, refreshRegionSumSnapshot } from "@/lib/db/region-sum-store";
import { FIGURE_KEYS, type FigureKey } from "@/lib/figures/figures";
import { Prisma } from "@/lib/generated/prisma/client";

/** What one warm pass did. */
export type WarmSummary = {
  /** coverage years and region-sum years found stale (and built, by this pass or a concurrent one) */
  coverageYears: number;
  regionSumYears: number;
  /** of those, the years whose snapshot was patched from the change log (only the regions the changes touch recomputed) */
  coveragePatched: number;
  regionSumPatched: number;
  /** ranking/compare groups built by this pass */
  groupsBuilt: number;
  /**
   * stale groups whose rows the ingest did not change: their snapshot carried forward to the new data version, not
   * built (groupsUntouched of them without reading their rows: no changed report is in the group)
   */
  groupsCarried: number;
  groupsUntouched: number;
  /** stale groups another process built while this pass waited (found fresh under the lock) */
  groupsFoundFresh: number;
  /** stale groups whose stored definition no longer gives their key (the rules changed): left to readers, then deleted */
  groupsDropped: number;
  /** stale snapshots deleted (groups nobody asked for within WARM_DAYS, or no longer buildable), and replaced ones */
  snapshotsDeleted: number;
  /** the pass vacuumed "RankingEntry" (vacuumRankingEntries) */
  vacuumed: boolean;
  /** changes dropped from the change log (pruneChangeLog) */
  changesPruned: number;
  ms: number;
};

type Params = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const figure = (v: unknown): FigureKey => {
  if (typeof v !== "string" || !(FIGURE_KEYS as readonly string[]).includes(v)) throw new Error(`unknown figure ${String(v)}`);
  return v as FigureKey;
};
const reportScope = (v: unknown): "own" | "summary" | "all" | undefined => (v === "own" || v === "summary" || v === "all" ? v : undefined);

/** The group functions by view: the stored params back into a definition (its key is checked against the stored one). */
const VIEWS: Record<string, (p: Params) => GroupDefinition> = {
  ranking: (p) =>
    rankingGroup({
      figure: figure(p.figure),
      year: Number(p.year),
      include: p.include === true,
      order: p.order === "asc" ? "asc" : "desc",
      level: str(p.level),
      kind: str(p.kind),
      scope: str(p.scope),
      reportScope: reportScope(p.reportScope),
    }),
  compare: (p) =>
    compareGroup({
      figure: figure(p.figure),
      year: Number(p.year),
      level: str(p.level),
      kind: str(p.kind),
      scope: str(p.scope),
      reportScope: reportScope(p.reportScope),
    }),
};

/** The definition a stored snapshot was built from, or null when it cannot be built again as it was. */
export function storedDefinition(key: string, stored: unknown): GroupDefinition | null {
  if (!stored || typeof stored !== "object") return null;
  const { view, params } = stored as { view?: unknown; params?: unknown };
  const make = typeof view === "string" ? VIEWS[view] : undefined;
  if (!make || !params || typeof params !== "object") return null;
  try {
    const def = make(params as Params);
    return snapshotKey(def) === key ? def : null;
  } catch {
    return null;
  }
}

type StaleGroup = { key: string; year: number; definition: unknown; total: number };

/** Groups whose newest snapshot is stale and that the warmer rebuilds, largest first (the longest wait for a reader). */
async function staleGroups(db: Db): Promise<StaleGroup[]> {
  return db.$queryRaw<StaleGroup[]>`
    SELECT s."key", s."year", s."definition", s."total"
    FROM (SELECT DISTINCT ON ("key") * FROM "RankingSnapshot" ORDER BY "key", "id" DESC) s
    WHERE ${staleSnapshotSql("s")}
      AND ${warmableSql("s")}
    ORDER BY s."total" DESC, s."key"`;
}

/** Stored years: every year from the first latest report to the last (coverage), and those with one (region sums). */
async function staleYears(db: Db): Promise<{ coverage: number[]; regionSums: number[] }> {
  const rows = await db.$queryRaw<{ year: number; coverage: boolean; regionSums: boolean }[]>`
    WITH bounds AS (
      SELECT (SELECT r."year" FROM "Report" r WHERE r."isLatest" ORDER BY r."year" LIMIT 1) AS "first",
             (SELECT r."year" FROM "Report" r WHERE r."isLatest" ORDER BY r."year" DESC LIMIT 1) AS "last"
    )
    SELECT y::int AS "year", ${freshCoverageId(Prisma.sql`y::int`)} IS NULL AS "coverage",
           (${freshRegionSumId(Prisma.sql`y::int`)} IS NULL
            AND EXISTS (SELECT 1 FROM "Report" r WHERE r."year" = y AND r."isLatest")) AS "regionSums"
    FROM bounds CROSS JOIN generate_series(bounds."first", bounds."last") AS y
    ORDER BY y DESC`;
  return { coverage: rows.filter((r) => r.coverage).map((r) => r.year), regionSums: rows.filter((r) => r.regionSums).map((r) => r.year) };
}

/**
 * One warm pass: every stale coverage year and region-sum year, then every stale ranking/compare group a reader asked
 * for (largest first; groups another process is building are done last, after waiting for that build), then the stale
 * snapshots no warmer will rebuild, and those replaced more than a minute ago, are deleted. Safe to run in several
 * processes at once.
 */
export async function warmSnapshots(db: Db, { log }: { log?: (line: string) => void } = {}): Promise<WarmSummary> {
  const started = performance.now();
  const years = await staleYears(db);
  const patched = (hows: RefreshHow[]): number => hows.filter((h) => h === "patched").length;
  const coverage: RefreshHow[] = [];
  const regionSums: RefreshHow[] = [];
  for (const year of years.coverage) coverage.push((await refreshCoverageSnapshot(db, year)).how);
  for (const year of years.regionSums) regionSums.push((await refreshRegionSumSnapshot(db, year)).how);
  log?.(
    `coverage ${years.coverage.length} years (${patched(coverage)} patched), region sums ${years.regionSums.length} years ` +
      `(${patched(regionSums)} patched) in ${Math.round(performance.now() - started)} ms`,
  );
  // the stale groups no change touches: carried forward in one statement, none of their rows read
  const t0 = performance.now();
  const untouched = await db.$queryRaw<{ id: number }[]>(carryUntouchedSql(warmableSql("s"), "warmer"));
  log?.(`untouched ${untouched.length} groups carried forward in ${Math.round(performance.now() - t0)} ms`);
  const summary: WarmSummary = {
    coverageYears: years.coverage.length,
    regionSumYears: years.regionSums.length,
    coveragePatched: patched(coverage),
    regionSumPatched: patched(regionSums),
    groupsBuilt: 0,
    groupsCarried: untouched.length,
    groupsUntouched: untouched.length,
    groupsFoundFresh: 0,
    groupsDropped: 0,
    snapshotsDeleted: 0,
    vacuumed: false,
    changesPruned: 0,
    ms: 0,
  };
  const dropped: string[] = [];
  const busy: GroupDefinition[] = [];
  const count = (r: BuildResult): void => {
    if (r.built) summary.groupsBuilt++;
    else if (r.carried) summary.groupsCarried++;
    else summary.groupsFoundFresh++;
  };
  for (const group of await staleGroups(db)) {
    const def = storedDefinition(group.key, group.definition);
    if (!def) {
      dropped.push(group.key);
      continue;
    }
    const t0 = performance.now();
    const result = await buildSnapshot(db, def, { by: "warmer", wait: false });
    if (!result) busy.push(def);
    else {
      count(result);
      const how = result.built ? "warmed" : result.carried ? "carried" : null;
      if (how) log?.(`${how} ${group.key} (${group.total} rows) in ${Math.round(performance.now() - t0)} ms`);
    }
  }
  // the groups another process was building: wait for its build, which is then found fresh (or build it if it failed)
  for (const def of busy) count((await buildSnapshot(db, def, { by: "warmer", wait: true }))!);
  summary.groupsDropped = dropped.length;
  // stale snapshots no warmer rebuilds (not asked for within WARM_DAYS, or no longer buildable as stored), and snapshots
  // a newer one of their group replaced: deleted once no request can still be paging through them (the replacement
  // was built or carried forward more than a minute ago); a reader builds such a group again when it is asked for
  summary.snapshotsDeleted = await db.$executeRaw`
    DELETE FROM "RankingSnapshot" s
    WHERE (s."builtAt" < now() - interval '1 minute'
           AND ${staleSnapshotSql("s")}
           AND (NOT ${warmableSql("s")} OR s."key" = ANY(${dropped}::text[])))
       OR EXISTS (SELECT 1 FROM "RankingSnapshot" n
                  WHERE n."key" = s."key" AND n."id" > s."id" AND n."builtAt" < now() - interval '1 minute')`;
  summary.changesPruned = await pruneChangeLog(db);
  const t1 = performance.now();
  summary.vacuumed = await vacuumRankingEntries(db);
  if (summary.vacuumed) log?.(`vacuumed RankingEntry in ${Math.round(performance.now() - t1)} ms`);
  summary.ms = performance.now() - started;
  return summary;
}

/**
 * The dead "RankingEntry" rows past which a warm pass vacuums the table: a tenth of the live rows plus about one
 * national group, the table's own autovacuum setting (migration ranking_carry_forward).
 */
export const ENTRY_VACUUM = { scale: 0.1, threshold: 50_000 };

/**
 * VACUUM "RankingEntry" when its dead rows (replaced snapshots, deleted a group at a time) pass ENTRY_VACUUM, so that
 * the next builds reuse their space instead of growing the table: what autovacuum does with the table's settings, for a
 * server that runs without it (and PGlite, which has none). Not in a transaction (VACUUM cannot be); skipped while
 * another process vacuums the table. Returns whether it vacuumed.
 */
export async function vacuumRankingEntries(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ due: boolean }[]>`
    SELECT (s."n_dead_tup" > ${ENTRY_VACUUM.threshold}::int + ${ENTRY_VACUUM.scale}::float8 * s."n_live_tup") AS "due"
    FROM pg_stat_user_tables s WHERE s."relid" = '"RankingEntry"'::regclass`;
  if (!row?.due) return false;
  await db.$executeRawUnsafe(`VACUUM (SKIP_LOCKED) "RankingEntry"`);
  return true;
}

/** A warm pass as one line for the CLI and the server log. */
export function formatWarmSummary(s: WarmSummary): string {
  return (
    `warmed snapshots in ${(s.ms / 1000).toFixed(1)} s: ${s.groupsBuilt} ranking/compare groups built, ${s.groupsCarried} carried forward unchanged` +
    ` (${s.groupsUntouched} untouched by the changes)` +
    (s.groupsFoundFresh ? ` (${s.groupsFoundFresh} built meanwhile by another process)` : "") +
    `, coverage ${s.coverageYears} years (${s.coveragePatched} patched), region sums ${s.regionSumYears} years (${s.regionSumPatched} patched)` +
    (s.groupsDropped || s.snapshotsDeleted ? `; ${s.snapshotsDeleted} stale or replaced snapshots deleted` : "") +
    (s.vacuumed ? "; RankingEntry vacuumed" : "")
  );
}

type WarmState = { current: Promise<void> | null; next: Promise<void> | null };

// on globalThis: the route bundles of one process share one queue (it only coalesces passes; what is stale is in the database)
const g = globalThis as unknown as { __ogiWarm?: WarmState };

/**
 * A warm pass in this process for writes that just committed, coalesced: when none runs, one starts now; while one runs,
 * every further request shares ONE more pass after it (which sees everything committed meanwhile). Resolves when the
 * pass covering this request is done. Never rejects: a failed pass is logged, and a reader rebuilds what it missed.
 */
export function scheduleWarm(db: Db, log: (line: string) => void = (line) => console.error(`[warm] ${line}`)): Promise<void> {
  const state = (g.__ogiWarm ??= { current: null, next: null });
  const run = (): Promise<void> => {
    const pass: Promise<void> = warmSnapshots(db)
      .then(
        (s) => {
          if (s.groupsBuilt || s.groupsCarried || s.vacuumed || s.coverageYears || s.regionSumYears || s.snapshotsDeleted)
            log(formatWarmSummary(s));
        },
        (err: unknown) => log(`warming failed (readers rebuild what is stale): ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        if (state.current === pass) state.current = null;
      });
    state.current = pass;
    return pass;
  };
  if (!state.current) return run();
  state.next ??= state.current.then(() => {
    state.next = null;
    return run();
  });
  return state.next;
}
