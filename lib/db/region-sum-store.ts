/**
 * 地区合计 stored per year and data version: the latest OWN reports (本机关报告) of every region added up once per year —
 * for each region figure its sum and how many reports state it; for each rate the sums of numerator and denominator
 * over the reports that state both — with the number of own reports and of governments that have a report. The region
 * comparison and the region page read a few of these rows by key instead of summing every report under a region.
 * Summary reports (汇总报告) are never added into a sum; the region comparison takes them from "Report" by key.
 *
 * A region is matched as `underRegion` (coverage-sql.ts) matches reports: a province on "provinceCode", a prefecture on
 * "prefectureCode", a county on "countyCode", anything below on "regionCode" (scopeLevel 1–4).
 *
 * Freshness as in the ranking store (ranking-store.ts): triggers move DataVersion "year:<year>" in every transaction
 * that writes a report of that year; a year's snapshot records that version in the same statement (so the same MVCC
 * snapshot) as its rows, is used while the version still equals it, and is rebuilt on the first read after an ingest
 * changed that year (only that year), serialised across app instances by an advisory lock. `key` is a hash of the build
 * statement, so a change of figures or rules never reads an old snapshot. Everything lives in PostgreSQL.
 */
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { changesSince, patchableSql, PATCH_CHANGES, type RefreshHow } from "@/lib/db/change-log";
import { IS_REGION_GOVERNMENT } from "@/lib/db/coverage-sql";
import { getFigure } from "@/lib/figures/figures";
import { REGION_FIGURE_KEYS, REGION_PAGE_FIGURE_KEYS } from "@/lib/figures/region-figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRegion } from "@/lib/regions/gazetteer";

/** The figures added up: those regions are compared on and those the region page shows. */
export const REGION_SUM_FIGURE_KEYS = [...new Set([...REGION_FIGURE_KEYS, ...REGION_PAGE_FIGURE_KEYS])];
export type RegionSumFigureKey = (typeof REGION_SUM_FIGURE_KEYS)[number];

const col = (name: string): Prisma.Sql => Prisma.raw(`r."${name}"`);
const OWN = Prisma.sql`r."scope" = 'own'`;

/** One slot of "sums": its name (RegionSumSnapshot.parts) and its aggregate over one region's reports of the year. */
type Part = { name: string; sql: Prisma.Sql };

/**
 * The slots, per figure: a count `key` (sum over own reports) and `key#n` (how many state it); a rate `key:n`, `key:d`
 * (sums over the own reports that state both counts) and `key#n` (how many do). Every slot adds up across regions.
 */
const PARTS: Part[] = REGION_SUM_FIGURE_KEYS.flatMap((key): Part[] => {
  const c = getFigure(key).columns;
  if (!c.numerator || !c.denominator) {
    return [
      { name: key, sql: Prisma.sql`sum(${col(c.value)}) FILTER (WHERE ${OWN})::float8` },
      { name: `${key}#n`, sql: Prisma.sql`(COUNT(${col(c.value)}) FILTER (WHERE ${OWN}))::float8` },
    ];
  }
  const both = Prisma.sql`${OWN} AND ${col(c.numerator)} IS NOT NULL AND ${col(c.denominator)} IS NOT NULL`;
  return [
    { name: `${key}:n`, sql: Prisma.sql`sum(${col(c.numerator)}) FILTER (WHERE ${both})::float8` },
    { name: `${key}:d`, sql: Prisma.sql`sum(${col(c.denominator)}) FILTER (WHERE ${both})::float8` },
    { name: `${key}#n`, sql: Prisma.sql`(COUNT(*) FILTER (WHERE ${both}))::float8` },
  ];
});
const PART_NAMES = PARTS.map((p) => p.name);
const PART_INDEX = new Map(PART_NAMES.map((name, i) => [name, i]));

const yearScope = (year: number): string => `year:${year}`;

/**
 * SELECT of the stored rows of one year ("scopeLevel", "scopeCode", "reports", "governments", "sums"): the latest
 * reports (those `restrict`, a condition over `"Report" r`, keeps) added up per region first (a government counts once
 * per region, however many of its reports), then per province / prefecture / county / region through GROUPING SETS
 * over those few rows. Regions of level 1–3 are stored only under their own column (a province's code is never a
 * scopeLevel 4 row). A row is right when `restrict` keeps every report of its region (scope).
 */
