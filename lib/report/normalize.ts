/**
 * Character normalisation that keeps every index in place (one UTF-16 unit in, one out), so
 * locations found in the normalised text point into the original source text.
 */

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const WIDE_SPACES = new Set([0x3000, 0x00a0, 0x2002, 0x2003, 0x2009, 0x200b, 0xfeff, 0x2007, 0x202f]);

/**
 * Full-width ASCII (０-９, （）, ．, ，, ｜) to half-width and wide/no-break spaces to " ".
 * The result has exactly the same length as the input.
 */
export function toHalfWidth(text: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FULL_WIDTH_START && c <= FULL_WIDTH_END) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (WIDE_SPACES.has(c)) {
      out += " ";
      changed = true;
    } else if (c === 0x3001 || c === 0x3002) {
      out += text[i]; // 、。 stay: they are row markers and sentence ends
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/** Removes all whitespace (for matching labels printed with stray spaces: "尚 未 审 结"). */
export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}
