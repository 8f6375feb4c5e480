/**
 * 地区合计 stored per data version: the latest OWN reports (本机关报告) of every region and year added up once — for
 * each region figure its sum and how many reports state it; for each rate the sums of numerator and denominator over
 * the reports that state both — with the number of own reports and of governments that have a report. The region
 * comparison and the region page read a few of these rows by key instead of summing every report under a region.
 * Summary reports (汇总报告) are never added into a sum; the region comparison takes them from "Report" by key.
 *
 * A region is matched as `underRegion` (coverage-sql.ts) matches reports: a province on "provinceCode", a prefecture on
 * "prefectureCode", a county on "countyCode", anything below on "regionCode" (scopeLevel 1–4).
 *
 * Freshness as in the coverage store (coverage-store.ts): the snapshot records DataVersion "all" in the same statement
 * (so the same MVCC snapshot) as its rows; it is used while "all" still equals it and rebuilt on the first read after
 * a write moved it, serialised across app instances by an advisory lock. `key` is a hash of the build statement, so a
 * change of figures or rules never reads an old snapshot. It lives in PostgreSQL, nothing in a process.
 */
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { IS_REGION_GOVERNMENT } from "@/lib/db/coverage-sql";
import { getFigure } from "@/lib/figures/figures";
import { REGION_FIGURE_KEYS, REGION_PAGE_FIGURE_KEYS } from "@/lib/figures/region-figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRegion } from "@/lib/regions/gazetteer";

/** The figures added up: those regions are compared on and those the region page shows. */
export const REGION_SUM_FIGURE_KEYS = [...new Set([...REGION_FIGURE_KEYS, ...REGION_PAGE_FIGURE_KEYS])];
export type RegionSumFigureKey = (typeof REGION_SUM_FIGURE_KEYS)[number];

const col = (name: string): Prisma.Sql => Prisma.raw(`l."${name}"`);

/** One slot of "sums": its name (RegionSumSnapshot.parts) and the aggregate over the `latest` rows. */
type Part = { name: string; sql: Prisma.Sql };

/**
 * The slots, per figure: a count `key` (sum over own reports) and `key#n` (how many state it); a rate `key:n`, `key:d`
 * (sums over the own reports that state both counts) and `key#n` (how many do).
 */
const PARTS: Part[] = REGION_SUM_FIGURE_KEYS.flatMap((key): Part[] => {
  const c = getFigure(key).columns;
  if (!c.numerator || !c.denominator) {
    return [
      { name: key, sql: Prisma.sql`sum(${col(c.value)}) FILTER (WHERE l."own")::float8` },
      { name: `${key}#n`, sql: Prisma.sql`(COUNT(${col(c.value)}) FILTER (WHERE l."own"))::float8` },
    ];
  }
  const both = Prisma.sql`l."own" AND ${col(c.numerator)} IS NOT NULL AND ${col(c.denominator)} IS NOT NULL`;
  return [
    { name: `${key}:n`, sql: Prisma.sql`sum(${col(c.numerator)}) FILTER (WHERE ${both})::float8` },
    { name: `${key}:d`, sql: Prisma.sql`sum(${col(c.denominator)}) FILTER (WHERE ${both})::float8` },
    { name: `${key}#n`, sql: Prisma.sql`(COUNT(*) FILTER (WHERE ${both}))::float8` },
  ];
});
const PART_NAMES = PARTS.map((p) => p.name);
const PART_INDEX = new Map(PART_NAMES.map((name, i) => [name, i]));

const FIGURE_COLUMNS = Prisma.raw(
  [
    ...new Set(
      REGION_SUM_FIGURE_KEYS.flatMap((k) => {
        const c = getFigure(k).columns;
        return c.numerator && c.denominator ? [c.numerator, c.denominator] : [c.value];
      }),
    ),
  ]
    .map((name) => `r."${name}"`)
    .join(", "),
);