function sumsSql(year: number, restrict: Prisma.Sql): Prisma.Sql {
  const part = (i: number): Prisma.Sql => Prisma.raw(`"p${i}"`);
  return Prisma.sql`
  WITH regions AS (
    SELECT r."regionCode", r."provinceCode", r."prefectureCode", r."countyCode", g."level" AS "regionLevel",
           (COUNT(*) FILTER (WHERE ${OWN}))::int AS "reports",
           bool_or(${IS_REGION_GOVERNMENT}) AS "hasGovernment",
           ${Prisma.join(
             PARTS.map((p, i) => Prisma.sql`${p.sql} AS ${part(i)}`),
             ", ",
           )}
    FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
    WHERE r."year" = ${year}::int AND r."isLatest" AND (${restrict})
    GROUP BY r."regionCode", r."provinceCode", r."prefectureCode", r."countyCode", g."level"
  ), sums AS (
    SELECT CASE WHEN GROUPING(l."regionCode") = 0 THEN 4 WHEN GROUPING(l."countyCode") = 0 THEN 3
                WHEN GROUPING(l."prefectureCode") = 0 THEN 2 ELSE 1 END AS "scopeLevel",
           CASE WHEN GROUPING(l."regionCode") = 0 THEN l."regionCode" WHEN GROUPING(l."countyCode") = 0 THEN l."countyCode"
                WHEN GROUPING(l."prefectureCode") = 0 THEN l."prefectureCode" ELSE l."provinceCode" END AS "scopeCode",
           l."regionLevel",
           sum(l."reports")::int AS "reports",
           (COUNT(*) FILTER (WHERE l."hasGovernment"))::int AS "governments",
           ARRAY[${Prisma.join(
             PARTS.map((_, i) => Prisma.sql`sum(l.${part(i)})`),
             ", ",
           )}]::float8[] AS "sums"
    FROM regions l
    GROUP BY GROUPING SETS ((l."provinceCode"), (l."prefectureCode"), (l."countyCode"), (l."regionCode", l."regionLevel"))
  )
  SELECT s."scopeLevel", s."scopeCode", s."reports", s."governments", s."sums" FROM sums s
  WHERE s."scopeCode" IS NOT NULL AND (s."scopeLevel" < 4 OR s."regionLevel" IS NULL OR s."regionLevel" >= 4)`;
}

/**
 * ONE statement for one year: every region's sums (sumsSql), written under a new snapshot that records the year's
 * DataVersion and the "all" version (the change log's clock) as read by this statement.
 */
export function buildSql(key: string, year: number): Prisma.Sql {
  return Prisma.sql`
  WITH snap AS (
    INSERT INTO "RegionSumSnapshot" ("key", "year", "version", "allVersion", "parts")
    SELECT ${key}, ${year}::int, ${yearVersion(year)}, ${allVersion}, ${PART_NAMES}::text[]
    RETURNING "id"
  ), written AS (
    INSERT INTO "RegionSum" ("snapshotId", "scopeLevel", "scopeCode", "year", "reports", "governments", "sums")
    SELECT snap."id", s."scopeLevel", s."scopeCode", ${year}::int, s."reports", s."governments", s."sums"
    FROM (${sumsSql(year, Prisma.sql`true`)}) s CROSS JOIN snap
    RETURNING 1
  )
  SELECT snap."id", (SELECT COUNT(*) FROM written)::int AS "rows" FROM snap`;
}

const yearVersion = (year: number): Prisma.Sql =>
  Prisma.sql`(SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = ${yearScope(year)})`;
const allVersion = Prisma.sql`(SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = 'all')`;

/**
 * ONE statement: bring the year's snapshot `id` (stale, computed at "all" version A at or after the change log's
 * horizon) up to the year's current data version by recomputing only the regions the changes since A touch: every
 * scope (province, prefecture, county, region) holding a changed report before or after its change (ReportChange of
 * the year). Their rows are recomputed from the reports of those scopes only (sumsSql restricted to them) and updated,
 * inserted or deleted; every other row is left as it is (no report under it changed). The versions, the log and the
 * reports are read in this one statement (one MVCC snapshot), like a build. Run under the year's build lock.
 */
