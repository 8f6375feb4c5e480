/**
 * The row-label matcher of section 三: one printed label (possibly a fragment of a wrapped or
 * misspelt label) → a template row, a group label, or nothing. Keywords first, then the printed
 * position (（三）…, 2., 2、) inside the current group.
 */
import { compact } from "./normalize";
import { REQUEST_GROUPS, REQUEST_ROWS, type RequestGroup, type RequestRowDef } from "./template";

/** What a label cell means in section 三. */
export type LabelMatch = { kind: "row"; row: RequestRowDef } | { kind: "group"; group: RequestGroup } | { kind: "none" };

const CHINESE_DIGITS = "一二三四五六七八九";
const TOP_RE = /^([一二三四])[、.,]/;
const PAREN_RE = /^\(([一二三四五六七])\)?/;
const SUB_RE = /^(\d{1,2})(?:[.、,)]|$)/;
const TOTAL_RE = /^\(?七\)?总计/;

function rowBy(predicate: (row: RequestRowDef) => boolean): RequestRowDef | undefined {
  return REQUEST_ROWS.find(predicate);
}

const KEYWORDS: ReadonlyArray<[string, RequestRowDef]> = REQUEST_ROWS.flatMap((r) =>
  r.keywords.map((k): [string, RequestRowDef] => [k, r]),
);

/** Keyword indices (into KEYWORDS) by the code unit of the keyword's first character. */
const BY_FIRST_CHAR: ReadonlyArray<number[] | undefined> = (() => {
  const table: Array<number[] | undefined> = new Array<number[] | undefined>(0x10000).fill(undefined);
  KEYWORDS.forEach(([k], i) => (table[k.charCodeAt(0)] ??= []).push(i));
  return table;
})();

/** The indices of the keywords `text` holds, in KEYWORDS order (what `KEYWORDS.filter(k => text.includes(k))` gives). */
function keywordsIn(text: string): number[] {
  let found: number[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const list = BY_FIRST_CHAR[text.charCodeAt(i)];
    if (!list) continue;
    for (const k of list) if (text.startsWith(KEYWORDS[k]![0], i)) (found ??= []).push(k);
  }
  if (found === null) return [];
  return found.length > 1 ? [...new Set(found)].sort((a, b) => a - b) : found;
}

/** The first keyword's row of the open group, else the first keyword's row (keywords in KEYWORDS order). */
function byKeyword(found: readonly number[], group: RequestGroup | null): RequestRowDef | undefined {
  for (const k of found) if (KEYWORDS[k]![1].group === group) return KEYWORDS[k]![1];
  return found.length > 0 ? KEYWORDS[found[0]!]![1] : undefined;
}

function byPosition(text: string, group: RequestGroup | null): LabelMatch {
  if (TOTAL_RE.test(text)) return { kind: "row", row: rowBy((r) => r.path === "totalProcessed")! };
  const paren = PAREN_RE.exec(text);
  if (paren) {
    const n = CHINESE_DIGITS.indexOf(paren[1]!) + 1;
    const g = REQUEST_GROUPS.find((x) => x.paren === n);
    if (g) return { kind: "group", group: g.group };
    const row = rowBy((r) => r.paren === n);
    return row ? { kind: "row", row } : { kind: "none" };
  }
  const top = TOP_RE.exec(text);
  if (top) {
    const n = CHINESE_DIGITS.indexOf(top[1]!) + 1;
    const row = rowBy((r) => r.top === n);
    return row ? { kind: "row", row } : { kind: "none" };
  }
  const sub = SUB_RE.exec(text);
  if (sub && group) {
    const n = Number(sub[1]);
    const row = rowBy((r) => r.group === group && r.sub === n);
    if (row) return { kind: "row", row };
  }
  return { kind: "none" };
}

/**
 * Matches one label cell. `group` is the group currently open (（三）不予公开 …), used for
 * numbered sub-rows whose text is garbled or wrapped ("2.其他法律行政止公开", "5.要求行政机关确认或重").
 */
export function matchRequestLabel(label: string, group: RequestGroup | null): LabelMatch {
  const text = compact(label);
  return matchCompact(text, keywordsIn(text), group);
}

