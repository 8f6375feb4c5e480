/**
 * "overlong" damage: one value row prints as a single run of more than 40 digits (a text layer that ran a row's cells
 * together and repeated them, or a row of big numbers glued with no separator): the run stands in the row's first value
 * cell and the row's other value cells are empty. No reader can tell the row's values from it: the parser must leave
 * the row null with a `digits-overlong` finding that names the table and row, never read a number out of it. Lossy
 * for the oracle: every value of the row counts as lost.
 */
import type { Rng } from "./prng";
import type { Table, TableRow } from "./table-model";

/** The edited row: its section and value paths in print order. */
export type OverlongEdit = { section: Table["section"]; rowPaths: string[]; digits: number };

const FULL_WIDTH_ZERO = 0xff10;

/** The ASCII digits of a printed value (full-width digits read as their ASCII forms; separators and units left out). */
function digitsOf(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 48 && c <= 57) out += ch;
    else if (c >= FULL_WIDTH_ZERO && c <= FULL_WIDTH_ZERO + 9) out += String.fromCharCode(c - FULL_WIDTH_ZERO + 48);
  }
  return out;
}

/** Replaces one value row of any table by an overlong digit run (in place); returns the edit, or null. */
export function printOverlongRun(rng: Rng, tables: Table[]): OverlongEdit | null {
  const rows: Array<{ table: Table; row: TableRow }> = [];
  for (const table of tables)
    for (const row of table.rows.slice(table.headerRows)) if (row.cells.some((c) => c.path)) rows.push({ table, row });
  if (rows.length === 0) return null;
  const { table, row } = rng.pick(rows);
  const cells = row.cells.filter((c) => c.path);
  let digits = cells.map((c) => digitsOf(c.text)).join("");
  // the row's own digits, repeated (a doubled text layer) and then filled with random digits, up to 41–60 characters
  const length = rng.int(41, 60);
  while (digits.length < length) digits += digits.length > 0 && rng.chance(0.5) ? digits : String(rng.int(0, 9));
  cells[0]!.text = digits.slice(0, length);
  for (const c of cells.slice(1)) c.text = "";
  return { section: table.section, rowPaths: cells.map((c) => c.path!), digits: length };
}
