/**
 * 收录情况 stored per year and data version: who of the expected publishers has a report, counted once for every scope
 * (the country, each province, prefecture, county and region) and year, so a coverage line costs one indexed read
 * instead of a scan of every report under the region.
 *
 * Freshness as in the region sums (region-sum-store.ts): triggers move DataVersion "year:<y>" in every transaction that
 * writes a report of year y. A year's counts depend on that year's reports and, through its departments (expected
 * once seen in this or an earlier year), on every earlier year's: its snapshot records the sum of the versions of
 * "year:<y>" for every y up to its year, read in the same statement (so the same MVCC snapshot) as its rows; it is used
 * while that sum is unchanged and rebuilt on the first read after an ingest changed that year or an earlier one (only
 * those years), serialised per year across app instances by an advisory lock. It lives in PostgreSQL, nothing in a
 * process. (Like the region sums, a change to an agency alone, without a report of it, moves only "all".)
 */
import type { Db } from "@/lib/db/client";
import { changesSince, patchableSql, PATCH_CHANGES, type RefreshHow } from "@/lib/db/change-log";
import { IS_REGION_GOVERNMENT } from "@/lib/db/coverage-sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** How long one rebuild may take before the transaction gives up (every latest report up to the year is read once). */
const BUILD_TIMEOUT_MS = 120_000;

/** SQL: the data version a year's coverage is computed from, the sum of "year:<y>" over the years y up to `year`. */
function versionOf(year: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(sum(d."version"), 0) FROM "DataVersion" d
    WHERE d."scope" LIKE 'year:%' AND (CASE WHEN d."scope" ~ '^year:-?[0-9]{1,9}$' THEN substr(d."scope", 6)::int END) <= ${year})`;
}

/** SQL: the id of the year's fresh snapshot (NULL when there is none for its current data version). */
export function freshCoverageId(year: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT s."id" FROM "CoverageSnapshot" s
    WHERE s."year" = ${year} AND s."version" = ${versionOf(year)}
    ORDER BY s."id" DESC LIMIT 1)`;
}

/**
 * The CTEs of one year's coverage over the latest reports `restrict` keeps (a condition over `"Report" r`): "gov" the
 * governments collected that year (a region counts once however many of its government's reports), and "counts" the
 * rows of "CoverageCount" but the snapshot id: the departments with a latest report in that year or an earlier one
 * (expected once seen, collected when they have that year's report), and the counts per scope through GROUPING SETS;
 * departments are counted all of them (level 0) and by their own level (level −1 省级 … −4 乡级; a body of unknown level
 * only in level 0). The latest reports up to the year are first reduced to one row per body and region (in the year or
 * not), so the government test and the joins run once per body, not once per report. Besides the scopes pages read, the
 * bodies without a province are counted under scopeLevel 1 and scopeCode '' (never read: it makes the country's rows
 * the sum of the scopeLevel 1 rows, which a patch recomputes them from). A row is right when `restrict` keeps every
 * report of its scope.
 */
