/**
 * Coverage (收录情况): per region and year, how many of the bodies that should publish a report are in the store.
 * Expected governments come from the gazetteer (lib/regions/expected-publishers: every 人民政府, 行政公署, 街道办事处
 * and the 管委会 it lists, province to township, every year); departments are expected from the first year a report
 * of theirs was collected. A body without a report is 未收录 (not collected): we cannot know whether it published.
 */
import { getDb, type Db } from "@/lib/db/client";
import { underRegion } from "@/lib/db/coverage-sql";
import { buildCoverageSnapshot, freshCoverageId } from "@/lib/db/coverage-store";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  countExpectedGovernments,
  GOVERNMENT_LEVEL_NAMES,
  listExpectedPublishers,
  type ExpectedPublisher,
} from "@/lib/regions/expected-publishers";
import { getRegion, type RegionLevel } from "@/lib/regions/gazetteer";

export { IS_REGION_GOVERNMENT, underRegion } from "@/lib/db/coverage-sql";

/** Expected and collected bodies of one kind. */
export type CoverageCount = { expected: number; collected: number };

/** One level of governments (省级政府 … 乡级政府（含街道）). */
export type GovernmentCoverage = CoverageCount & { level: RegionLevel; label: string };

/** The departments of one level of bodies (省级部门 … 乡级部门): expected once seen, collected this year. */
export type DepartmentCoverage = CoverageCount & { level: RegionLevel; label: string };

/** 省级部门 … 乡级部门: departments by the level of the body (its region's level). */
export const DEPARTMENT_LEVEL_NAMES: Record<RegionLevel, string> = { 1: "省级部门", 2: "市级部门", 3: "县级部门", 4: "乡级部门" };

/** Coverage of a region in one year. */
export type YearCoverage = {
  year: number;
  /** governments by level, only the levels at or below the region */
  governments: GovernmentCoverage[];
  /** departments (部门、办公室 …) seen in any year up to this one, and those with a report this year */
  departments: CoverageCount;
  /** the same by level, only the levels at or below the region */
  departmentsByLevel: DepartmentCoverage[];
};

export type RegionCoverage = {
  /** null: the whole country */
  regionCode: string | null;
  /** the years shown, newest first */
  years: YearCoverage[];
  /** the year whose missing bodies are listed */
  year: number;
  /** 未收录 governments of `year`, by level, at most `missingLimit` per level (see `missingTotal`) */
  missing: { level: RegionLevel; label: string; total: number; bodies: ExpectedPublisher[] }[];
};

type CountRow = { year: number; level: number; expected: number | null; collected: number };
type DeptRow = { year: number; expected: number; collected: number };

/** Which stored scope a region is counted under: the same column `underRegion` filters reports on. */
function storedScope(code: string | undefined): { scopeLevel: number; scopeCode: string } {
  if (!code) return { scopeLevel: 0, scopeCode: "" };
  const level = getRegion(code)?.level;
  return { scopeLevel: level === 1 || level === 2 || level === 3 ? level : 4, scopeCode: code };
}

/**
 * The stored counts of a region and the snapshot read for each year (by year), and the regions whose government has a
 * latest report in the year asked for (listCollectedGovernmentCodes).
 */
type StoredCounts = { counts: CountRow[]; snapshots: Map<number, number>; collected: Set<string> };

/**
 * Every stored count of a region (or the country) for every year from the first stored to the last: governments
 * collected per year and level (level 1–4: distinct regions whose government has a latest report) and departments
 * (level 0, −1 … −4) per year; and, when `year` is given, the governments collected that year. One statement finding each year's fresh
 * snapshot and reading a few dozen rows by primary key and that year's governments; the years without a fresh snapshot
 * are rebuilt first (only those) and read in a second (and the governments in a third when `year` was one of them).
 */
