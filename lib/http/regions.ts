/**
 * Regions for the API, from the GB/T 2260 gazetteer (lib/regions): the complete tree, not only places with reports.
 */
import { AppError } from "@/lib/errors";
import { getRegion, getRegionChain, isPlaceholderRegionName, listRegions, type Region } from "@/lib/regions/gazetteer";

export type RegionListQuery = { parent?: string; level?: number; q?: string; page: number; pageSize: number };

/** Regions by parent, level and name fragment, in gazetteer order (by code within a level). */
export function listRegionPage({ parent, level, q, page, pageSize }: RegionListQuery): { total: number; items: Region[] } {
  const matches = listRegions().filter(
    (r) =>
      !isPlaceholderRegionName(r.name) &&
      (parent === undefined || r.parentCode === parent) &&
      (level === undefined || r.level === level) &&
      (q === undefined || r.name.includes(q)),
  );
  return { total: matches.length, items: matches.slice((page - 1) * pageSize, page * pageSize) };
}

/** One region with its chain from the province down and its children; AppError("not-found") for an unknown code. */
export function getRegionDetailOrThrow(code: string): Region & { chain: Region[]; children: Region[] } {
  if (!/^\d{6}(\d{3})?$/.test(code)) throw new AppError("bad-request", `参数有误：code 必须是 6 位或 9 位行政区划代码，收到“${code}”`);
  const region = getRegion(code);
  if (!region) throw new AppError("not-found", `没有代码为 ${code} 的行政区划`);
  const children = listRegions().filter((r) => r.parentCode === code);
  return { ...region, chain: getRegionChain(code), children };
}
