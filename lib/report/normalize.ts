/**
 * Character normalisation that keeps every index in place (one UTF-16 unit in, one out), so
 * locations found in the normalised text point into the original source text.
 */

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
/** Wide and no-break spaces (U+3000, U+00A0, U+2002-U+200B, U+FEFF, U+202F) become " ". */
const MAPPING_RE = /[\uff01-\uff5e\u3000\u00a0\u2002-\u200b\ufeff\u202f]/g;
const NEEDS_MAPPING_RE = /[\uff01-\uff5e\u3000\u00a0\u2002-\u200b\ufeff\u202f]/;

/**
 * Full-width ASCII (０-９, （）, ．, ，, ｜) to half-width and wide/no-break spaces to " ".
 * The result has exactly the same length as the input.
 */
export function toHalfWidth(text: string): string {
  if (!NEEDS_MAPPING_RE.test(text)) return text;
  return text.replace(MAPPING_RE, (ch) => {
    const c = ch.charCodeAt(0);
    return c >= FULL_WIDTH_START && c <= FULL_WIDTH_END ? String.fromCharCode(c - 0xfee0) : " ";
  });
}

const HAS_SPACE_RE = /\s/;

/** Removes all whitespace (for matching labels printed with stray spaces: "尚 未 审 结"). */
export function compact(text: string): string {
  return HAS_SPACE_RE.test(text) ? text.replace(/\s+/g, "") : text;
}