async function readCounts(db: Db, code: string | undefined, year?: number): Promise<StoredCounts> {
  const { scopeLevel, scopeCode } = storedScope(code);
  const governments =
    year === undefined
      ? Prisma.empty
      : Prisma.sql`
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, (
      SELECT coalesce(array_agg(r."regionCode"), '{}') FROM "CoverageGovernment" r
      WHERE r."snapshotId" = (SELECT snap."id" FROM snap WHERE snap."year" = ${year}::int) AND r."year" = ${year}::int
        AND ${underRegion(code)})`;
  const rows = await db.$queryRaw<
    (Partial<CountRow> & { snapYear: number | null; snapshotId: number | null; collectedCodes: string[] | null })[]
  >`
    WITH bounds AS (
      SELECT (SELECT r."year" FROM "Report" r WHERE r."isLatest" = true ORDER BY r."year" LIMIT 1) AS "first",
             (SELECT r."year" FROM "Report" r WHERE r."isLatest" = true ORDER BY r."year" DESC LIMIT 1) AS "last"
    ), snap AS MATERIALIZED (
      SELECT y::int AS "year", ${freshCoverageId(Prisma.sql`y::int`)} AS "id"
      FROM bounds CROSS JOIN generate_series(bounds."first", bounds."last") AS y
    )
    (SELECT snap."year" AS "snapYear", snap."id" AS "snapshotId", c."year", c."level", c."expected", c."collected",
            NULL::text[] AS "collectedCodes"
     FROM snap LEFT JOIN LATERAL (
       SELECT * FROM "CoverageCount" c
       WHERE c."snapshotId" = snap."id" AND c."scopeLevel" = ${scopeLevel}::int AND c."scopeCode" = ${scopeCode}
       OFFSET 0 -- keeps the planner from flattening the per-year primary-key lookups into a scan of every count
     ) c ON true
     ORDER BY snap."year", c."level")${governments}`;
  const snapshots = new Map<number, number>();
  const counts: CountRow[] = [];
  const stale: number[] = [];
  let collected = new Set<string>();
  for (const row of rows) {
    if (row.snapYear == null) {
      collected = new Set(row.collectedCodes ?? []);
      continue;
    }
    if (row.snapshotId == null) stale.push(row.snapYear);
    else snapshots.set(row.snapYear, row.snapshotId);
    if (row.snapshotId != null && row.level != null) {
      counts.push({ year: row.year!, level: row.level, expected: row.expected ?? null, collected: row.collected! });
    }
  }
  if (stale.length === 0) return { counts, snapshots, collected };
  const built: number[] = [];
  for (const y of stale) {
    const id = await buildCoverageSnapshot(db, y);
    snapshots.set(y, id);
    built.push(id);
  }
  counts.push(
    ...(await db.$queryRaw<CountRow[]>`
      SELECT "year", "level", "expected", "collected" FROM "CoverageCount"
      WHERE "snapshotId" = ANY(${built}::int[]) AND "scopeLevel" = ${scopeLevel}::int AND "scopeCode" = ${scopeCode}`),
  );
  counts.sort((a, b) => a.year - b.year || a.level - b.level);
  if (year !== undefined && stale.includes(year)) collected = await listCollectedGovernmentCodes(db, snapshots.get(year), code, year);
  return { counts, snapshots, collected };
}

/**
 * Departments of a year (all of them, or those of bodies of one level): expected from their first collected year on;
 * collected when they have a report that year. The store counts every year from the first to the last stored (level 0
 * all, −1 … −4 by level); a later year expects every department seen, collects none.
 */
function departmentsOf(rows: CountRow[], year: number, level?: RegionLevel): DeptRow {
  const stored = level ? -level : 0;
  const departments = rows.filter((r) => r.level === stored);
  const row = departments.find((r) => r.year === year);
  if (row) return { year, expected: row.expected ?? 0, collected: row.collected };
  return { year, expected: departments.filter((r) => r.year < year).at(-1)?.expected ?? 0, collected: 0 };
}

/** Governments of a level collected in a year. */
function governmentsOf(rows: CountRow[], year: number, level: number): number {
  return rows.find((r) => r.year === year && r.level === level)?.collected ?? 0;
}