function coverageCtes(year: number, restrict: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  seen AS (
    SELECT r."agencyId", r."regionCode", r."provinceCode", r."prefectureCode", r."countyCode",
           bool_or(r."year" = ${year}::int) AS "collected"
    FROM "Report" r
    WHERE r."isLatest" AND r."year" <= ${year}::int AND (${restrict})
    GROUP BY r."agencyId", r."regionCode", r."provinceCode", r."prefectureCode", r."countyCode"
  ), latest AS MATERIALIZED (
    SELECT r.*, g."level", ${IS_REGION_GOVERNMENT} AS "isGovernment",
           CASE a."level" WHEN '省' THEN 1 WHEN '市' THEN 2 WHEN '县' THEN 3 WHEN '乡' THEN 4 END AS "agencyLevel"
    FROM seen r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
  ), gov AS MATERIALIZED (
    SELECT DISTINCT ON ("regionCode") ${year}::int AS "year", "regionCode", "level", "provinceCode", "prefectureCode", "countyCode"
    FROM latest WHERE "isGovernment" AND "collected" ORDER BY "regionCode"
  ), dep AS (
    SELECT "agencyId", "agencyLevel", "regionCode", "provinceCode", "prefectureCode", "countyCode", "collected"
    FROM latest WHERE NOT "isGovernment"
  ), govCounts AS (
    SELECT CASE WHEN GROUPING("regionCode") = 0 THEN 4 WHEN GROUPING("countyCode") = 0 THEN 3
                WHEN GROUPING("prefectureCode") = 0 THEN 2 WHEN GROUPING("provinceCode") = 0 THEN 1 ELSE 0 END AS "scopeLevel",
           coalesce("regionCode", "countyCode", "prefectureCode", "provinceCode", '') AS "scopeCode",
           ${year}::int AS "year", "level", NULL::int AS "expected", COUNT(*)::int AS "collected"
    FROM gov WHERE "level" IS NOT NULL
    GROUP BY GROUPING SETS (("level"), ("provinceCode", "level"), ("prefectureCode", "level"),
                            ("countyCode", "level"), ("regionCode", "level"))
  ), depCounts AS (
    SELECT CASE WHEN GROUPING(dep."regionCode") = 0 THEN 4 WHEN GROUPING(dep."countyCode") = 0 THEN 3
                WHEN GROUPING(dep."prefectureCode") = 0 THEN 2 WHEN GROUPING(dep."provinceCode") = 0 THEN 1 ELSE 0 END AS "scopeLevel",
           coalesce(dep."regionCode", dep."countyCode", dep."prefectureCode", dep."provinceCode", '') AS "scopeCode",
           ${year}::int AS "year", CASE WHEN GROUPING(dep."agencyLevel") = 0 THEN -dep."agencyLevel" ELSE 0 END AS "level",
           COUNT(*)::int AS "expected",
           (COUNT(*) FILTER (WHERE dep."collected"))::int AS "collected"
    FROM dep
    GROUP BY GROUPING SETS ((), (dep."provinceCode"), (dep."prefectureCode"), (dep."countyCode"), (dep."regionCode"),
                            (dep."agencyLevel"), (dep."agencyLevel", dep."provinceCode"), (dep."agencyLevel", dep."prefectureCode"),
                            (dep."agencyLevel", dep."countyCode"), (dep."agencyLevel", dep."regionCode"))
    HAVING COUNT(*) > 0
  ), counts AS (
    SELECT c.* FROM (SELECT * FROM govCounts UNION ALL SELECT * FROM depCounts) c
    WHERE (c."scopeCode" <> '' OR c."scopeLevel" <= 1) AND c."level" IS NOT NULL
  )`;
}

const allVersion = Prisma.sql`(SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = 'all')`;

/**
 * ONE statement for one year: its coverage (coverageCtes over every latest report up to the year), written under a new
 * snapshot recording the year's data version and the "all" version (the change log's clock) read by this statement.
 * Read for every year from the first stored to the last (a year between without a report expects the departments seen).
 */
export function buildCoverageSql(year: number): Prisma.Sql {
  return Prisma.sql`
  WITH snap AS (
    INSERT INTO "CoverageSnapshot" ("year", "version", "allVersion") SELECT ${year}::int, ${versionOf(Prisma.sql`${year}::int`)}, ${allVersion}
    RETURNING "id"
  ), ${coverageCtes(year, Prisma.sql`true`)},
  govWritten AS (
    INSERT INTO "CoverageGovernment" ("snapshotId", "year", "regionCode", "level", "provinceCode", "prefectureCode", "countyCode")
    SELECT snap."id", gov.* FROM gov CROSS JOIN snap
    RETURNING 1
  ), countsWritten AS (
    INSERT INTO "CoverageCount" ("snapshotId", "scopeLevel", "scopeCode", "year", "level", "expected", "collected")
    SELECT snap."id", c.* FROM counts c CROSS JOIN snap
    RETURNING 1
  )
  SELECT snap."id", (SELECT COUNT(*) FROM govWritten)::int AS "governments", (SELECT COUNT(*) FROM countsWritten)::int AS "counts"
  FROM snap`;
}

/**
 * ONE statement: bring the year's snapshot `id` (stale, computed at "all" version A at or after the change log's
 * horizon of every year up to it) up to its current data version by recomputing only the scopes the changes since A
 * touch (ReportChange of the year or an earlier one: a department seen earlier is expected): every province (or none,
 * scopeCode ''), prefecture, county and region holding a changed report before or after its change. Their rows are
 * recomputed from the reports of those scopes only (coverageCtes restricted to them), the country's rows from the
 * province rows (kept and recomputed), and the governments of the changed regions; rows are updated, inserted or
 * deleted, every other row is left as it is. The versions, the log and the reports are read in this one statement (one
 * MVCC snapshot), like a build. Run under the year's build lock.
 */
export function patchCoverageSql(id: number, year: number): Prisma.Sql {
  const inScope = (level: number, column: Prisma.Sql): Prisma.Sql =>
    Prisma.sql`${column} IN (SELECT a."scopeCode" FROM aff a WHERE a."scopeLevel" = ${level}::int)`;
  const restrict = Prisma.sql`${inScope(1, Prisma.sql`coalesce(r."provinceCode", '')`)} OR ${inScope(2, Prisma.sql`r."prefectureCode"`)}
    OR ${inScope(3, Prisma.sql`r."countyCode"`)} OR ${inScope(4, Prisma.sql`r."regionCode"`)}`;
  const same = (a: string, b: string): Prisma.Sql =>
    Prisma.raw(`${a}."scopeLevel" = ${b}."scopeLevel" AND ${a}."scopeCode" = ${b}."scopeCode" AND ${a}."level" = ${b}."level"`);
  return Prisma.sql`
  WITH cur AS (SELECT ${versionOf(Prisma.sql`${year}::int`)} AS "version", ${allVersion} AS "all"),
  snap AS (SELECT s."id", s."allVersion" FROM "CoverageSnapshot" s WHERE s."id" = ${id}::int),
  chg AS (
    SELECT c.* FROM "ReportChange" c, snap, cur
    WHERE c."year" <= ${year}::int AND c."allVersion" > snap."allVersion" AND c."allVersion" <= cur."all"
  ), aff AS MATERIALIZED (
    SELECT DISTINCT v."scopeLevel", v."scopeCode"
    FROM chg CROSS JOIN LATERAL (VALUES (1, coalesce(chg."provinceCode", '')), (2, chg."prefectureCode"), (3, chg."countyCode"),
                                        (4, chg."regionCode")) AS v("scopeLevel", "scopeCode")
    WHERE v."scopeCode" IS NOT NULL
  ), ${coverageCtes(year, restrict)},
  fresh AS MATERIALIZED (
    SELECT c.* FROM counts c JOIN aff ON aff."scopeLevel" = c."scopeLevel" AND aff."scopeCode" = c."scopeCode"
  ), country AS (
    SELECT 0 AS "scopeLevel", '' AS "scopeCode", ${year}::int AS "year", p."level",
           sum(p."expected")::int AS "expected", sum(p."collected")::int AS "collected"
    FROM (SELECT o."level", o."expected", o."collected" FROM "CoverageCount" o
          WHERE o."snapshotId" = ${id}::int AND o."year" = ${year}::int AND o."scopeLevel" = 1
            AND NOT EXISTS (SELECT 1 FROM aff WHERE aff."scopeLevel" = 1 AND aff."scopeCode" = o."scopeCode")
          UNION ALL
          SELECT f."level", f."expected", f."collected" FROM fresh f WHERE f."scopeLevel" = 1) p
    GROUP BY p."level"
  ), next AS MATERIALIZED (
    SELECT * FROM fresh UNION ALL SELECT * FROM country
  ), old AS MATERIALIZED (
    SELECT o."scopeLevel", o."scopeCode", o."level" FROM "CoverageCount" o
    JOIN (SELECT a."scopeLevel", a."scopeCode" FROM aff a UNION ALL SELECT 0, '') a
      ON a."scopeLevel" = o."scopeLevel" AND a."scopeCode" = o."scopeCode"
    WHERE o."snapshotId" = ${id}::int AND o."year" = ${year}::int
  ), updated AS (
    UPDATE "CoverageCount" o SET "expected" = n."expected", "collected" = n."collected"
    FROM next n WHERE o."snapshotId" = ${id}::int AND o."year" = ${year}::int AND ${same("o", "n")}
    RETURNING 1
  ), inserted AS (
    INSERT INTO "CoverageCount" ("snapshotId", "scopeLevel", "scopeCode", "year", "level", "expected", "collected")
    SELECT ${id}::int, n.* FROM next n WHERE NOT EXISTS (SELECT 1 FROM old o WHERE ${same("o", "n")})
    RETURNING 1
  ), deleted AS (
    DELETE FROM "CoverageCount" x USING old o
    WHERE x."snapshotId" = ${id}::int AND x."year" = ${year}::int AND ${same("x", "o")}
      AND NOT EXISTS (SELECT 1 FROM next n WHERE ${same("o", "n")})
    RETURNING 1
  ), govNext AS MATERIALIZED (
    SELECT g.* FROM gov g WHERE g."regionCode" IN (SELECT a."scopeCode" FROM aff a WHERE a."scopeLevel" = 4)
  ), govOld AS MATERIALIZED (
    SELECT o."regionCode" FROM "CoverageGovernment" o
    WHERE o."snapshotId" = ${id}::int AND o."year" = ${year}::int
      AND o."regionCode" IN (SELECT a."scopeCode" FROM aff a WHERE a."scopeLevel" = 4)
  ), govUpdated AS (
    UPDATE "CoverageGovernment" o SET "level" = n."level", "provinceCode" = n."provinceCode", "prefectureCode" = n."prefectureCode",
                                      "countyCode" = n."countyCode"
    FROM govNext n WHERE o."snapshotId" = ${id}::int AND o."year" = ${year}::int AND o."regionCode" = n."regionCode"
    RETURNING 1
  ), govInserted AS (
    INSERT INTO "CoverageGovernment" ("snapshotId", "year", "regionCode", "level", "provinceCode", "prefectureCode", "countyCode")
    SELECT ${id}::int, n.* FROM govNext n WHERE NOT EXISTS (SELECT 1 FROM govOld o WHERE o."regionCode" = n."regionCode")
    RETURNING 1
  ), govDeleted AS (
    DELETE FROM "CoverageGovernment" x USING govOld o
    WHERE x."snapshotId" = ${id}::int AND x."year" = ${year}::int AND x."regionCode" = o."regionCode"
      AND NOT EXISTS (SELECT 1 FROM govNext n WHERE n."regionCode" = o."regionCode")
    RETURNING 1
  ), header AS (
    UPDATE "CoverageSnapshot" s SET "version" = cur."version", "allVersion" = cur."all", "builtAt" = now()
    FROM cur WHERE s."id" = ${id}::int
    RETURNING s."id"
  )
  SELECT (SELECT "id" FROM header) AS "id", (SELECT COUNT(*) FROM aff)::int AS "scopes",
         ((SELECT COUNT(*) FROM updated) + (SELECT COUNT(*) FROM inserted) + (SELECT COUNT(*) FROM deleted)
          + (SELECT COUNT(*) FROM govUpdated) + (SELECT COUNT(*) FROM govInserted) + (SELECT COUNT(*) FROM govDeleted))::int AS "rows"`;
}

/**
 * Build the year's coverage snapshot unless one for its current data version exists (serialised per year across
 * processes by an advisory lock; a waiter reuses the winner's build). Returns its id. The previous snapshot of the year
 * is kept for readers still using it; older ones of the year are deleted.
 */
export async function buildCoverageSnapshot(db: Db, year: number): Promise<number> {
  return (await refreshCoverageSnapshot(db, year)).id;
}

/**
 * buildCoverageSnapshot, saying how: the year was `fresh` already (built meanwhile by another process), its newest
 * snapshot was `patched` from the change log (patchCoverageSql: only the scopes the changes touch; when the snapshot
 * was computed after the log's horizon and the changes are at most PATCH_CHANGES), or a new snapshot was `built`.
 */
export async function refreshCoverageSnapshot(db: Db, year: number): Promise<{ id: number; how: RefreshHow }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ogi:coverage:${year}`}))`;
      const [built] = await tx.$queryRaw<{ id: number | null }[]>`SELECT ${freshCoverageId(Prisma.sql`${year}::int`)} AS "id"`;
      if (built?.id != null) return { id: built.id, how: "fresh" as const };
      const [target] = await tx.$queryRaw<{ id: number; changes: number }[]>`
        SELECT s."id", ${changesSince(Prisma.sql`c."year" <= ${year}::int`, Prisma.sql`s."allVersion"`)} AS "changes"
        FROM "CoverageSnapshot" s
        WHERE s."id" = (SELECT max(n."id") FROM "CoverageSnapshot" n WHERE n."year" = ${year}::int)
          AND ${patchableSql(Prisma.sql`s."allVersion"`, Prisma.sql`h."year" <= ${year}::int`)}`;
      if (target && target.changes <= PATCH_CHANGES) {
        await tx.$queryRaw(patchCoverageSql(target.id, year));
        return { id: target.id, how: "patched" as const };
      }
      const [row] = await tx.$queryRaw<{ id: number }[]>(buildCoverageSql(year));
      await tx.$executeRaw`
        DELETE FROM "CoverageSnapshot" WHERE "year" = ${year}::int AND "id" < (
          SELECT coalesce(max("id"), 0) FROM "CoverageSnapshot" WHERE "year" = ${year}::int AND "id" < ${row!.id}::int)`;
      return { id: row!.id, how: "built" as const };
    },
    { timeout: BUILD_TIMEOUT_MS, maxWait: BUILD_TIMEOUT_MS },
  );
}
