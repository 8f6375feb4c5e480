/**
 * Search plan (检索计划): everything a search needs that can be worked out without the database, so the store is
 * asked ONCE per search. Pure (the gazetteer and pinyin tables are in memory).
 *
 * - Chinese words must all match an agency's name, alias or region path; "…政府" also tries "…人民政府".
 * - Pinyin and initials (etuoke, etkq, huaian renminzhengfu) become the region names and agency words they spell.
 * - The first Chinese word's prefixes are the fallback when nothing matches whole (额敏县政府 → 额敏县).
 * - A word one character away from a place name (鄂拖克 → 鄂托克旗) becomes a correction: "您是不是要找".
 * - Matching places (also townships with no report, 高良涧 → 高良涧街道) are listed with their region path.
 */
import { pinyin } from "pinyin-pro";
import {
  listRegionsLeadingLike,
  listRegionsNamedIn,
  listRegionsSpelledBy,
  toRegionPath,
  type IndexedRegion,
} from "@/lib/search/region-index";

const NOISE = /(政府信息公开|工作年度报告|年度报告|年报|\d{4}\s*年?)/g;
const SEPARATORS = /[\s,，、;；/|·•.。:："“”'‘’()（）【】[\]-]+/u;
const MAX_WORDS = 5;
const MAX_ALTERNATIVES = 12;
const MAX_REGIONS = 200;
const MAX_CORRECTIONS = 5;

/** Words that end agency names, so their pinyin can be typed too (renminzhengfu, rmzf, gonganju). */
const AGENCY_WORDS = [
  "人民政府",
  "政府",
  "行政公署",
  "办公厅",
  "办公室",
  "街道办事处",
  "街道",
  "管理委员会",
  "委员会",
  "公安局",
  "教育局",
  "财政局",
  "民政局",
  "司法局",
  "审计局",
  "统计局",
  "税务局",
  "水利局",
  "商务局",
  "林业局",
  "自然资源局",
  "生态环境局",
  "住房和城乡建设局",
  "交通运输局",
  "农业农村局",
  "文化和旅游局",
  "卫生健康委员会",
  "应急管理局",
  "市场监督管理局",
  "人力资源和社会保障局",
  "发展和改革委员会",
  "行政审批局",
  "退役军人事务局",
  "医疗保障局",
  "乡人民政府",
  "镇人民政府",
];

/** One place the query names (linked to its region page, reports or not). */
export type RegionHit = { code: string; name: string; path: string; level: number };
/** A likely meant place name for a word that matches nothing as typed. */
export type Correction = { word: string; name: string; path: string };

export type SearchPlan = {
  query: string;
  /** every group must match (name, alias or region path); a group matches when any of its alternatives does */
  groups: string[][];
  /** names that count as an exact hit */
  exact: string[];
  /** shrinking prefixes of the first Chinese word, longest first (fallback when no group set matches) */
  prefixes: string[];
  /** corrected place names (any one matching is a fuzzy hit) */
  corrections: Correction[];
  /** text for trigram similarity (pg_trgm) */
  fuzzyText: string;
  /** how each typed word was read, for the heading ("etuoke → 鄂托克旗、鄂托克前旗") */
  readings: { word: string; as: string[] }[];
  regions: RegionHit[];
  regionTotal: number;
};

const LATIN = /^[a-z]+$/;

/** "  鄂尔多斯，鄂托克 " → ["鄂尔多斯", "鄂托克"]; "etuoke人民政府" → ["etuoke", "人民政府"]; "" → []. */
export function toSearchWords(query: string): string[] {
  const cleaned = query.normalize("NFKC").toLowerCase().replace(NOISE, " ");
  const words = cleaned
    .split(SEPARATORS)
    .flatMap((w) => w.match(/[a-z]+|[^a-z]+/g) ?? [])
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  // a lone character left over (报, 县, e) matches nearly everything: keep it only when it is all there is
  const meaningful = words.length > 1 ? words.filter((w) => w.length > 1) : words;
  return [...new Set(meaningful)].slice(0, MAX_WORDS);
}

type AgencyWord = { word: string; pinyin: string; initials: string };
let agencyWords: AgencyWord[] | null = null;

function getAgencyWords(): AgencyWord[] {
  agencyWords ??= AGENCY_WORDS.map((word) => {
    const parts = pinyin(word, { toneType: "none", type: "array" }).map((p) => p.toLowerCase());
    return { word, pinyin: parts.join(""), initials: parts.map((p) => p[0]).join("") };
  });
  return agencyWords;
}

/** How strongly a latin token spells a region: 0 exact core/name, 1 initials, 2 pinyin prefix; null = no. */
export function pinyinStrength(token: string, r: IndexedRegion): number | null {
  if (r.corePinyin === token || r.pinyin === token) return 0;
  if (token.length >= 2 && (r.initials === token || r.initials.slice(0, r.core.length) === token)) return 1;
  if (token.length >= 3 && r.pinyin.startsWith(token)) return 2;
  return null;
}

/** Region names a pinyin token spells, strongest and highest level first. */
function regionsForPinyin(token: string): IndexedRegion[] {
  const found: { r: IndexedRegion; s: number }[] = [];
  for (const r of listRegionsSpelledBy(token)) {
    const s = pinyinStrength(token, r);
    if (s !== null) found.push({ r, s });
  }
  found.sort((a, b) => a.s - b.s || a.r.region.level - b.r.region.level || a.r.region.code.localeCompare(b.r.region.code));
  return found.map((f) => f.r);
}

/** Alternatives a latin token stands for: region names, agency words, or both halves of "etuokeqirenminzhengfu". */
function readPinyin(token: string): string[] {
  const words = getAgencyWords();
  const asWord = words.filter((w) => w.pinyin === token || (token.length >= 3 && w.initials === token)).map((w) => w.word);
  const places = regionsForPinyin(token).map((r) => r.region.name);
  if (asWord.length > 0 || places.length > 0) return unique([...asWord, ...places]).slice(0, MAX_ALTERNATIVES);
  // a place and an agency word run together: etuokeqirenminzhengfu → 鄂托克旗 + 人民政府
  for (const w of words) {
    if (!token.endsWith(w.pinyin) || token.length - w.pinyin.length < 2) continue;
    const head = regionsForPinyin(token.slice(0, -w.pinyin.length)).map((r) => r.region.name);
    if (head.length > 0) return unique(head.map((h) => `${h}${w.word}`)).slice(0, MAX_ALTERNATIVES);
  }
  return [];
}

/** Alternatives for a Chinese word: itself, and "…人民政府" for "…政府". */
function readChinese(word: string): string[] {
  const alternatives = [word];
  if (word.endsWith("政府") && !word.endsWith("人民政府")) alternatives.push(`${word.slice(0, -2)}人民政府`);
  return alternatives;
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Places a Chinese word probably meant: the word does not start with any place name as typed, but its start is one
 * edit from a place name of at least three characters (鄂拖克 → 鄂托克旗; 鄂拖克旗人民政府 → 鄂托克旗).
 */
function correctionsFor(word: string): Correction[] {
  if (word.length < 3) return [];
  if (listRegionsNamedIn(word).some((r) => word.startsWith(r.core) && r.core.length >= 2)) return [];
  const found: { r: IndexedRegion; d: number }[] = [];
  for (const r of listRegionsLeadingLike(word)) {
    let best = 2;
    for (const name of r.core === r.region.name ? [r.core] : [r.core, r.region.name]) {
      // one edit leaves one of the first two characters in place (or shifted by one)
      const [n0, n1] = [name[0], name[1]];
      if (name.length < 3 || !(n0 === word[0] || n1 === word[1] || n0 === word[1] || n1 === word[0])) continue;
      for (const len of [name.length - 1, name.length, name.length + 1]) {
        if (len < 3 || len > word.length) continue;
        best = Math.min(best, editDistance(word.slice(0, len), name, 1));
      }
    }
    if (best === 1) found.push({ r, d: best });
  }
  found.sort((a, b) => a.r.region.level - b.r.region.level || a.r.region.code.localeCompare(b.r.region.code));
  return found.slice(0, MAX_CORRECTIONS).map(({ r }) => ({ word, name: r.region.name, path: toRegionPath(r.region.code) }));
}

/** How a Chinese word names a region: 0 its name or core, 1 the name has the word or the word starts with it; null = no. */
export function chineseStrength(word: string, r: IndexedRegion): number | null {
  if (r.region.name === word || r.core === word) return 0;
  if (r.region.name.includes(word) || word.startsWith(r.region.name) || (r.core.length >= 2 && word.startsWith(r.core))) return 1;
  return null;
}

/** Places whose name contains a Chinese word, or that a pinyin word spells; exact names first, then by level. */
function matchRegions(words: string[]): { hits: RegionHit[]; total: number } {
  const chinese = words.filter((w) => !LATIN.test(w));
  const latin = words.filter((w) => LATIN.test(w));
  const scored: { r: IndexedRegion; s: number }[] = [];
  // only the regions the words can name (index lookups), each then tested as before
  const candidates = new Set([...chinese.flatMap(listRegionsNamedIn), ...latin.flatMap(listRegionsSpelledBy)]);
  for (const r of candidates) {
    let s: number | null = null;
    for (const w of chinese) {
      const c = chineseStrength(w, r);
      if (c !== null) s = Math.min(s ?? 9, c);
    }
    for (const w of latin) {
      const p = pinyinStrength(w, r);
      if (p !== null) s = Math.min(s ?? 9, p);
    }
    if (s !== null) scored.push({ r, s });
  }
  scored.sort((a, b) => a.s - b.s || a.r.region.level - b.r.region.level || a.r.region.code.localeCompare(b.r.region.code));
  const hits = scored.slice(0, MAX_REGIONS).map(({ r }) => ({
    code: r.region.code,
    name: r.region.name,
    level: r.region.level,
    path: toRegionPath(r.region.code),
  }));
  return { hits, total: scored.length };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Everything the one database query and the result page need for this query. */
export function toSearchPlan(query: string): SearchPlan {
  const words = toSearchWords(query);
  const readings: SearchPlan["readings"] = [];
  const groups: string[][] = [];
  for (const w of words) {
    if (LATIN.test(w)) {
      const as = readPinyin(w);
      readings.push({ word: w, as });
      groups.push(as.length > 0 ? as : [w]);
    } else {
      groups.push(readChinese(w));
    }
  }
  const firstChinese = words.find((w) => !LATIN.test(w));
  const prefixes: string[] = [];
  if (firstChinese) for (let len = firstChinese.length - 1; len >= 2; len--) prefixes.push(firstChinese.slice(0, len));
  const corrections = words
    .filter((w) => !LATIN.test(w))
    .flatMap(correctionsFor)
    .slice(0, MAX_CORRECTIONS);
  const { hits, total } = matchRegions(words);
  return {
    query,
    groups,
    exact: groups.length === 1 ? (groups[0] ?? []) : [],
    prefixes,
    corrections,
    fuzzyText: words.filter((w) => !LATIN.test(w)).join(""),
    readings,
    regions: hits,
    regionTotal: total,
  };
}

/** A literal string as a PostgreSQL regular expression (ARE) that matches it anywhere. */
export function toRegexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
