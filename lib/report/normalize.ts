/**
 * Character normalisation that keeps every index in place (one UTF-16 unit in, one out), so
 * locations found in the normalised text point into the original source text.
 */

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
/**
 * Wide and no-break spaces (U+3000, U+00A0, U+2002-U+200B, U+FEFF, U+202F) become " "; radical
 * code points (U+2E80-U+2FDF) become the ideograph they stand for (see RADICALS). A text without any of
 * these characters is returned as it is.
 */
const NEEDS_MAPPING_RE = /[\uff01-\uff5e\u3000\u00a0\u2002-\u200b\ufeff\u202f\u2e80-\u2fdf\u2212\u3007\u25cb\u96f6]/;

/** Zero glyphs a typesetter or OCR puts inside a number ("1〇2", "2○0", "3零5"): 〇 U+3007, ○ U+25CB, 零. */
const isZeroGlyph = (c: number): boolean => c === 0x3007 || c === 0x25cb || c === 0x96f6;
const isDigitCode = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** A decimal point or thousands separator inside a number ("〇.5", "1,〇2〇"): the run goes on through it. */
const isNumberMark = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0xff0e || c === 0xff0c;

/**
 * True when the zero glyph at `i` stands inside a run of digits, zero glyphs and number marks (. ,) that holds at least
 * one real digit (0-9 or ０-９): "1〇2", "20〇", "〇.5" read as numbers; "二〇二四年", a lone "〇" or "零容忍" stay as
 * they are (a lone 〇 or 零 cell is read as 0 by parse-number).
 */
/** How far zeroInNumber looks for a digit through zero glyphs (bounds the work on a line of nothing but 〇). */
const ZERO_RUN_LOOK = 40;

function zeroInNumber(text: string, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - ZERO_RUN_LOOK); j--) {
    const c = text.charCodeAt(j);
    if (isDigitCode(c)) return true;
    if (!isZeroGlyph(c) && !isNumberMark(c)) break;
  }
  for (let j = i + 1; j < Math.min(text.length, i + ZERO_RUN_LOOK + 1); j++) {
    const c = text.charCodeAt(j);
    if (isDigitCode(c)) return true;
    if (!isZeroGlyph(c) && !isNumberMark(c)) break;
  }
  return false;
}

/**
 * Browsers (Chromium/Skia) and some PDF writers map a CJK font's glyph back to the FIRST code point
 * that uses it, so 行政 comes out of the PDF as "⾏政" (U+2F8F KANGXI RADICAL WALK) and 门户网站 as
 * "⻔⼾⽹站". Kangxi radicals map to their compatibility ideograph (NFKC), except where a simplified
 * Chinese font shares the glyph with the simplified character (⼾ → 户, not 戶); the supplement's
 * simplified radicals that are characters in their own right map to those characters.
 */
const RADICAL_OVERRIDES: Record<string, string> = { "⼾": "户" };
const SUPPLEMENT =
  "⺟母⺠民⺩王⺝月⺼月⻄西⻅见⻆角⻉贝⻋车⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻝食⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟⺁厂";
let radicals: Map<string, string> | null = null;

function radicalMap(): Map<string, string> {
  if (radicals) return radicals;
  const map = new Map<string, string>();
  for (let c = 0x2f00; c <= 0x2fd5; c++) {
    const ch = String.fromCharCode(c);
    const to = RADICAL_OVERRIDES[ch] ?? ch.normalize("NFKC");
    if (to.length === 1 && to !== ch) map.set(ch, to);
  }
  for (let i = 0; i + 1 < SUPPLEMENT.length; i += 2) map.set(SUPPLEMENT[i]!, SUPPLEMENT[i + 1]!);
  radicals = map;
  return map;
}

const RADICAL_RE = /[\u2e80-\u2fdf]/g;

/** Only the radical mapping of `toHalfWidth` ("⾏政" → "行政"), for text that is not normalised otherwise. */
export function radicalsToIdeographs(text: string): string {
  return text.replace(RADICAL_RE, (ch) => radicalMap().get(ch) ?? ch);
}

/**
 * Full-width ASCII (０-９, （）, ．, ，, ｜) to half-width, wide/no-break spaces to " ", radical code
 * points to their ideographs ("⾏政" → "行政"), U+2212 minus to "-", a zero glyph inside a number to "0" ("1〇2" → "102",
 * see zeroInNumber). The result has exactly the same length as the input.
 */
export function toHalfWidth(text: string): string {
  if (!NEEDS_MAPPING_RE.test(text)) return text;
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let to: string;
    if (c >= FULL_WIDTH_START && c <= FULL_WIDTH_END) to = String.fromCharCode(c - 0xfee0);
    else if (c < 0xa0) continue;
    else if (c >= 0x2e80 && c <= 0x2fdf) to = radicalMap().get(text[i]!) ?? text[i]!;
    else if (isZeroGlyph(c)) {
      if (!zeroInNumber(text, i)) continue;
      to = "0";
    } else if (c === 0x2212)
      to = "-"; // − MINUS SIGN in 本年增/减
    else if (c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200b) || c === 0xfeff || c === 0x202f) to = " ";
    else continue;
    out += text.slice(last, i) + to;
    last = i + 1;
  }
  return out + text.slice(last);
}

const HAS_SPACE_RE = /\s/;

/** True for the code units /\s/ matches (ECMAScript WhiteSpace and LineTerminator), without a regex per character. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Removes all whitespace (for matching labels printed with stray spaces: "尚 未 审 结"). */
export function compact(text: string): string {
  return HAS_SPACE_RE.test(text) ? text.replace(/\s+/g, "") : text;
}