export function patchSql(id: number, year: number): Prisma.Sql {
  const inScope = (level: number, column: string): Prisma.Sql =>
    Prisma.sql`r.${Prisma.raw(`"${column}"`)} IN (SELECT a."scopeCode" FROM aff a WHERE a."scopeLevel" = ${level}::int)`;
  return Prisma.sql`
  WITH cur AS (SELECT ${yearVersion(year)} AS "version", ${allVersion} AS "all"),
  snap AS (SELECT s."id", s."allVersion" FROM "RegionSumSnapshot" s WHERE s."id" = ${id}::int),
  chg AS (
    SELECT c.* FROM "ReportChange" c, snap, cur
    WHERE c."year" = ${year}::int AND c."allVersion" > snap."allVersion" AND c."allVersion" <= cur."all"
  ), aff AS MATERIALIZED (
    SELECT DISTINCT v."scopeLevel", v."scopeCode"
    FROM chg CROSS JOIN LATERAL (VALUES (1, chg."provinceCode"), (2, chg."prefectureCode"), (3, chg."countyCode"),
                                        (4, chg."regionCode")) AS v("scopeLevel", "scopeCode")
    WHERE v."scopeCode" IS NOT NULL
  ), fresh AS MATERIALIZED (
    SELECT f.* FROM (${sumsSql(
      year,
      Prisma.sql`${inScope(1, "provinceCode")} OR ${inScope(2, "prefectureCode")} OR ${inScope(3, "countyCode")} OR ${inScope(4, "regionCode")}`,
    )}) f
    JOIN aff ON aff."scopeLevel" = f."scopeLevel" AND aff."scopeCode" = f."scopeCode"
  ), old AS MATERIALIZED (
    SELECT o."scopeLevel", o."scopeCode" FROM "RegionSum" o JOIN aff ON aff."scopeLevel" = o."scopeLevel" AND aff."scopeCode" = o."scopeCode"
    WHERE o."snapshotId" = ${id}::int AND o."year" = ${year}::int
  ), updated AS (
    UPDATE "RegionSum" o SET "reports" = f."reports", "governments" = f."governments", "sums" = f."sums"
    FROM fresh f
    WHERE o."snapshotId" = ${id}::int AND o."year" = ${year}::int AND o."scopeLevel" = f."scopeLevel" AND o."scopeCode" = f."scopeCode"
    RETURNING 1
  ), inserted AS (
    INSERT INTO "RegionSum" ("snapshotId", "scopeLevel", "scopeCode", "year", "reports", "governments", "sums")
    SELECT ${id}::int, f."scopeLevel", f."scopeCode", ${year}::int, f."reports", f."governments", f."sums" FROM fresh f
    WHERE NOT EXISTS (SELECT 1 FROM old o WHERE o."scopeLevel" = f."scopeLevel" AND o."scopeCode" = f."scopeCode")
    RETURNING 1
  ), deleted AS (
    DELETE FROM "RegionSum" o USING old d
    WHERE o."snapshotId" = ${id}::int AND o."year" = ${year}::int AND o."scopeLevel" = d."scopeLevel" AND o."scopeCode" = d."scopeCode"
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."scopeLevel" = d."scopeLevel" AND f."scopeCode" = d."scopeCode")
    RETURNING 1
  ), header AS (
    UPDATE "RegionSumSnapshot" s SET "version" = cur."version", "allVersion" = cur."all", "builtAt" = now()
    FROM cur WHERE s."id" = ${id}::int
    RETURNING s."id"
  )
  SELECT (SELECT "id" FROM header) AS "id", (SELECT COUNT(*) FROM aff)::int AS "scopes",
         ((SELECT COUNT(*) FROM updated) + (SELECT COUNT(*) FROM inserted) + (SELECT COUNT(*) FROM deleted))::int AS "rows"`;
}

/** The build definition's key: a hash of the statement (its figures, filters and slots), the same for every year. */
const KEY = (() => {
  const sql = buildSql("", 0);
  return `region-sums:${createHash("sha256")
    .update(JSON.stringify([sql.strings, sql.values]))
    .digest("base64url")
    .slice(0, 32)}`;
})();

/** How long one rebuild may take before the transaction gives up (every latest report of the year is read once). */
const BUILD_TIMEOUT_MS = 120_000;

