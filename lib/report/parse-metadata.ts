/**
 * Metadata of a report: the reporting year (统计期限 or the title, never the publication date),
 * the agency's full name, its region code and the publication date (落款日期 / 发文日期).
 */
import { findRegionsByName } from "../regions/gazetteer";
import { resolveRegion } from "../regions/resolve-region";
import { compact } from "./normalize";
import { parseScope, type ParsedScope } from "./parse-scope";
import type { Line } from "./tokenize";
import type { SourceLocation } from "./types";

/** A metadata value with where it was read. */
export type Located<T> = { value: T; raw: string; loc: SourceLocation } | null;

export type ParsedMetadata = {
  year: Located<number>;
  agencyName: Located<string>;
  regionCode: string | null;
  /** the managed area (平潭综合实验区) whose alias gave the region code, when one did */
  regionAlias: string | null;
  publishedOn: Located<string>;
  /** 汇总报告 or 本机关报告, with the sentence that says so */
  scope: ParsedScope;
};

const TITLE_RE = /^(.*?)(?:关于)?((?:19|20)\d{2})\s*年(?:度)?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)/;
/** "2023年度额敏县人民政府政府信息公开工作年度报告": the year first, then the agency */
const toYearFirstTitleRe = (name: string) =>
  new RegExp(`^((?:19|20)\\d{2})\\s*年(?:度)?(${name})(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)`);
