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
 * ONE statement for one year: the governments collected that year (a region counts once however many of its
 * government's reports), the departments with a latest report in that year or an earlier one (expected once seen,
 * collected when they have that year's report), and the counts per scope through GROUPING SETS; departments are counted
 * all of them (level 0) and by their own level (level −1 省级 … −4 乡级; a body of unknown level only in level 0).
 * Read for every year from the first stored to the last (a year between without a report expects the departments seen).
 * The latest reports up to the year are first reduced to one row per body and region (in the year or not), so the
 * government test and the joins run once per body, not once per report.
 */
export function buildCoverageSql(year: number): Prisma.Sql {
  return Prisma.sql`
  WITH snap AS (
    INSERT INTO "CoverageSnapshot" ("year", "version") SELECT ${year}::int, ${versionOf(Prisma.sql`${year}::int`)}
    RETURNING "id"
  ), seen AS (
    SELECT r."agencyId", r."regionCode", r."provinceCode", r."prefectureCode", r."countyCode",
           bool_or(r."year" = ${year}::int) AS "collected"
    FROM "Report" r
    WHERE r."isLatest" AND r."year" <= ${year}::int
    GROUP BY r."agencyId", r."regionCode", r."provinceCode", r."prefectureCode", r."countyCode"
  ), latest AS MATERIALIZED (
    SELECT r.*, g."level", ${IS_REGION_GOVERNMENT} AS "isGovernment",
           CASE a."level" WHEN '省' THEN 1 WHEN '市' THEN 2 WHEN '县' THEN 3 WHEN '乡' THEN 4 END AS "agencyLevel"
    FROM seen r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
  ), gov AS MATERIALIZED (
    SELECT DISTINCT ON ("regionCode") ${year}::int AS "year", "regionCode", "level", "provinceCode", "prefectureCode", "countyCode"
    FROM latest WHERE "isGovernment" AND "collected" ORDER BY "regionCode"
  ), govWritten AS (
    INSERT INTO "CoverageGovernment" ("snapshotId", "year", "regionCode", "level", "provinceCode", "prefectureCode", "countyCode")
    SELECT snap."id", gov.* FROM gov CROSS JOIN snap
    RETURNING 1
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
  ), countsWritten AS (
    INSERT INTO "CoverageCount" ("snapshotId", "scopeLevel", "scopeCode", "year", "level", "expected", "collected")
    SELECT snap."id", c.* FROM (SELECT * FROM govCounts UNION ALL SELECT * FROM depCounts) c CROSS JOIN snap
    WHERE (c."scopeCode" <> '' OR c."scopeLevel" = 0) AND c."level" IS NOT NULL
    RETURNING 1
  )
  SELECT snap."id", (SELECT COUNT(*) FROM govWritten)::int AS "governments", (SELECT COUNT(*) FROM countsWritten)::int AS "counts"
  FROM snap`;
}

/**
 * Build the year's coverage snapshot unless one for its current data version exists (serialised per year across
 * processes by an advisory lock; a waiter reuses the winner's build). Returns its id. The previous snapshot of the year
 * is kept for readers still using it; older ones of the year are deleted.
 */
export async function buildCoverageSnapshot(db: Db, year: number): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ogi:coverage:${year}`}))`;
      const [built] = await tx.$queryRaw<{ id: number | null }[]>`SELECT ${freshCoverageId(Prisma.sql`${year}::int`)} AS "id"`;
      if (built?.id != null) return built.id;
      const [row] = await tx.$queryRaw<{ id: number }[]>(buildCoverageSql(year));
      await tx.$executeRaw`
        DELETE FROM "CoverageSnapshot" WHERE "year" = ${year}::int AND "id" < (
          SELECT coalesce(max("id"), 0) FROM "CoverageSnapshot" WHERE "year" = ${year}::int AND "id" < ${row!.id}::int)`;
      return row!.id;
    },
    { timeout: BUILD_TIMEOUT_MS, maxWait: BUILD_TIMEOUT_MS },
  );
}
