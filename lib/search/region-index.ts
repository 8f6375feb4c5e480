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

/** Positions in getRegionIndex() by the keys the search plan looks regions up with; built once, with the index. */
type RegionLookup = {
  /** name and core name → regions */
  byName: Map<string, number[]>;
  /** each character of a name → regions whose name has it */
  byChar: Map<string, number[]>;
  /** "0:" + a name's first unit, "1:" + its second → regions */
  byLead: Map<string, number[]>;
  /** pinyin, core pinyin, initials, core initials → regions */
  bySpelling: Map<string, number[]>;
  /** every region's pinyin, sorted (for pinyin prefixes) */
  pinyinSorted: { pinyin: string; at: number }[];
};

let lookup: RegionLookup | null = null;

function add(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [at]);
  else if (list[list.length - 1] !== at) list.push(at);
}

function getRegionLookup(): RegionLookup {
  if (lookup) return lookup;
  const built: RegionLookup = { byName: new Map(), byChar: new Map(), byLead: new Map(), bySpelling: new Map(), pinyinSorted: [] };
  getRegionIndex().forEach((r, at) => {
    const name = r.region.name;
    add(built.byName, name, at);
    add(built.byName, r.core, at);
    for (const char of new Set(name)) add(built.byChar, char, at);
    if (name[0] !== undefined) add(built.byLead, `0:${name[0]}`, at);
    if (name[1] !== undefined) add(built.byLead, `1:${name[1]}`, at);
    for (const key of new Set([r.pinyin, r.corePinyin, r.initials, r.initials.slice(0, r.core.length)])) add(built.bySpelling, key, at);
    built.pinyinSorted.push({ pinyin: r.pinyin, at });
  });
  built.pinyinSorted.sort((a, b) => (a.pinyin < b.pinyin ? -1 : a.pinyin > b.pinyin ? 1 : a.at - b.at));
  lookup = built;
  return built;
}

function toRegions(positions: Iterable<number>): IndexedRegion[] {
  const index = getRegionIndex();
  return [...new Set(positions)].sort((a, b) => a - b).map((at) => index[at]!);
}

/**
 * Every region whose name or core name equals, contains or starts the word (a superset: the caller tests each), in
 * index order: the regions with the word's rarest character, and those named by a prefix of the word.
 */
export function listRegionsNamedIn(word: string): IndexedRegion[] {
  const { byName, byChar } = getRegionLookup();
  const found: number[] = [];
  const lists = [...new Set(word)].map((char) => byChar.get(char) ?? []);
  if (lists.length > 0) found.push(...lists.reduce((a, b) => (b.length < a.length ? b : a)));
  for (let len = 1; len <= word.length; len++) found.push(...(byName.get(word.slice(0, len)) ?? []));
  return toRegions(found);
}

/** Every region a latin token may spell: its pinyin, core pinyin, initials or core initials, or a pinyin it starts (≥ 3). */
export function listRegionsSpelledBy(token: string): IndexedRegion[] {
  const { bySpelling, pinyinSorted } = getRegionLookup();
  const found = [...(bySpelling.get(token) ?? [])];
  if (token.length >= 3) {
    let lo = 0;
    let hi = pinyinSorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pinyinSorted[mid]!.pinyin < token) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < pinyinSorted.length && pinyinSorted[i]!.pinyin.startsWith(token); i++) found.push(pinyinSorted[i]!.at);
  }
  return toRegions(found);
}

/** Every region whose name's first or second UTF-16 unit is the word's first or second (typo candidates). */
export function listRegionsLeadingLike(word: string): IndexedRegion[] {
  const { byLead } = getRegionLookup();
  const units = [word[0], word[1]].filter((u): u is string => u !== undefined);
  return toRegions(units.flatMap((u) => [...(byLead.get(`0:${u}`) ?? []), ...(byLead.get(`1:${u}`) ?? [])]));
}