/**
 * ONE statement: the latest reports with their figure columns (a government counts once per region and year, however
 * many of its reports), the sums per province / prefecture / county / region and year through GROUPING SETS, written
 * under a new snapshot that records DataVersion "all" as read by this statement. Regions of level 1–3 are stored only
 * under their own column (a province's code is never a scopeLevel 4 row).
 */
function buildSql(key: string): Prisma.Sql {
  return Prisma.sql`
  WITH snap AS (
    INSERT INTO "RegionSumSnapshot" ("key", "version", "parts")
    SELECT ${key}, coalesce(max(d."version"), 0), ${PART_NAMES}::text[] FROM "DataVersion" d WHERE d."scope" = 'all'
    RETURNING "id"
  ), latest AS (
    SELECT r."year", r."regionCode", r."provinceCode", r."prefectureCode", r."countyCode", g."level" AS "regionLevel",
           r."scope" = 'own' AS "own", ${FIGURE_COLUMNS},
           ${IS_REGION_GOVERNMENT} AS "isGovernment"
    FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
    WHERE r."isLatest"
  ), counted AS (
    SELECT l.*, l."isGovernment" AND ROW_NUMBER() OVER (PARTITION BY l."year", l."regionCode", l."isGovernment") = 1 AS "firstGovernment"
    FROM latest l
  ), sums AS (
    SELECT CASE WHEN GROUPING(l."regionCode") = 0 THEN 4 WHEN GROUPING(l."countyCode") = 0 THEN 3
                WHEN GROUPING(l."prefectureCode") = 0 THEN 2 ELSE 1 END AS "scopeLevel",
           CASE WHEN GROUPING(l."regionCode") = 0 THEN l."regionCode" WHEN GROUPING(l."countyCode") = 0 THEN l."countyCode"
                WHEN GROUPING(l."prefectureCode") = 0 THEN l."prefectureCode" ELSE l."provinceCode" END AS "scopeCode",
           l."regionLevel", l."year",
           (COUNT(*) FILTER (WHERE l."own"))::int AS "reports",
           (COUNT(*) FILTER (WHERE l."firstGovernment"))::int AS "governments",
           ARRAY[${Prisma.join(
             PARTS.map((p) => p.sql),
             ", ",
           )}]::float8[] AS "sums"
    FROM counted l
    GROUP BY GROUPING SETS ((l."provinceCode", l."year"), (l."prefectureCode", l."year"), (l."countyCode", l."year"),
                            (l."regionCode", l."regionLevel", l."year"))
  ), written AS (
    INSERT INTO "RegionSum" ("snapshotId", "scopeLevel", "scopeCode", "year", "reports", "governments", "sums")
    SELECT snap."id", s."scopeLevel", s."scopeCode", s."year", s."reports", s."governments", s."sums"
    FROM sums s CROSS JOIN snap
    WHERE s."scopeCode" IS NOT NULL AND (s."scopeLevel" < 4 OR s."regionLevel" IS NULL OR s."regionLevel" >= 4)
    RETURNING 1
  )
  SELECT snap."id", (SELECT COUNT(*) FROM written)::int AS "rows" FROM snap`;
}

const BUILD_SQL = buildSql("");
/** The build definition's key: a hash of the statement (its figures, filters and slots). */
const KEY = `region-sums:${createHash("sha256")
  .update(JSON.stringify([BUILD_SQL.strings, BUILD_SQL.values]))
  .digest("base64url")
  .slice(0, 32)}`;

/** How long one rebuild may take before the transaction gives up (every latest report is read once). */
const BUILD_TIMEOUT_MS = 120_000;

