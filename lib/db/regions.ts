/**
 * Region (行政区划) reads for the region page: what the store holds under a region (counts, years, agencies per child
 * region) and one page of its agencies with their latest figures per year (the list and the coverage matrix).
 * Counting, ordering and paging happen in SQL: a page reads the rows it shows, never every report of the region.
 * Region names and the tree come from the gazetteer; what was published comes from the store.
 */
import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { readPerDataVersion } from "@/lib/db/per-data-version";
import { nameCollation } from "@/lib/db/name-collation";
import { readFigure, toFigureColumnNames, type FigureColumns } from "@/lib/figures/figures";
import { REGION_PAGE_FIGURE_KEYS, type RegionPageFigures } from "@/lib/figures/region-figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRegion, isPlaceholderRegionName, listRegions, type Region } from "@/lib/regions/gazetteer";

/** The code prefix every region under this one starts with (150000 → 15, 152900 → 1529, 150624 → 150624). */
export function toRegionPrefix(region: Region): string {
  if (region.level === 1) return region.code.slice(0, 2);
  if (region.level === 2) return region.code.slice(0, 4);
  return region.code;
}

/** One agency under the region, with the region page's figures of its latest report per year (read from stored columns). */
export type RegionAgencyRow = {
  id: number;
  name: string;
  level: string;
  kind: string;
  regionCode: string | null;
  reports: { year: number; identitiesOk: boolean; figures: RegionPageFigures }[];
};

/**
 * SQL condition over `"Agency" a`: the agency sits in the region or below it. An equality on the denormalised codes
 * (lib/regions/agency-identity toPeerGroupCodes: the same as "its region code starts with the region's prefix"), so
 * index-driven.
 */
function agencyUnder(region: Region): Prisma.Sql {
  if (region.level === 1) return Prisma.sql`a."provinceCode" = ${region.code}`;
  if (region.level === 2) return Prisma.sql`a."prefectureCode" = ${region.code}`;
  if (region.level === 3) return Prisma.sql`a."countyCode" = ${region.code}`;
  return Prisma.sql`a."regionCode" = ${region.code}`;
}

/** What the store holds for a region and below it (收录): counted in SQL, one query. */
export type RegionCounts = {
  /** agencies with at least one report */
  agencies: number;
  /** their latest reports (one per agency and year) */
  reports: number;
  /** the first and last year of those reports (null when none) */
  firstYear: number | null;
  lastYear: number | null;
  /** agencies with a report per agency region code (the exact region each sits in), for the child regions' counts */
  agenciesByRegionCode: Map<string, number>;
};

/** Orders of the region page's agency list: by name (pinyin), by the latest 申请量 (highest first), by the latest year. */
export const REGION_AGENCY_SORTS = ["name", "requests", "year"] as const;
export type RegionAgencySort = (typeof REGION_AGENCY_SORTS)[number];

/** The region page's list: what the region holds, and the asked page of its agencies (clamped to the last page). */
export type RegionAgencyPage = { holdings: RegionCounts; page: number; pageCount: number; agencies: RegionAgencyRow[] };

/**
 * What the region page lists, in ONE statement (plus, once per client, the collation look-up), over the region's
 * agencies (those with a report) read once: how many agencies and latest reports it holds and in which years, grouped
 * by the agencies' own regions (their 收录概况 columns, kept by triggers on "Report"); and the asked page of those
 * agencies (a page past the last gives the last), ordered in SQL (ties by name, region code, id), each with its latest
 * report of every year (oldest first).
 */
export async function readRegionAgencyPage(
  region: Region,
  query: { sort: RegionAgencySort; page: number; pageSize: number },
): Promise<RegionAgencyPage> {
  return readRegionAgencyPageIn(await getDb(), region, query);
}

/** `readRegionAgencyPage` on a given client. */
export async function readRegionAgencyPageIn(
  db: Db,
  region: Region,
  { sort, page, pageSize }: { sort: RegionAgencySort; page: number; pageSize: number },
): Promise<RegionAgencyPage> {
  const order = await agencyOrder(db, sort);
  const asked = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const [row] = await db.$queryRaw<{ holdings: HoldingRow[]; page: number; agencies: AgencyJson[] }[]>`
    WITH held AS MATERIALIZED (
      SELECT a."id", a."name", a."level", a."kind", a."regionCode", a."reportYears", a."firstYear", a."latestYear",
             a."latestRequestsReceived"
      FROM "Agency" a
      WHERE ${agencyUnder(region)} AND a."reportYears" > 0
    ), paging AS (
      SELECT least(${asked}::int, greatest(1, ceil((SELECT count(*) FROM held) / ${pageSize}::numeric)::int)) AS "page"
    ), shown AS (
      SELECT a.* FROM held a
      ORDER BY ${order}
      LIMIT ${pageSize}::int OFFSET ((SELECT "page" FROM paging) - 1) * ${pageSize}::int
    )
    SELECT coalesce((SELECT json_agg(h) FROM (
             SELECT "regionCode", count(*)::int AS "agencies", sum("reportYears")::int AS "reports",
                    min("firstYear")::int AS "firstYear", max("latestYear")::int AS "lastYear"
             FROM held GROUP BY "regionCode"
           ) h), '[]'::json) AS "holdings",
           (SELECT "page" FROM paging) AS "page",
           ${shownAgenciesJson(order)} AS "agencies"`;
  const holdings = toRegionCounts(row?.holdings ?? []);
  return {
    holdings,
    page: row?.page ?? 1,
    pageCount: Math.max(1, Math.ceil(holdings.agencies / pageSize)),
    agencies: toAgencyRows(row?.agencies ?? []),
  };
}

