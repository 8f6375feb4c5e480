/**
 * The gazetteer as a search index (地名索引): every region's name, its name without the administrative suffix
 * (鄂托克旗 → 鄂托克), its pinyin without tones (etuokeqi) and initials (etkq), and its path.
 * Pinyin comes from pinyin-pro, computed once per process over all 44.7k names in one call (≈ 0.3 s).
 * Pure apart from that cache: no database, no fs.
 */
import { pinyin } from "pinyin-pro";
import { getRegionChain, isPlaceholderRegionName, listRegions, type Region } from "@/lib/regions/gazetteer";

export type IndexedRegion = {
  region: Region;
  /** the name without its administrative suffix (鄂托克旗 → 鄂托克, 高良涧街道 → 高良涧) */
  core: string;
  /** toneless pinyin of the whole name, no spaces (etuokeqi) */
  pinyin: string;
  /** toneless pinyin of the core name (etuoke) */
  corePinyin: string;
  /** first letters (etkq) */
  initials: string;
};

/** Administrative suffixes, longest first (自治县 before 县). */
const SUFFIXES = [
  "特别行政区",
  "维吾尔自治区",
  "壮族自治区",
  "回族自治区",
  "自治区",
  "自治州",
  "自治县",
  "自治旗",
  "街道办事处",
  "街道",
  "地区",
  "新区",
  "林区",
  "特区",
  "苏木",
  "省",
  "市",
  "县",
  "区",
  "旗",
  "盟",
  "镇",
  "乡",
  "州",
];

/** 鄂托克旗 → 鄂托克; a name that would shrink below two characters stays whole (东区). */
export function toCoreName(name: string): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

let cache: IndexedRegion[] | null = null;

/** Every real region (placeholders such as 市辖区 left out), with its pinyin. Built once. */
export function getRegionIndex(): readonly IndexedRegion[] {
  if (cache) return cache;
  const regions = listRegions().filter((r) => !isPlaceholderRegionName(r.name));
  // one pinyin-pro call over all names (one per line) is ~7× faster than one call per name
  const syllables = pinyin(regions.map((r) => r.name).join("\n"), { toneType: "none", type: "array", nonZh: "consecutive" });
  const perName: string[][] = [[]];
  for (const s of syllables) {
    if (s === "\n") perName.push([]);
    else perName[perName.length - 1]?.push(s.toLowerCase());
  }
  // a name whose non-Chinese tail ran into the separator would shift every later name: then go one by one
  const aligned = perName.length === regions.length;
  cache = regions.map((region, i) => {
    const parts = aligned
      ? (perName[i] ?? [])
      : pinyin(region.name, { toneType: "none", type: "array", nonZh: "consecutive" }).map((x) => x.toLowerCase());
    const core = toCoreName(region.name);
    const coreParts = parts.slice(0, core.length);
    return {
      region,
      core,
      pinyin: parts.join(""),
      corePinyin: coreParts.join(""),
      initials: parts.map((p) => p[0] ?? "").join(""),
    };
  });
  return cache;
}

/** 江苏省 › 淮安市 › 洪泽区 › 高良涧街道 */
export function toRegionPath(code: string): string {
  return getRegionChain(code)
    .map((r) => r.name)
    .join(" › ");
}