async function findFresh(db: Db | Prisma.TransactionClient): Promise<number | null> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT s."id" FROM "RegionSumSnapshot" s
    WHERE s."key" = ${KEY}
      AND s."version" = (SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = 'all')
    ORDER BY s."id" DESC LIMIT 1`;
  return rows[0]?.id ?? null;
}

/**
 * The id of the region-sum snapshot for the current data, built when missing or stale (one cheap indexed query when
 * fresh). The previous snapshot is kept for readers still using it; older ones (and those of other keys) are deleted.
 */
export async function ensureRegionSumSnapshot(db: Db): Promise<number> {
  const fresh = await findFresh(db);
  if (fresh !== null) return fresh;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ogi:region-sums'))`;
      const built = await findFresh(tx);
      if (built !== null) return built;
      const [row] = await tx.$queryRaw<{ id: number }[]>(buildSql(KEY));
      await tx.$executeRaw`
        DELETE FROM "RegionSumSnapshot" WHERE "id" < (
          SELECT coalesce(max("id"), 0) FROM "RegionSumSnapshot" WHERE "id" < ${row!.id}::int)`;
      return row!.id;
    },
    { timeout: BUILD_TIMEOUT_MS, maxWait: BUILD_TIMEOUT_MS },
  );
}

/** The stored scope of a region: the column `underRegion` filters its reports on (1–3 by level, else 4). */
export function storedScope(code: string): { scopeLevel: number; scopeCode: string } {
  const level = getRegion(code)?.level;
  return { scopeLevel: level === 1 || level === 2 || level === 3 ? level : 4, scopeCode: code };
}

/** One region and year as stored. */
export type RegionSum = {
  code: string;
  year: number;
  /** latest own reports */
  reports: number;
  /** regions at and below it whose government has a latest report this year */
  governments: number;
  /** a count figure: its sum (null when no report states it) and how many reports state it */
  count(key: RegionSumFigureKey): { sum: number | null; n: number };
  /** a rate: summed numerator and denominator over the reports stating both (null when none), and how many do */
  rate(key: RegionSumFigureKey): { numerator: number | null; denominator: number | null; n: number };
};

type StoredRow = { scopeCode: string; year: number; reports: number; governments: number; sums: (number | null)[] };

function toRegionSum(row: StoredRow): RegionSum {
  const at = (name: string): number | null => row.sums[PART_INDEX.get(name)!] ?? null;
  return {
    code: row.scopeCode,
    year: row.year,
    reports: row.reports,
    governments: row.governments,
    count: (key) => ({ sum: at(key), n: at(`${key}#n`) ?? 0 }),
    rate: (key) => ({ numerator: at(`${key}:n`), denominator: at(`${key}:d`), n: at(`${key}#n`) ?? 0 }),
  };
}

/** The stored sums of some regions in one year (a region without any latest report that year has no row). */
export async function readRegionSums(db: Db, codes: string[], year: number): Promise<RegionSum[]> {
  if (codes.length === 0) return [];
  const snapshotId = await ensureRegionSumSnapshot(db);
  const scopes = codes.map(storedScope);
  const rows = await db.$queryRaw<StoredRow[]>`
    SELECT s."scopeCode", s."year", s."reports", s."governments", s."sums"
    FROM unnest(${scopes.map((s) => s.scopeLevel)}::int[], ${scopes.map((s) => s.scopeCode)}::text[]) AS c("scopeLevel", "scopeCode")
    JOIN "RegionSum" s ON s."snapshotId" = ${snapshotId}::int AND s."scopeLevel" = c."scopeLevel"
      AND s."scopeCode" = c."scopeCode" AND s."year" = ${year}::int`;
  return rows.map(toRegionSum);
}

/** The stored sums of one region for every year that has a latest report under it, oldest first. */
export async function readRegionYearSums(db: Db, code: string): Promise<RegionSum[]> {
  const snapshotId = await ensureRegionSumSnapshot(db);
  const { scopeLevel, scopeCode } = storedScope(code);
  const rows = await db.$queryRaw<StoredRow[]>`
    SELECT s."scopeCode", s."year", s."reports", s."governments", s."sums" FROM "RegionSum" s
    WHERE s."snapshotId" = ${snapshotId}::int AND s."scopeLevel" = ${scopeLevel}::int AND s."scopeCode" = ${scopeCode}
    ORDER BY s."year"`;
  return rows.map(toRegionSum);
}
