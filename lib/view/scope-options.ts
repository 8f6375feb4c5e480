/**
 * The scope choices (范围): 全国, every province, and every prefecture under its province, from the gazetteer.
 * Placeholder levels (市辖区, 省直辖县级行政区划) are left out.
 */
import { getRegion, isPlaceholderRegionName, listRegions } from "@/lib/regions/gazetteer";

export type ScopeGroup = { code: string; name: string; prefectures: { code: string; name: string }[] };

let cache: ScopeGroup[] | null = null;

/** Provinces with their prefectures, in code order. */
export function listScopeGroups(): ScopeGroup[] {
  if (cache) return cache;
  const groups = new Map<string, ScopeGroup>();
  for (const r of listRegions()) {
    if (r.level === 1) groups.set(r.code, { code: r.code, name: r.name, prefectures: [] });
    if (r.level === 2 && r.parentCode && !isPlaceholderRegionName(r.name))
      groups.get(r.parentCode)?.prefectures.push({ code: r.code, name: r.name });
  }
  cache = [...groups.values()];
  return cache;
}

/** The name of a scope code, 全国 when unset. */
export function toScopeName(code: string | undefined): string {
  if (!code) return "全国";
  return getRegion(code)?.name ?? code;
}