/** The regions (codes) whose government has a latest report for the year, under a region. */
async function listCollectedGovernmentCodes(
  db: Db,
  snapshotId: number | undefined,
  code: string | undefined,
  year: number,
): Promise<Set<string>> {
  if (snapshotId === undefined) return new Set(); // a year outside the stored ones: none collected
  const rows = await db.$queryRaw<{ regionCode: string }[]>`
    SELECT r."regionCode" FROM "CoverageGovernment" r
    WHERE r."snapshotId" = ${snapshotId}::int AND r."year" = ${year}::int AND ${underRegion(code)}`;
  return new Set(rows.map((r) => r.regionCode));
}

/** The government levels at or below a region (all four for the country). */
function levelsBelow(code: string | undefined): RegionLevel[] {
  const level = code ? (getRegion(code)?.level ?? 1) : 1;
  return ([1, 2, 3, 4] as const).filter((l) => l >= level);
}

/**
 * Coverage of a region (or the country) for each of `years` (newest first), and the missing governments of `year`
 * (at most `missingLimit` per level; drill down through the child regions for the rest).
 */
export async function getRegionCoverage({
  code,
  years,
  year,
  missingLimit = 100,
}: {
  code?: string;
  years: number[];
  year: number;
  missingLimit?: number;
}): Promise<RegionCoverage> {
  const wanted = [...new Set([...years, year])].sort((a, b) => b - a);
  const db = await getDb();
  const { counts, collected: collectedCodes } = await readCounts(db, code, year);
  const expected = countExpectedGovernments(code);
  const levels = levelsBelow(code);
  const yearRows: YearCoverage[] = wanted.map((y) => ({
    year: y,
    governments: levels.map((level) => ({
      level,
      label: GOVERNMENT_LEVEL_NAMES[level],
      expected: expected[level - 1] ?? 0,
      collected: governmentsOf(counts, y, level),
    })),
    departments: { expected: departmentsOf(counts, y).expected, collected: departmentsOf(counts, y).collected },
    departmentsByLevel: levels.map((level) => {
      const dept = departmentsOf(counts, y, level);
      return { level, label: DEPARTMENT_LEVEL_NAMES[level], expected: dept.expected, collected: dept.collected };
    }),
  }));
  const missing = levels.map((level) => {
    const all = listExpectedPublishers(code, level).filter((p) => !collectedCodes.has(p.regionCode));
    return { level, label: GOVERNMENT_LEVEL_NAMES[level], total: all.length, bodies: all.slice(0, missingLimit) };
  });
  return { regionCode: code ?? null, years: yearRows, year, missing };
}

/**
 * The coverage line of a peer group (/rankings, /compare): "收录 7 / 104 个县级政府" for a level of governments under a
 * region; for departments of that level (县级部门), how many have been seen (their expected number is not known beyond that).
 */
export type PeerCoverage =
  | { kind: "governments"; level: RegionLevel; label: string; expected: number; collected: number }
  | { kind: "departments"; level: RegionLevel; label: string; collected: number; seen: number }
  | null;

const LEVEL_BY_NAME: Record<string, RegionLevel> = { 省: 1, 市: 2, 县: 3, 乡: 4 };
const GOVERNMENT_KINDS = new Set(["人民政府", "行政公署", "街道"]);

/** Coverage of a peer group given by level, kind and region for a year (null when the group has no level). */
export async function getPeerCoverage({
  level,
  kind,
  scope,
  year,
}: {
  level?: string;
  kind?: string;
  scope?: string;
  year: number;
}): Promise<PeerCoverage> {
  const regionLevel = level ? LEVEL_BY_NAME[level] : undefined;
  if (!regionLevel) return null;
  const db = await getDb();
  const { counts } = await readCounts(db, scope);
  if (!kind || GOVERNMENT_KINDS.has(kind)) {
    const expected = countExpectedGovernments(scope)[regionLevel - 1] ?? 0;
    const collected = governmentsOf(counts, year, regionLevel);
    return { kind: "governments", level: regionLevel, label: GOVERNMENT_LEVEL_NAMES[regionLevel], expected, collected };
  }
  const dept = departmentsOf(counts, year, regionLevel);
  return {
    kind: "departments",
    level: regionLevel,
    label: DEPARTMENT_LEVEL_NAMES[regionLevel],
    collected: dept.collected,
    seen: dept.expected,
  };
}