/** SQL: the id of the year's fresh snapshot (NULL when there is none for the year's current data version). */
export function freshRegionSumId(year: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT s."id" FROM "RegionSumSnapshot" s
    WHERE s."key" = ${KEY} AND s."year" = ${year}
      AND s."version" = (SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = 'year:' || ${year})
    ORDER BY s."id" DESC LIMIT 1)`;
}

/**
 * Build the year's snapshot unless one for its current data version exists (serialised per year across processes by
 * an advisory lock; a waiter reuses the winner's build). Returns its id. The previous snapshot of the year is kept for
 * readers still using it; older ones go, and so do snapshots of other definitions built more than a minute ago.
 */
export async function buildRegionSumSnapshot(db: Db, year: number): Promise<number> {
  return (await refreshRegionSumSnapshot(db, year)).id;
}

/**
 * buildRegionSumSnapshot, saying how: the year was `fresh` already (built meanwhile by another process), its newest
 * snapshot was `patched` from the change log (patchSql: only the regions the changes touch; when the snapshot was
 * computed after the log's horizon and the changes are at most PATCH_CHANGES), or a new snapshot was `built`.
 */
export async function refreshRegionSumSnapshot(db: Db, year: number): Promise<{ id: number; how: RefreshHow }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ogi:region-sums:${year}`}))`;
      const [built] = await tx.$queryRaw<{ id: number | null }[]>`SELECT ${freshRegionSumId(Prisma.sql`${year}::int`)} AS "id"`;
      if (built?.id != null) return { id: built.id, how: "fresh" as const };
      const [target] = await tx.$queryRaw<{ id: number; changes: number }[]>`
        SELECT s."id", ${changesSince(Prisma.sql`c."year" = ${year}::int`, Prisma.sql`s."allVersion"`)} AS "changes"
        FROM "RegionSumSnapshot" s
        WHERE s."id" = (SELECT max(n."id") FROM "RegionSumSnapshot" n WHERE n."key" = ${KEY} AND n."year" = ${year}::int)
          AND ${patchableSql(Prisma.sql`s."allVersion"`, Prisma.sql`h."year" = ${year}::int`)}`;
      if (target && target.changes <= PATCH_CHANGES) {
        await tx.$queryRaw(patchSql(target.id, year));
        return { id: target.id, how: "patched" as const };
      }
      const [row] = await tx.$queryRaw<{ id: number }[]>(buildSql(KEY, year));
      await tx.$executeRaw`
        DELETE FROM "RegionSumSnapshot" WHERE ("key" = ${KEY} AND "year" = ${year}::int AND "id" < (
            SELECT coalesce(max("id"), 0) FROM "RegionSumSnapshot" WHERE "key" = ${KEY} AND "year" = ${year}::int AND "id" < ${row!.id}::int))
          OR ("key" <> ${KEY} AND "builtAt" < now() - interval '1 minute')`;
      return { id: row!.id, how: "built" as const };
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

/** A stored row; "snapshotId" null: the year has no fresh snapshot; "scopeCode" null: the region has no row that year. */
type StoredRow = {
  snapshotId: number | null;
  year: number;
  scopeCode: string | null;
  reports: number;
  governments: number;
  sums: (number | null)[];
};

function toRegionSum(row: StoredRow): RegionSum {
  const at = (name: string): number | null => row.sums[PART_INDEX.get(name)!] ?? null;
  return {
    code: row.scopeCode!,
    year: row.year,
    reports: row.reports,
    governments: row.governments,
    count: (key) => ({ sum: at(key), n: at(`${key}#n`) ?? 0 }),
    rate: (key) => ({ numerator: at(`${key}:n`), denominator: at(`${key}:d`), n: at(`${key}#n`) ?? 0 }),
  };
}

/** SQL: the stored rows of some regions in a snapshot, one primary-key lookup per region. */
function lookupRegions(snapshotId: Prisma.Sql, codes: string[]): Prisma.Sql {
  const scopes = codes.map(storedScope);
  return Prisma.sql`
    SELECT s."scopeCode", s."reports", s."governments", s."sums"
    FROM unnest(${scopes.map((s) => s.scopeLevel)}::int[], ${scopes.map((s) => s.scopeCode)}::text[]) AS c("scopeLevel", "scopeCode")
    CROSS JOIN LATERAL (
      SELECT * FROM "RegionSum" s
      WHERE s."snapshotId" = ${snapshotId} AND s."scopeLevel" = c."scopeLevel" AND s."scopeCode" = c."scopeCode"
      LIMIT 1 -- at most one row (the primary key); the LIMIT keeps the planner from flattening the lookups into a scan
    ) s`;
}

