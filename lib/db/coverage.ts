/**
 * Coverage (收录情况): per region and year, how many of the bodies that should publish a report are in the store.
 * Expected governments come from the gazetteer (lib/regions/expected-publishers: every 人民政府, 行政公署, 街道办事处
 * and the 管委会 it lists, province to township, every year); departments are expected from the first year a report
 * of theirs was collected. A body without a report is 未收录 (not collected): we cannot know whether it published.
 */
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  countExpectedGovernments,
  GOVERNMENT_LEVEL_NAMES,
  listExpectedPublishers,
  type ExpectedPublisher,
} from "@/lib/regions/expected-publishers";
import { getRegion, type RegionLevel } from "@/lib/regions/gazetteer";

/**
 * SQL condition over `"Agency" a` joined to its `"Region" g`: the body IS its region's government (not a department
 * of it): a 人民政府 / 行政公署 / 街道办事处 / 管委会 whose name carries the region's name (a township government whose
 * report named only its county is not taken for the county's).
 */
export const IS_REGION_GOVERNMENT = Prisma.sql`(
  (a."kind" IN ('人民政府', '行政公署', '街道') OR a."name" ~ '(管理委员会|管委会|行政委员会)$')
  AND g."code" IS NOT NULL AND strpos(a."name", g."name") > 0)`;

/** Reports under a region (or the whole country): an equality on the denormalised peer-group codes, so index-driven. */
export function underRegion(code: string | undefined): Prisma.Sql {
  if (!code) return Prisma.sql`true`;
  const level = getRegion(code)?.level;
  if (level === 1) return Prisma.sql`r."provinceCode" = ${code}`;
  if (level === 2) return Prisma.sql`r."prefectureCode" = ${code}`;
  if (level === 3) return Prisma.sql`r."countyCode" = ${code}`;
  return Prisma.sql`r."regionCode" = ${code}`;
}

/** Expected and collected bodies of one kind. */
export type CoverageCount = { expected: number; collected: number };

/** One level of governments (省级政府 … 乡级政府（含街道）). */
export type GovernmentCoverage = CoverageCount & { level: RegionLevel; label: string };

/** Coverage of a region in one year. */
export type YearCoverage = {
  year: number;
  /** governments by level, only the levels at or below the region */
  governments: GovernmentCoverage[];
  /** departments (部门、办公室 …) seen in any year up to this one, and those with a report this year */
  departments: CoverageCount;
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

type LevelRow = { year: number; level: number; collected: number };
type DeptRow = { year: number; expected: number; collected: number };

/** Governments collected per year and level (distinct regions whose government has a latest report). */
async function countCollectedGovernments(code: string | undefined, years: number[]): Promise<LevelRow[]> {
  const db = await getDb();
  return db.$queryRaw<LevelRow[]>`
    SELECT r."year", g."level", COUNT(DISTINCT r."regionCode")::int AS "collected"
    FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
    WHERE r."isLatest" AND r."year" = ANY(${years}::int[]) AND ${underRegion(code)} AND ${IS_REGION_GOVERNMENT}
    GROUP BY r."year", g."level"`;
}

/** Departments: expected from their first collected year on; collected when they have a report that year. */
async function countDepartments(code: string | undefined, years: number[]): Promise<DeptRow[]> {
  const db = await getDb();
  return db.$queryRaw<DeptRow[]>`
    WITH dep AS (
      SELECT r."agencyId", min(r."year") AS "first", array_agg(r."year") AS "years"
      FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
      WHERE r."isLatest" AND ${underRegion(code)} AND NOT ${IS_REGION_GOVERNMENT}
      GROUP BY r."agencyId"
    )
    SELECT y."year", (COUNT(dep."agencyId") FILTER (WHERE dep."first" <= y."year"))::int AS "expected",
           (COUNT(dep."agencyId") FILTER (WHERE y."year" = ANY(dep."years")))::int AS "collected"
    FROM unnest(${years}::int[]) AS y("year") LEFT JOIN dep ON true
    GROUP BY y."year"`;
}

/** The regions (codes) whose government has a latest report for the year, under a region. */
export async function listCollectedGovernmentCodes(code: string | undefined, year: number): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ regionCode: string }[]>`
    SELECT DISTINCT r."regionCode"
    FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId" LEFT JOIN "Region" g ON g."code" = r."regionCode"
    WHERE r."isLatest" AND r."year" = ${year}::int AND ${underRegion(code)} AND ${IS_REGION_GOVERNMENT}`;
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
  const [levelRows, deptRows, collectedCodes] = await Promise.all([
    countCollectedGovernments(code, wanted),
    countDepartments(code, wanted),
    listCollectedGovernmentCodes(code, year),
  ]);
  const expected = countExpectedGovernments(code);
  const levels = levelsBelow(code);
  const yearRows: YearCoverage[] = wanted.map((y) => ({
    year: y,
    governments: levels.map((level) => ({
      level,
      label: GOVERNMENT_LEVEL_NAMES[level],
      expected: expected[level - 1] ?? 0,
      collected: levelRows.find((r) => r.year === y && r.level === level)?.collected ?? 0,
    })),
    departments: {
      expected: deptRows.find((r) => r.year === y)?.expected ?? 0,
      collected: deptRows.find((r) => r.year === y)?.collected ?? 0,
    },
  }));
  const missing = levels.map((level) => {
    const all = listExpectedPublishers(code, level).filter((p) => !collectedCodes.has(p.regionCode));
    return { level, label: GOVERNMENT_LEVEL_NAMES[level], total: all.length, bodies: all.slice(0, missingLimit) };
  });
  return { regionCode: code ?? null, years: yearRows, year, missing };
}

/**
 * The coverage line of a peer group (/rankings, /compare): "收录 7 / 104 个县级政府" for a level of governments under a
 * region; for departments, how many have been seen (their expected number is not known beyond that).
 */
export type PeerCoverage =
  | { kind: "governments"; level: RegionLevel; label: string; expected: number; collected: number }
  | { kind: "departments"; collected: number; seen: number }
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
  if (!kind || GOVERNMENT_KINDS.has(kind)) {
    const expected = countExpectedGovernments(scope)[regionLevel - 1] ?? 0;
    const rows = await countCollectedGovernments(scope, [year]);
    const collected = rows.find((r) => r.level === regionLevel)?.collected ?? 0;
    return { kind: "governments", level: regionLevel, label: GOVERNMENT_LEVEL_NAMES[regionLevel], expected, collected };
  }
  const [dept] = await countDepartments(scope, [year]);
  return { kind: "departments", collected: dept?.collected ?? 0, seen: dept?.expected ?? 0 };
}
