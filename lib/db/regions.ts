/**
 * Region (行政区划) reads for the region page: agencies under a region with their latest figures,
 * per-year totals, child regions with agency counts, and the coverage matrix (agencies × years).
 * Region names and the tree come from the gazetteer; what was published comes from the store.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { readFigure, toFigureColumnNames, type FigureColumnName, type FigureColumns } from "@/lib/figures/figures";
import { REGION_PAGE_FIGURE_KEYS, type RegionPageFigures } from "@/lib/figures/region-figures";
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

/** The stored columns of the region page's figures, for a Prisma select. */
const PAGE_FIGURE_SELECT = Object.fromEntries(toFigureColumnNames(REGION_PAGE_FIGURE_KEYS).map((c) => [c, true])) as Record<
  FigureColumnName,
  true
>;

/** Every agency in the region or below it, with its latest report of each year (oldest first). */
export async function listRegionAgencies(region: Region): Promise<RegionAgencyRow[]> {
  const db = await getDb();
  const agencies = await db.agency.findMany({
    where: { regionCode: { startsWith: toRegionPrefix(region) }, reports: { some: {} } },
    orderBy: [{ regionCode: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      level: true,
      kind: true,
      regionCode: true,
      reports: {
        where: { isLatest: true },
        orderBy: { year: "asc" },
        select: { year: true, identitiesOk: true, ...PAGE_FIGURE_SELECT },
      },
    },
  });
  return agencies.map(({ reports, ...a }) => ({
    ...a,
    reports: reports.map((r) => {
      const columns = r as unknown as Partial<FigureColumns>;
      const figures = Object.fromEntries(REGION_PAGE_FIGURE_KEYS.map((k) => [k, readFigure(columns, k)])) as RegionPageFigures;
      return { year: r.year, identitiesOk: r.identitiesOk, figures };
    }),
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

/** The region's child regions, each with how many agencies in the store sit in it or below it. */
export function listChildRegions(code: string, agencies: Pick<RegionAgencyRow, "regionCode">[]): ChildRegion[] {
  const region = getRegion(code);
  if (!region) return [];
  return realChildren(code).map((child) => {
    const prefix = toRegionPrefix(child);
    const agencyCount = agencies.filter((a) => a.regionCode?.startsWith(prefix)).length;
    return { code: child.code, name: child.name, agencyCount };
  });
}

/** How many agencies with a report sit in each province, prefecture and county (one query; keys are 6-digit codes). */
export async function countAgenciesByRegion(): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ code: string; agencies: bigint | number }[]>`
    SELECT c."code", count(DISTINCT a."id") AS "agencies"
    FROM "Agency" a
    CROSS JOIN LATERAL (VALUES (a."provinceCode"), (a."prefectureCode"), (a."countyCode")) AS c("code")
    WHERE c."code" IS NOT NULL AND EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a."id")
    GROUP BY c."code"`;
  return new Map(rows.map((r) => [r.code, Number(r.agencies)]));
}

/** A region's real children (placeholder levels looked through), for the /regions index. */
export function listRealChildren(code: string): Region[] {
  return realChildren(code);
}