/**
 * The stored sums of some regions in one year (a region without any latest report that year has no row). One statement
 * when the year's snapshot is fresh (finding it and reading the rows); else the year is rebuilt first.
 */
export async function readRegionSums(db: Db, codes: string[], year: number): Promise<RegionSum[]> {
  if (codes.length === 0) return [];
  const rows = await db.$queryRaw<StoredRow[]>`
    WITH snap AS (SELECT ${freshRegionSumId(Prisma.sql`${year}::int`)} AS "id")
    SELECT snap."id" AS "snapshotId", ${year}::int AS "year", x.*
    FROM snap LEFT JOIN LATERAL (${lookupRegions(Prisma.sql`snap."id"`, codes)}) x ON true`;
  if (rows[0]?.snapshotId != null) return rows.filter((r) => r.scopeCode !== null).map(toRegionSum);
  const snapshotId = await buildRegionSumSnapshot(db, year);
  const built = await db.$queryRaw<StoredRow[]>`
    SELECT ${snapshotId}::int AS "snapshotId", ${year}::int AS "year", x.* FROM (${lookupRegions(Prisma.sql`${snapshotId}::int`, codes)}) x`;
  return built.map(toRegionSum);
}

/**
 * The stored sums of one region for every year with a latest report in the store, oldest first (a year without a
 * report under the region has no row). One statement when every year's snapshot is fresh; else those years are rebuilt.
 */
export async function readRegionYearSums(db: Db, code: string): Promise<RegionSum[]> {
  return (await readRegionYearSumsWith(db, code, () => Prisma.sql`NULL`)).sums;
}

/**
 * readRegionYearSums in the same statement as `also(year)` (an SQL expression for one year, such as a scalar subquery),
 * evaluated for every year with a latest report in the store: the years (newest first), the sums, and `also`'s value by
 * year. Rebuilt years are read again; `also` is not (it does not depend on the snapshots).
 */
export async function readRegionYearSumsWith<T>(
  db: Db,
  code: string,
  also: (year: Prisma.Sql) => Prisma.Sql,
): Promise<{ years: number[]; sums: RegionSum[]; also: Map<number, T | null> }> {
  const lookup = (snapshotId: Prisma.Sql): Prisma.Sql => lookupRegions(snapshotId, [code]);
  const rows = await db.$queryRaw<(StoredRow & { also: T | null })[]>`
    WITH RECURSIVE y AS (
      (SELECT r."year" FROM "Report" r WHERE r."isLatest" = true ORDER BY r."year" DESC LIMIT 1)
      UNION ALL
      SELECT (SELECT r."year" FROM "Report" r WHERE r."isLatest" = true AND r."year" < y."year" ORDER BY r."year" DESC LIMIT 1)
      FROM y WHERE y."year" IS NOT NULL
    ), snap AS (SELECT y."year", ${freshRegionSumId(Prisma.sql`y."year"`)} AS "id" FROM y WHERE y."year" IS NOT NULL)
    SELECT snap."id" AS "snapshotId", snap."year", x.*, ${also(Prisma.sql`snap."year"`)} AS "also"
    FROM snap LEFT JOIN LATERAL (${lookup(Prisma.sql`snap."id"`)}) x ON true
    ORDER BY snap."year"`;
  const sums: RegionSum[] = [];
  for (const row of rows) {
    if (row.snapshotId == null) {
      const snapshotId = await buildRegionSumSnapshot(db, row.year);
      const [built] = await db.$queryRaw<StoredRow[]>`
        SELECT ${snapshotId}::int AS "snapshotId", ${row.year}::int AS "year", x.* FROM (${lookup(Prisma.sql`${snapshotId}::int`)}) x`;
      if (built) sums.push(toRegionSum(built));
    } else if (row.scopeCode !== null) {
      sums.push(toRegionSum(row));
    }
  }
  return { years: rows.map((r) => r.year).reverse(), sums, also: new Map(rows.map((r) => [r.year, r.also])) };
}
