/**
 * The words a page uses for a region of a given kind (区划类型): a province says 全省, an autonomous region 全区, a
 * municipality (直辖市: 北京、天津、上海、重庆) 全市, a special administrative region 全区; below the provinces the
 * kind is the name's own ending (自治州 → 全州, 盟 → 全盟, 旗 → 全旗, 街道 → 全街道). Pure.
 */
import type { Region, RegionLevel } from "./gazetteer";

/** 省 | 自治区 | 直辖市 | 特别行政区: the kind of a province-level region, read from its name. */
export type ProvinceKind = "省" | "自治区" | "直辖市" | "特别行政区";

/** The kind of a province-level region (北京市 → 直辖市, 内蒙古自治区 → 自治区, 香港特别行政区 → 特别行政区). */
export function toProvinceKind(name: string): ProvinceKind {
  if (name.endsWith("特别行政区")) return "特别行政区";
  if (name.endsWith("自治区")) return "自治区";
  if (name.endsWith("市")) return "直辖市";
  return "省";
}

const PROVINCE_WORDS: Record<ProvinceKind, string> = { 省: "全省", 自治区: "全区", 直辖市: "全市", 特别行政区: "全区" };

/** Endings of the regions below a province, longest first, and the word for the whole of one. */
const ENDINGS: readonly [string, string][] = [
  ["自治州", "全州"],
  ["自治县", "全县"],
  ["自治旗", "全旗"],
  ["地区", "全区"],
  ["街道", "全街道"],
  ["苏木", "全苏木"],
  ["盟", "全盟"],
  ["州", "全州"],
  ["市", "全市"],
  ["县", "全县"],
  ["旗", "全旗"],
  ["区", "全区"],
  ["镇", "全镇"],
  ["乡", "全乡"],
];

/** What a region below the provinces is called as a whole when its name has no known ending (农场, 林场). */
const FALLBACK_WORDS: Record<Exclude<RegionLevel, 1>, string> = { 2: "全地区", 3: "全县区", 4: "全乡镇" };

/**
 * "The whole of" a region (全省, 全区, 全市, 全州, 全县, 全旗 …): 北京市 → 全市, 内蒙古自治区 → 全区, 江苏省 → 全省,
 * 阿拉善盟 → 全盟, 鄂托克旗 → 全旗.
 */
export function toWholeRegionWord(region: Pick<Region, "name" | "level">): string {
  if (region.level === 1) return PROVINCE_WORDS[toProvinceKind(region.name)];
  return ENDINGS.find(([ending]) => region.name.endsWith(ending))?.[1] ?? FALLBACK_WORDS[region.level];
}

/**
 * What the children of a region are called, by their own level: 省（区、市） (the official way to name provinces,
 * autonomous regions and municipalities together), 地市, 县区, 乡镇街道. By the children's level, not the parent's:
 * 北京市's children are 县区.
 */
export const CHILD_LEVEL_NAMES: Record<RegionLevel, string> = { 1: "省（区、市）", 2: "地市", 3: "县区", 4: "乡镇街道" };
