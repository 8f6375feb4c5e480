/**
 * Reading one table cell as a number. Problems are data: a cell is a number, a blank
 * (空白, "/", "-", "—", "无") or text, never 0 or NaN by accident.
 */

/** What one cell holds; `unit` is the unit printed in the cell ("元", "笔"), when one was. */
export type CellValue = { kind: "number"; value: number; unit?: string } | { kind: "blank" } | { kind: "text"; overlong?: true };

/**
 * Longest cell text read as a number. A longer run of digits is no table cell (or many cells run together past what a
 * split can settle): it stays a text cell marked `overlong`, so the row readers leave its row null with a finding
 * (`digits-overlong`) instead of dropping it silently or taking it for label text.
 */
export const MAX_NUMBER_CHARS = 40;

const BLANK_MARKS = new Set(["", "/", "-", "—", "–", "——", "--", "无", "/ ", "－", "／", "＼", "\\", "空"]);
/**
 * -1, 1,234, 709.48 with an optional unit (money, or a count's measure word: 2笔, 15件); number group 1, unit group 2.
 * A number ending in a thousands separator ("1," — the head of a number wrapped in its cell, see wrapped-cells.ts) reads
 * as its digits.
 */
const NUMBER_RE =
  /^([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d{1,3}(?:,\d{3})*(?=,$)|[-+]?\d+(?:\.\d+)?),?\s*(万元|亿元|亿|万|元|件|条|个|项|次|笔|宗|家|份|起|人次|人)?$/;
/** "22(其中修订16件)": a number followed by a bracketed note */
const ANNOTATED_RE = /^([-+]?[\d,]+(?:\.\d+)?)\s*(万元|亿元|亿|万|元|件|条|个|项|次|笔|宗|家|份|起|人次|人)?\s*[(（[【].*[)）\]】]$/;
/** The values of a text cell and of a blank cell: shared (never changed), one less object per cell. */
const TEXT: CellValue = Object.freeze({ kind: "text" });
const BLANK: CellValue = Object.freeze({ kind: "blank" });
const ZERO: CellValue = Object.freeze({ kind: "number", value: 0 });
const OVERLONG: CellValue = Object.freeze({ kind: "text", overlong: true });
/** A digit run (with separators, and a unit or measure word after it: …0000件) too long to be one cell: see MAX_NUMBER_CHARS. */
const DIGIT_RUN_RE = /^[-+]?\d[\d,.]*(?:万元|亿元|亿|万|元|件|条|个|项|次|笔|宗|家|份|起|人次|人)?$/;
/** How every match of NUMBER_RE or ANNOTATED_RE starts (a cheap test that rules out label cells). */
const MAY_START_NUMBER = /^[-+\d,]/;
/** Units that make a cell an amount of money. */
export const MONEY_UNITS = new Set(["万元", "亿元", "亿", "万", "元"]);

/** Multiplier that turns a unit into 万元 (money) or 1 for counts. */
function unitFactor(unit: string | undefined): number {
  switch (unit) {
    case "亿":
    case "亿元":
      return 10000;
    case "元":
      return 1 / 10000;
    default:
      return 1;
  }
}

/** Fast path of the hot loop: a plain run of ASCII digits. */
function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Parses a half-width-normalised cell. Money units convert to 万元 ("1.83亿" → 18300,
 * "5000元" → 0.5); counts keep their value; "22(其中修订16件)" → 22.
 */
export function parseNumberCell(raw: string): CellValue {
  if (raw.length > 0 && raw.length < 10 && isDigits(raw)) return { kind: "number", value: Number(raw) };
  const text = raw.trim();
  if (BLANK_MARKS.has(text)) return BLANK;
  // a lone 〇 (U+3007) or 零 fills a cell as the number 0 (inside a number, normalize.toHalfWidth reads them as "0");
  // ○ (U+25CB, a circle) alone is a mark, not a number
  if (text === "〇" || text === "零") return ZERO;
  if (text.length > MAX_NUMBER_CHARS) return DIGIT_RUN_RE.test(text) ? OVERLONG : TEXT;
  if (!MAY_START_NUMBER.test(text)) return TEXT;
  const m = NUMBER_RE.exec(text) ?? ANNOTATED_RE.exec(text);
  if (!m) return TEXT;
  const value = Number(m[1]!.replace(/,/g, "").replace(/^\+/, ""));
  if (!Number.isFinite(value)) return TEXT;
  const unit = m[2];
  return unit
    ? { kind: "number", value: round(value * unitFactor(unit)), unit }
    : { kind: "number", value: round(value * unitFactor(unit)) };
}

/** True for a cell holding a digit run too long to read (see MAX_NUMBER_CHARS). */
export const isOverlong = (value: CellValue): boolean => value.kind === "text" && value.overlong === true;
