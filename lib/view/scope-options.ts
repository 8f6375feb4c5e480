/**
 * The scope choices (范围): 全国, every province, and every region one level down from its province, from the
 * gazetteer: the prefectures, the counties a province governs directly (海南省's 五指山市, 河南省's 济源市), and for a
 * municipality (直辖市) its districts and counties. Placeholder levels (市辖区, 省直辖县级行政区划) are looked through.
 */
import { getRegion, listChildRegionsOf, listRegions } from "@/lib/regions/gazetteer";
import { toProvinceKind, toWholeRegionWord, type ProvinceKind } from "@/lib/regions/region-words";

/** One province and its choices below it; `whole` names the whole province (全省, 全区, 全市). */
export type ScopeGroup = {
  code: string;
  name: string;
  kind: ProvinceKind;
  whole: string;
  below: { code: string; name: string }[];
};

let cache: ScopeGroup[] | null = null;

/** Provinces with the regions one level below each, in code order. */
export function listScopeGroups(): ScopeGroup[] {
  cache ??= listRegions()
    .filter((r) => r.level === 1)
    .map((p) => ({
      code: p.code,
      name: p.name,
      kind: toProvinceKind(p.name),
      whole: toWholeRegionWord(p),
      below: listChildRegionsOf(p.code)
        .filter((c) => c.level <= 3)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((c) => ({ code: c.code, name: c.name })),
    }));
  return cache;
}

/** The name of a scope code, 全国 when unset. */
export function toScopeName(code: string | undefined): string {
  if (!code) return "全国";
  return getRegion(code)?.name ?? code;
}