/** the agency as the longest name before the title's words, and (LAZY) as the shortest */
const TITLE_YEAR_FIRST_RE = toYearFirstTitleRe(".{3,30}");
const TITLE_YEAR_FIRST_LAZY_RE = toYearFirstTitleRe(".{3,30}?");
const PERIOD_RE = /统计期限[^。]{0,24}?((?:19|20)\d{2})\s*年/;
const ORG_SUFFIX_RE = /(人民政府|政府|行政公署|公署|办公室|办公厅|办事处|委员会|管委会|管理委员会|局|厅|委|院|中心|人民法院|检察院)$/;
const PLACE_SUFFIX_RE = /(省|自治区|市|自治州|州|地区|盟|县|自治县|旗|自治旗|区|镇|乡|苏木|街道)$/;
const OPENING_RES = [
  /全文包括(.{2,40}?(?:人民政府|行政公署|办公室|办事处|委员会|局))/,
  /请与(.{2,40}?(?:人民政府|行政公署|办公室|办事处|委员会|局|中心))联系/,
];
const DATE_RE = /((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?/;

function loc(line: Line, start: number, end: number): SourceLocation {
  return { line: line.index, start: start + line.offset, end: end + line.offset };
}

/**
 * Places run by a 管理委员会, not a 人民政府: 综合实验区, 新区, 开发区, 高新区, 园区 and the like. (A GB/T
 * 2260 district printed with such a name, 浦东新区 or 滨海新区, has a 人民政府: see `isManagedArea`.)
 */
const MANAGED_AREA_RE =
  /(实验区|试验区|示范区|合作区|开发区|高新区|工业园区|产业园区|科技园区|物流园区|经济园区|保税区|保税港区|新区|度假区|风景名胜区|旅游区|自由贸易区|自贸区|片区)$/;

/**
 * True when `name` is a managed area: it ends like one and is no GB/T 2260 county-level district
 * (county part of the code 01–69: 浦东新区 310115), or the gazetteer lists it only as a statistical
 * functional zone (county part 71–79: 唐山市汉沽管理区 130272, 吉林中国新加坡食品区 220273).
 */
export function isManagedArea(name: string): boolean {
  const counties = findRegionsByName(name).filter((r) => r.level === 3 && r.code.length === 6);
  const part = (code: string): number => Number(code.slice(4, 6));
  if (counties.length > 0 && counties.every((r) => part(r.code) >= 71 && part(r.code) <= 79)) return true;
  if (!MANAGED_AREA_RE.test(name)) return false;
  return !counties.some((r) => part(r.code) < 70);
}

/**
 * "鄂托克旗" → 鄂托克旗人民政府; "阿拉善盟" / "阿克苏地区" → …行政公署; "平潭综合实验区" → …管理委员会;
 * an organisation's name stays.
 */
export function toAgencyName(name: string): string {
  const n = name.replace(/^[“"《]+|[”"》:：,，]+$/g, "");
  if (ORG_SUFFIX_RE.test(n)) return n;
  if (isManagedArea(n)) return `${n}管理委员会`;
  if (!PLACE_SUFFIX_RE.test(n)) return n;
  if (n.endsWith("盟") || n.endsWith("地区")) return `${n}行政公署`;
  if (n.endsWith("街道")) return `${n}办事处`;
  return `${n}人民政府`;
}

/** A heading's markup before a title: Markdown `#`/`##`, a list mark, a 【…】 or 标题： label. */
const TITLE_MARK_RE = /^(?:#{1,6}|[*>\-]+|(?:名称|标题)[:：])/;

type Title = { line: Line; prefix: string; year: number; index: number };

function readTitle(line: Line, text: string, index: number): Title | null {
  const title = text.replace(TITLE_MARK_RE, "");
  const m = TITLE_RE.exec(title);
  if (!m || m[1]!.length === 0) {
    // the shortest name first (上海市科委 | 政府信息公开, not 上海市科委政府 | 信息公开), the longest when that is no name
    // (某县人民政府信息公开: 某县人民 | 政府信息公开 is none)
    for (const re of [TITLE_YEAR_FIRST_LAZY_RE, TITLE_YEAR_FIRST_RE]) {
      const y = re.exec(title);
      const name = y ? y[2]!.replace(/^度/, "").replace(/政府政府$/, "政府") : "";
      if (y && name.length >= 3 && (ORG_SUFFIX_RE.test(name) || PLACE_SUFFIX_RE.test(name)))
        return { line, prefix: name, year: Number(y[1]), index };
    }
  }
  return m ? { line, prefix: m[1]!, year: Number(m[2]), index } : null;
}

const YEAR_IN_RE = /(?:19|20)\d{2}\s*年/;

/** The next non-empty line after `index` (a title's wrapped tail), if it is short enough to be one and names no year. */
function titleTail(lines: readonly Line[], index: number): string | null {
  for (let i = index + 1; i < Math.min(lines.length, index + 3); i++) {
    const text = lines[i]!.compact;
    if (text.length === 0) continue;
    return text.length <= 20 && !YEAR_IN_RE.test(text) ? text : null;
  }
  return null;
}

function findTitle(lines: readonly Line[]): Title | null {
  for (let i = 0; i < Math.min(lines.length, 60); i++) {
    const line = lines[i]!;
    const text = line.compact;
    if (text.length === 0 || text.length > 70) continue;
    const title = readTitle(line, text, i);
    if (title) return title;
    // a title wrapped over two lines (2025年上海市人民政府办公厅政府信息公开 / 工作年度报告): the line and its tail; only
    // a line without a sentence's end, so a paragraph running on into the next line is no title; the year in the first
    // line and none in the tail, so a banner or a crumb (年报) above a one-line title is not joined to it
    const tail = /[。；;，,]$/.test(text) || !YEAR_IN_RE.test(text) ? null : titleTail(lines, i);
    const joined = tail && text.length + tail.length <= 70 ? readTitle(line, text + tail, i) : null;
    if (joined && line.text.includes(joined.prefix[0] ?? "")) return joined;
  }
  return null;
}

function previousNameLine(lines: readonly Line[], index: number): Line | null {
  for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
    const text = lines[i]!.compact;
    if (text.length === 0) continue;
    return text.length <= 30 && (ORG_SUFFIX_RE.test(text) || PLACE_SUFFIX_RE.test(text)) ? lines[i]! : null;
  }
  return null;
}

function findAgency(lines: readonly Line[], title: ReturnType<typeof findTitle>): Located<string> {
  if (title && title.prefix.length >= 2) {
    const start = title.line.text.indexOf(title.prefix[0]!);
    return {
      value: toAgencyName(title.prefix),
      raw: title.prefix,
      loc: loc(title.line, Math.max(0, start), Math.max(0, start) + title.prefix.length),
    };
  }
  const before = title ? previousNameLine(lines, title.index) : null;
  if (before) {
    const raw = before.text.trim();
    return { value: toAgencyName(compact(raw)), raw, loc: loc(before, before.text.indexOf(raw), before.text.indexOf(raw) + raw.length) };
  }
  for (const re of OPENING_RES) {
    for (const line of lines.slice(0, 40)) {
      const m = re.exec(line.text);
      if (m) return { value: toAgencyName(compact(m[1]!)), raw: m[1]!, loc: loc(line, m.index, m.index + m[0].length) };
    }
  }
  return null;
}

const CN_DIGITS = "〇一二三四五六七八九";

/** "二〇二六年二月三日" → "2026年2月3日" (落款 dates are often written in Chinese numerals); other text unchanged. */
export function chineseDateToDigits(text: string): string {
  const m = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(text);
  if (!m) return text;
  const digit = (c: string): number => (c === "零" ? 0 : CN_DIGITS.indexOf(c));
  const small = (t: string): number => {
    const ten = t.indexOf("十");
    if (ten < 0) return digit(t);
    return (ten === 0 ? 1 : digit(t[0]!)) * 10 + (ten === t.length - 1 ? 0 : digit(t[ten + 1]!));
  };
  return `${[...m[1]!].map(digit).join("")}年${small(m[2]!)}月${small(m[3]!)}日`;
}

function findPublished(lines: readonly Line[]): Located<string> {
  const fmt = (m: RegExpExecArray): string => `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  for (const line of lines.slice(0, 40)) {
    const at = line.text.search(/(发文日期|发布日期|成文日期)/);
    if (at < 0) continue;
    const m = DATE_RE.exec(line.text.slice(at));
    if (m) return { value: fmt(m), raw: m[0], loc: loc(line, at + m.index, at + m.index + m[0].length) };
  }
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < 12; i--) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (text.length === 0) continue;
    seen++;
    const m = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(chineseDateToDigits(text));
    if (m) return { value: fmt(m), raw: text, loc: loc(line, line.text.indexOf(text), line.text.indexOf(text) + text.length) };
  }
  return null;
}

function findYear(lines: readonly Line[], title: ReturnType<typeof findTitle>): Located<number> {
  for (const line of lines) {
    const m = PERIOD_RE.exec(line.text);
    if (m) return { value: Number(m[1]), raw: m[0], loc: loc(line, m.index, m.index + m[0].length) };
  }
  if (title) return { value: title.year, raw: String(title.year), loc: loc(title.line, 0, title.line.text.length) };
  for (const line of lines.slice(0, 30)) {
    const m = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/.exec(line.text);
    if (m) return { value: Number(m[1]), raw: m[0], loc: loc(line, m.index, m.index + m[0].length) };
  }
  return null;
}

/** Code hints printed on government pages: 公网安备 and 政府网站标识码 embed the county code. */
function codeHints(text: string): string[] {
  const hints: string[] = [];
  for (const m of text.matchAll(/公网安备\s*(\d{6})\d{8}/g)) hints.push(m[1]!);
  for (const m of text.matchAll(/政府网站标识码[:：]?\s*(\d{6})\d{4}/g)) hints.push(m[1]!);
  return hints;
}

/** Reads the metadata from the tokenised lines and the full (normalised) text. */
export function parseMetadata(lines: readonly Line[], text: string): ParsedMetadata {
  const title = findTitle(lines);
  const found = findAgency(lines, title);
  const region = found ? resolveRegion(found.value, { hints: codeHints(text), text }) : null;
  // a body's name prints its brackets full-width (洮北区（工业园区）城南街道办事处); the normalised text has them half-width
  const agencyName = found ? { ...found, value: found.value.replace(/\(/g, "（").replace(/\)/g, "）") } : found;
  return {
    year: findYear(lines, title),
    agencyName,
    regionCode: region?.code ?? null,
    regionAlias: region?.viaAlias ?? null,
    publishedOn: findPublished(lines),
    scope: parseScope(lines, text),
  };
}
