/**
 * Prose inside a table (表内说明文字): a sentence printed between or under a table's rows that restates its figures
 * (本年度共收到政府信息公开申请12件，其中自然人10件。 / 注：“其他”含信函申请3件。). Its numbers are no cells and its words
 * name rows (予以公开, 结转下年度) without being their labels, so the table readers skip it whole.
 *
 * A text is prose when it counts something in words (a number followed by a measure word: 12件, 3 人次) and ends a
 * clause after it (，。；) — a table cell never puts a clause break after its count — and it carries none of the
 * numbering a row label starts with (一、 （三） 2.) and few numbers (a table row prints 7, a sentence a handful), so a
 * run-together table line (a whole table on one line, with its labels) is never taken for prose.
 */

/** A count in words: digits, an optional space, a measure word, then no further digit (5件0件 is a row with units). */
const COUNT_RE = /\d\s*(?:件|人次|次|个|项|条|家|笔|宗|份|起)(?!\s*\d)/;
/** A clause break (half-width after normalize.toHalfWidth, or as printed). */
const CLAUSE_RE = /[,，;；。!！?？]/;
/** The numbering a row label of sections 三/四 starts with: 一、 （三） (三) 2. 2、 */
const NUMBERING_RE = /[一二三四五六七][、.．]|[(（][一二三四五六七][)）]|(?:^|[^\d.])\d{1,2}[.、．](?!\d)/;
const DIGIT_RUN_RE = /\d+/g;
/** More numbers than this is a table row (or rows), not a sentence. */
const MAX_PROSE_NUMBERS = 6;

/** True when `text` (one cell or one line, half-width) is a sentence with counts in it rather than a table row. */
export function isProse(text: string): boolean {
  if (text.length < 8 || text.length > 300) return false;
  if (!COUNT_RE.test(text) || !CLAUSE_RE.test(text) || NUMBERING_RE.test(text)) return false;
  return (text.match(DIGIT_RUN_RE)?.length ?? 0) <= MAX_PROSE_NUMBERS;
}
