/**
 * "zeroGlyphs" damage: zeros print as 〇 (U+3007), ○ (U+25CB) or 零 inside numbers ("1〇2", "2○", "〇.5"), single digits
 * of a number print full-width ("1２3", "２0"), and a cell holding only 0 prints as 〇 or 零, as typesetters and OCR do.
 * Lossless: a reader that knows these glyphs gets every number back. (A lone ○ is a mark, not a zero: never printed.)
 */
import type { Rng } from "./prng";
import type { Table } from "./table-model";

const ZERO_GLYPHS = ["〇", "○", "零"] as const;
const LONE_ZERO = ["〇", "零"] as const;
const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** One number's text with zero glyphs and mixed full-width digits; keeps at least one real digit. */
function damageNumber(rng: Rng, digits: string): string {
  let out = "";
  for (const ch of digits) {
    if (ch === "0" && rng.chance(0.6)) out += rng.pick(ZERO_GLYPHS);
    else if (ch >= "0" && ch <= "9" && rng.chance(0.3)) out += String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET);
    else out += ch;
  }
  // every digit turned into a glyph ("00" cannot happen; "0.0" can): keep the last digit as printed
  return /[0-9０-９]/.test(out) ? out : out.slice(0, -1) + digits.slice(-1);
}

/** Applies the damage to the value cells of every table (in place). */
export function printZeroGlyphs(rng: Rng, tables: Table[]): void {
  for (const cell of tables.flatMap((t) => t.rows.flatMap((r) => r.cells))) {
    if (!cell.path || cell.text === "" || !rng.chance(0.6)) continue;
    if (cell.text === "0") {
      if (rng.chance(0.5)) cell.text = rng.pick(LONE_ZERO);
      continue;
    }
    // the number part of the text (a unit or note after it is kept as printed)
    cell.text = cell.text.replace(/^-?[0-9][0-9,.]*/, (n) => damageNumber(rng, n));
  }
}
