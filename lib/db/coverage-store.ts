/**
 * 收录情况 stored per data version: who of the expected publishers has a report, counted once for every scope
 * (the country, each province, prefecture, county and region) and year, so a coverage line costs one indexed read
 * instead of a scan of every report under the region.
 *
 * Like the ranking snapshots (ranking-store.ts): the snapshot records DataVersion "all" in the same statement (so the
 * same MVCC snapshot) as its rows; it is used while "all" still equals it and rebuilt on the first read after any write
 * moved it, serialised across app instances by an advisory lock. It lives in PostgreSQL, nothing in a process.
 */
import type { Db } from "@/lib/db/client";
import { IS_REGION_GOVERNMENT } from "@/lib/db/coverage-sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** How long one rebuild may take before the transaction gives up (every latest report is read once). */
const BUILD_TIMEOUT_MS = 120_000;
const LOCK_KEY = "ogi:coverage";

async function findFresh(db: Db | Prisma.TransactionClient): Promise<number | null> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT s."id" FROM "CoverageSnapshot" s
    WHERE s."version" = (SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = 'all')
    ORDER BY s."id" DESC LIMIT 1`;
  return rows[0]?.id ?? null;
}

/**
 * ONE statement: the governments collected per year (a region counts once however many of its government's reports),
 * the departments with their first year, and the counts per scope through GROUPING SETS; departments are counted for
 * every year from the first stored to the last (expected once seen, collected when they have that year's report), all
 * of them (level 0) and by their own level (level −1 省级 … −4 乡级; a body of unknown level only in level 0).
 */
const BUILD_SQL = Prisma.sql`
  WITH snap AS (
    INSERT INTO "CoverageSnapshot" ("version")
    SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = 'all'
    RETURNING "id"
  ), latest AS MATERIALIZED (
    SELECT r."agencyId", r."year", r."regionCode", r."provinceCode", r."prefectureCode", r."countyCode", g."level",
           ${IS_REGION_GOVERNMENT} AS "isGovernment",
           CASE a."level" WHEN '省' THEN 1 WHEN '市' THEN 2 WHEN '县' THEN 3 WHEN '乡' THEN 4 END AS "agencyLevel"
    FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
    WHERE r."isLatest"
  ), gov AS MATERIALIZED (
    SELECT DISTINCT ON ("year", "regionCode") "year", "regionCode", "level", "provinceCode", "prefectureCode", "countyCode"
    FROM latest WHERE "isGovernment" ORDER BY "year", "regionCode"
  ), govWritten AS (
    INSERT INTO "CoverageGovernment" ("snapshotId", "year", "regionCode", "level", "provinceCode", "prefectureCode", "countyCode")
    SELECT snap."id", gov.* FROM gov CROSS JOIN snap
    RETURNING 1
  ), dep AS MATERIALIZED (
    SELECT "agencyId", "agencyLevel", "regionCode", "provinceCode", "prefectureCode", "countyCode", min("year") AS "first",
           array_agg("year") AS "years"
    FROM latest WHERE NOT "isGovernment"
    GROUP BY "agencyId", "agencyLevel", "regionCode", "provinceCode", "prefectureCode", "countyCode"
  ), span AS (
    SELECT y::int AS "year" FROM generate_series((SELECT min("year") FROM latest), (SELECT max("year") FROM latest)) AS y
  ), govCounts AS (
    SELECT CASE WHEN GROUPING("regionCode") = 0 THEN 4 WHEN GROUPING("countyCode") = 0 THEN 3
                WHEN GROUPING("prefectureCode") = 0 THEN 2 WHEN GROUPING("provinceCode") = 0 THEN 1 ELSE 0 END AS "scopeLevel",
           coalesce("regionCode", "countyCode", "prefectureCode", "provinceCode", '') AS "scopeCode",
           "year", "level", NULL::int AS "expected", COUNT(*)::int AS "collected"
    FROM gov WHERE "level" IS NOT NULL
    GROUP BY GROUPING SETS (("year", "level"), ("provinceCode", "year", "level"), ("prefectureCode", "year", "level"),
                            ("countyCode", "year", "level"), ("regionCode", "year", "level"))
  ), depCounts AS (
    SELECT CASE WHEN GROUPING(dep."regionCode") = 0 THEN 4 WHEN GROUPING(dep."countyCode") = 0 THEN 3
                WHEN GROUPING(dep."prefectureCode") = 0 THEN 2 WHEN GROUPING(dep."provinceCode") = 0 THEN 1 ELSE 0 END AS "scopeLevel",
           coalesce(dep."regionCode", dep."countyCode", dep."prefectureCode", dep."provinceCode", '') AS "scopeCode",
           span."year", CASE WHEN GROUPING(dep."agencyLevel") = 0 THEN -dep."agencyLevel" ELSE 0 END AS "level",
           (COUNT(*) FILTER (WHERE dep."first" <= span."year"))::int AS "expected",
           (COUNT(*) FILTER (WHERE span."year" = ANY(dep."years")))::int AS "collected"
    FROM dep CROSS JOIN span
    GROUP BY GROUPING SETS ((span."year"), (dep."provinceCode", span."year"), (dep."prefectureCode", span."year"),
                            (dep."countyCode", span."year"), (dep."regionCode", span."year"),
                            (dep."agencyLevel", span."year"), (dep."agencyLevel", dep."provinceCode", span."year"),
                            (dep."agencyLevel", dep."prefectureCode", span."year"), (dep."agencyLevel", dep."countyCode", span."year"),
                            (dep."agencyLevel", dep."regionCode", span."year"))
  ), countsWritten AS (
    INSERT INTO "CoverageCount" ("snapshotId", "scopeLevel", "scopeCode", "year", "level", "expected", "collected")
    SELECT snap."id", c.* FROM (SELECT * FROM govCounts UNION ALL SELECT * FROM depCounts) c CROSS JOIN snap
    WHERE (c."scopeCode" <> '' OR c."scopeLevel" = 0) AND c."level" IS NOT NULL
    RETURNING 1
  )
  SELECT snap."id", (SELECT COUNT(*) FROM govWritten)::int AS "governments", (SELECT COUNT(*) FROM countsWritten)::int AS "counts"
  FROM snap`;

/**
 * The id of the coverage snapshot for the current data, built when missing or stale (one cheap indexed query when
 * fresh). The previous snapshot is kept for readers still using it; older ones are deleted.
 */
export async function ensureCoverageSnapshot(db: Db): Promise<number> {
  const fresh = await findFresh(db);
  if (fresh !== null) return fresh;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LOCK_KEY}))`;
      const built = await findFresh(tx);
      if (built !== null) return built;
      const [row] = await tx.$queryRaw<{ id: number }[]>(BUILD_SQL);
      await tx.$executeRaw`
        DELETE FROM "CoverageSnapshot" WHERE "id" < (
          SELECT coalesce(max("id"), 0) FROM "CoverageSnapshot" WHERE "id" < ${row!.id}::int)`;
      return row!.id;
    },
    { timeout: BUILD_TIMEOUT_MS, maxWait: BUILD_TIMEOUT_MS },
  );
}