function matchCompact(text: string, found: readonly number[], group: RequestGroup | null): LabelMatch {
  if (text.length === 0) return { kind: "none" };
  const row = byKeyword(found, group);
  if (row) return { kind: "row", row };
  const g = REQUEST_GROUPS.find((x) => x.keywords.some((k) => text.includes(k)));
  if (g) return { kind: "group", group: g.group };
  if (group === "otherHandling" && /^3?[.、]?其他$/.test(text)) {
    return { kind: "row", row: rowBy((r) => r.path === "otherHandling.other")! };
  }
  return byPosition(text, group);
}

const CJK = /^[\u3400-\u9fff]+$/;

/**
 * A keyword that may be read with one character wrong, with its two halves: a window of the text that differs from the
 * keyword in at most one character holds one half exactly (the wrong character sits in the other), so a text holding
 * neither half cannot hold the keyword nearly.
 */
type NearKeyword = { keyword: string; path: string; halves: [string, string] };

/** Keywords of 4+ CJK characters (the only ones matched with one character misread). */
const NEAR_KEYWORDS: readonly NearKeyword[] = KEYWORDS.filter(([k]) => k.length >= 4 && CJK.test(k)).map(([k, row]) => ({
  keyword: k,
  path: row.path,
  halves: [k.slice(0, k.length >> 1), k.slice(k.length >> 1)],
}));

/** Any half of a near keyword: a text without one holds no keyword nearly. */
const ANY_HALF_RE = new RegExp(NEAR_KEYWORDS.flatMap((k) => k.halves).join("|"));

/** True when `text` holds `keyword` with at most one character read wrong (子以公开 for 予以公开). */
function holdsNearly(text: string, { keyword, halves }: NearKeyword): boolean {
  if (text.length < keyword.length || (!text.includes(halves[0]) && !text.includes(halves[1]))) return false;
  for (let i = 0; i + keyword.length <= text.length; i++) {
    let diff = 0;
    for (let j = 0; j < keyword.length && diff < 2; j++) if (text[i + j] !== keyword[j]) diff++;
    if (diff < 2) return true;
  }
  return false;
}

/**
 * The rows whose own label text a cell carries: its keywords; in a cell with none, a keyword of 4+ characters with one
 * character misread.
 * Used to see when two rows' labels compete for one line (the assembler then marks the row crossed).
 */
export function rowEvidence(label: string): Set<string> {
  const text = compact(label);
  return evidenceOf(text, keywordsIn(text));
}

function evidenceOf(text: string, found: readonly number[]): Set<string> {
  const evidence = new Set<string>();
  if (text.length === 0) return evidence;
  for (const k of found) evidence.add(KEYWORDS[k]![1].path);
  // a near miss counts only in a cell that names no row outright (大量反复申请 is 4., not a misread 重复申请)
  if (evidence.size === 0 && ANY_HALF_RE.test(text)) for (const near of NEAR_KEYWORDS) if (holdsNearly(text, near)) evidence.add(near.path);
  // the printed numbering at the start of the cell names a row too (（七）总计, 四、): a numbering of one row with another
  // row's keyword (（七）总计 结转下年度继续办理) is two rows' labels on one line
  const numbered = numberedRow(text);
  if (numbered) evidence.add(numbered.path);
  return evidence;
}

/** One label cell read once: what it matches (`matchRequestLabel`) and the rows whose label text it carries (`rowEvidence`). */
export function readLabel(label: string, group: RequestGroup | null): { match: LabelMatch; evidence: Set<string> } {
  const text = compact(label);
  const found = keywordsIn(text);
  return { match: matchCompact(text, found, group), evidence: evidenceOf(text, found) };
}

/** The row a cell's leading numbering names without a group (（一）（二）（七）总计, 一、二、四、), if any. */
function numberedRow(text: string): RequestRowDef | undefined {
  if (TOTAL_RE.test(text)) return rowBy((r) => r.path === "totalProcessed");
  const paren = PAREN_RE.exec(text);
  if (paren) {
    const n = CHINESE_DIGITS.indexOf(paren[1]!) + 1;
    return REQUEST_GROUPS.some((g) => g.paren === n) ? undefined : rowBy((r) => r.paren === n);
  }
  const top = TOP_RE.exec(text);
  return top ? rowBy((r) => r.top === CHINESE_DIGITS.indexOf(top[1]!) + 1) : undefined;
}
