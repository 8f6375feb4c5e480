/**
 * The change log (变更记录, migration report_change_log): every transaction that writes reports records, in the same
 * transaction, a "ReportChange" row per latest report it inserted, demoted, updated or deleted (both sides of an update,
 * and the latest reports of a renamed agency), with the report's peer-group keys (year, level, kind, region codes,
 * 报告口径) and the transaction's "all" DataVersion. Writers move "all" first and hold it to their commit, so that
 * version orders them as they commit: a statement that reads "all" = V sees exactly the changes up to V.
 *
 * A stored snapshot records the "all" version it was computed from. After an ingest, the warmer and readers bring a
 * stale snapshot up to date by what the changes since then touch (ranking-store carryUntouchedSql, region-sum-store and
 * coverage-store patchSql) instead of computing it all again. "ReportChangeHorizon" says from which "all" version on the
 * log is complete (pruneChangeLog moves it); a snapshot computed before it is rebuilt as before.
 */
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A stale coverage or region-sum year is patched when at most this many changes touch it; more (a bulk load) are
 * about the whole year anyway, and a build from nothing writes its rows once instead of updating them.
 */
export const PATCH_CHANGES = 5_000;

/** How a per-year snapshot was brought up to date: found fresh, patched from the change log, or built anew. */
export type RefreshHow = "fresh" | "patched" | "built";

/**
 * SQL: a snapshot computed at "all" version `allVersion` from the reports of the years `years` (a condition over the
 * year column `h."year"`: `h."year" = 2024`, or `h."year" <= 2024` for coverage) can be brought up to date from the log:
 * it has a version, and no change of those years after it has been pruned.
 */
export function patchableSql(allVersion: Prisma.Sql, years: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${allVersion} IS NOT NULL
    AND ${allVersion} >= (SELECT coalesce(max(h."allVersion"), 0) FROM "ReportChangeHorizon" h WHERE ${years}))`;
}

/** SQL: how many changes (up to PATCH_CHANGES + 1) after "all" version `since` satisfy `where` (over `"ReportChange" c`). */
export function changesSince(where: Prisma.Sql, since: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT COUNT(*) FROM (
    SELECT 1 FROM "ReportChange" c WHERE c."allVersion" > ${since} AND (${where}) LIMIT ${PATCH_CHANGES + 1}::int) n)::int`;
}

/**
 * Drop the changes no snapshot needs any more, per year y: those up to the oldest "all" version of a snapshot that may
 * still be brought up to date with y's changes (the newest ranking snapshot with members of every group of year y, the
 * newest region-sum snapshot of y, the newest coverage snapshot of y and of every later year), or up to the current "all"
 * version when there is none; y's horizon moves to the newest change dropped. A fresh snapshot needs none of its years'
 * changes (there are none after it), so it never loses its patchability to a pruning; a stale one left behind by a
 * horizon is rebuilt (or digested) instead of patched: safe, only slower. One statement. Returns how many were dropped.
 */
export async function pruneChangeLog(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ dropped: number }[]>`
    WITH cur AS (SELECT coalesce(max(d."version"), 0) AS "all" FROM "DataVersion" d WHERE d."scope" = 'all'),
    ranking AS (
      SELECT s."year", min(s."allVersion") AS "v" FROM "RankingSnapshot" s
      WHERE s."members" IS NOT NULL AND s."id" = (SELECT max(n."id") FROM "RankingSnapshot" n WHERE n."key" = s."key")
      GROUP BY s."year"
    ), sums AS (
      SELECT s."year", min(s."allVersion") AS "v" FROM "RegionSumSnapshot" s
      WHERE s."id" = (SELECT max(n."id") FROM "RegionSumSnapshot" n WHERE n."key" = s."key" AND n."year" = s."year")
      GROUP BY s."year"
    ), coverage AS (
      SELECT s."year", s."allVersion" AS "v" FROM "CoverageSnapshot" s
      WHERE s."id" = (SELECT max(n."id") FROM "CoverageSnapshot" n WHERE n."year" = s."year")
    ), years AS (
      SELECT y."year", least(cur."all", (SELECT r."v" FROM ranking r WHERE r."year" = y."year"),
                             (SELECT m."v" FROM sums m WHERE m."year" = y."year"),
                             (SELECT min(c."v") FROM coverage c WHERE c."year" >= y."year")) AS "upTo"
      FROM (SELECT DISTINCT c."year" FROM "ReportChange" c) y CROSS JOIN cur
    ), dropped AS (
      DELETE FROM "ReportChange" c USING years y WHERE c."year" = y."year" AND c."allVersion" <= y."upTo"
      RETURNING c."year", c."allVersion"
    ), horizon AS (
      INSERT INTO "ReportChangeHorizon" ("year", "allVersion")
      SELECT d."year", max(d."allVersion") FROM dropped d GROUP BY d."year"
      ON CONFLICT ("year") DO UPDATE SET "allVersion" = greatest("ReportChangeHorizon"."allVersion", excluded."allVersion")
      RETURNING 1
    )
    SELECT (SELECT COUNT(*) FROM dropped)::int AS "dropped", (SELECT COUNT(*) FROM horizon)::int AS "years"`;
  return row?.dropped ?? 0;
}
