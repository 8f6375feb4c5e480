/**
 * Text tests and joins shared by the layout-text steps: what counts as a table value, a row number
 * (序号), and how pieces of one cell are joined.
 */
import type { Cell } from "./layout-types";

/** A row or section number at the start of a label: （一）, 一、, 1. or 第一. */
export const NUMBERING =
  /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、．.]|\d{1,2}\s*[.、．](?!\d)|第[一二三四五六七八九十\d]+)/;
/** A table value: a number (thousands separators, decimals, a unit as the parser reads them) or a blank mark. */
const VALUE = /^(?:(?:[-−]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?)\s*(?:万元|亿元|亿|万|元|件|条|个|项|次)?|[-—–/／])$/;
/** A row number standing alone ("1." / "（三）" / "三、"). */
export const BARE_NUMBERING = /^(?:\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)$/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]/;

export function joinText(left: string, right: string): string {
  if (left === "") return right;
  const a = left[left.length - 1] ?? "";
  const b = right[0] ?? "";
  if (CJK.test(a) || CJK.test(b)) return left + right;
  return `${left} ${right}`;
}

/** Joins two lines of one cell or paragraph: a wrap inside a number or code adds no space. */
export function joinLines(upper: string, lower: string): string {
  if (/[0-9.,，%-]$/.test(upper) && /^[0-9.,，%]/.test(lower)) return upper + lower;
  return joinText(upper, lower);
}

/** Removes stray spaces between CJK characters ("总 计" → "总计"), keeps them around Latin/digits. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”])/g, "")
    .trim();
}

const FULL_WIDTH_DIGITS = /[０-９．，－]/g;
const toAscii = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** Full-width digits and separators as ASCII (０１２ → 012), for recognising values only. */
export function asciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, toAscii);
}

export function isValue(text: string): boolean {
  return VALUE.test(asciiDigits(text));
}

/** A cell's text: its fragments joined line by line. */
export function cellText(c: Cell): string {
  let t = "";
  for (const p of c.parts) t = joinLines(t, p.text);
  return tidy(t);
}

const CN_NUM = "一二三四五六七八九十";
/** The number of a label's row number (（三） → 3, 2. → 2), or null. */
export function numberingValue(text: string): number | null {
  const m = /^(?:[（(]([一二三四五六七八九十]+)[）)]|([一二三四五六七八九十]+)[、．.]|(\d{1,2})\s*[.、．])/.exec(text);
  if (!m) return null;
  if (m[3]) return Number(m[3]);
  const s = m[1] ?? m[2] ?? "";
  if (s.length === 1) return CN_NUM.indexOf(s) + 1;
  return s === "十" ? 10 : null;
}