/** ORDER BY over `"Agency" a` (or rows with its columns) for a sort; ties by name, region code, id. */
async function agencyOrder(db: Db, sort: RegionAgencySort): Promise<Prisma.Sql> {
  const collate = await nameCollation(db);
  const byName = Prisma.sql`a."name"${collate}, a."regionCode", a."id"`;
  return sort === "requests"
    ? Prisma.sql`a."latestRequestsReceived" DESC NULLS LAST, ${byName}`
    : sort === "year"
      ? Prisma.sql`a."latestYear" DESC, ${byName}`
      : byName;
}

const PAGE_FIGURE_COLUMNS = Prisma.raw(
  toFigureColumnNames(REGION_PAGE_FIGURE_KEYS)
    .map((c) => `r."${c}"`)
    .join(", "),
);

/** SQL: the agencies of the CTE `shown`, in `order`, each with its latest reports (oldest year first), as JSON. */
function shownAgenciesJson(order: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((
    SELECT json_agg(json_build_object('id', a."id", 'name', a."name", 'level', a."level", 'kind', a."kind",
                                      'regionCode', a."regionCode", 'reports', coalesce((
             SELECT json_agg(y ORDER BY y."year") FROM (
               SELECT r."year", r."identitiesOk", ${PAGE_FIGURE_COLUMNS} FROM "Report" r WHERE r."agencyId" = a."id" AND r."isLatest"
             ) y), '[]'::json)) ORDER BY ${order})
    FROM shown a), '[]'::json)`;
}

type HoldingRow = { regionCode: string | null; agencies: number; reports: number; firstYear: number; lastYear: number };

type AgencyJson = Omit<RegionAgencyRow, "reports"> & { reports: ({ year: number; identitiesOk: boolean } & Partial<FigureColumns>)[] };

function toRegionCounts(rows: HoldingRow[]): RegionCounts {
  const years = rows.flatMap((r) => [r.firstYear, r.lastYear]);
  return {
    agencies: rows.reduce((n, r) => n + r.agencies, 0),
    reports: rows.reduce((n, r) => n + r.reports, 0),
    firstYear: years.length > 0 ? Math.min(...years) : null,
    lastYear: years.length > 0 ? Math.max(...years) : null,
    agenciesByRegionCode: new Map(rows.flatMap((r) => (r.regionCode ? [[r.regionCode, r.agencies] as const] : []))),
  };
}

function toAgencyRows(agencies: AgencyJson[]): RegionAgencyRow[] {
  return agencies.map((a) => ({
    id: a.id,
    name: a.name,
    level: a.level,
    kind: a.kind,
    regionCode: a.regionCode,
    reports: a.reports.map((r) => ({
      year: r.year,
      identitiesOk: r.identitiesOk,
      figures: Object.fromEntries(REGION_PAGE_FIGURE_KEYS.map((k) => [k, readFigure(r, k)])) as RegionPageFigures,
    })),
  }));
}

/** A direct child region (placeholder levels such as 市辖区 are looked through). */
export type ChildRegion = { code: string; name: string; agencyCount: number };

let childrenIndex: Map<string, Region[]> | null = null;

function realChildren(code: string): Region[] {
  if (!childrenIndex) {
    childrenIndex = new Map();
    for (const r of listRegions()) {
      if (!r.parentCode) continue;
      const list = childrenIndex.get(r.parentCode) ?? [];
      list.push(r);
      childrenIndex.set(r.parentCode, list);
    }
  }
  const direct = childrenIndex.get(code) ?? [];
  return direct.flatMap((r) => (isPlaceholderRegionName(r.name) ? realChildren(r.code) : [r]));
}

/**
 * The region's child regions, each with how many agencies in the store sit in it or below it, from the agencies per
 * region code of `readRegionAgencyPage`'s holdings (as many entries as regions with agencies, never one per agency).
 */
export function listChildRegions(code: string, agenciesByRegionCode: Map<string, number>): ChildRegion[] {
  const region = getRegion(code);
  if (!region) return [];
  return realChildren(code).map((child) => {
    const prefix = toRegionPrefix(child);
    let agencyCount = 0;
    for (const [regionCode, n] of agenciesByRegionCode) if (regionCode.startsWith(prefix)) agencyCount += n;
    return { code: child.code, name: child.name, agencyCount };
  });
}

/**
 * How many agencies with a report sit in each province, prefecture and county (one query; keys are 6-digit codes).
 * "Has a report" is the agency's 收录概况 column (reportYears, kept by triggers on "Report"), so the count reads
 * "Agency" alone; read once per data version (the /regions index asks it on every request).
 */
export function countAgenciesByRegion(): Promise<Map<string, number>> {
  return readPerDataVersion("regions:agency-counts", async () => {
    const db = await getDb();
    const rows = await db.$queryRaw<{ code: string; agencies: bigint | number }[]>`
      SELECT c."code", count(DISTINCT a."id") AS "agencies"
      FROM "Agency" a
      CROSS JOIN LATERAL (VALUES (a."provinceCode"), (a."prefectureCode"), (a."countyCode")) AS c("code")
      WHERE c."code" IS NOT NULL AND a."reportYears" > 0
      GROUP BY c."code"`;
    return new Map(rows.map((r) => [r.code, Number(r.agencies)]));
  });
}

/** A region's real children (placeholder levels looked through), for the /regions index. */
export function listRealChildren(code: string): Region[] {
  return realChildren(code);
}
