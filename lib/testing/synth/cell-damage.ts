/**
 * Damage to single value cells of sections 三 and 四 that real extractions show:
 * - "blankMarks": a 0 prints as a mark instead of a digit (—, ——, /, 无, -): the cell is there (its position is known in
 *   every layout) but says nothing a reader may take for 0 (lossy: the identities may force it back);
 * - "cellUnits": a table prints its counts with a measure word in every cell (12件, 0件), as Word and WPS tables
 *   often do (lossless);
 * - "splitNumber": a number too wide for its narrow PDF column wraps inside its cell, its tail printed on the next line
 *   under it (1234 → "12" / "34"; 1,234 → "1," / "234") (lossy: a reader cannot tell a tail from a cell of its own).
 *   Text layouts only: an HTML or DOCX cell keeps its text whole.
 */
import type { LossyEdit } from "./corrupt-tables";
import type { Rng } from "./prng";
import type { Table, TableRow } from "./table-model";

const MARKS = ["—", "——", "/", "无", "-"] as const;
/** A printed number with at least two digit characters (half- or full-width), so there is a place to wrap it. */
const WRAPPABLE_RE = /^[-0-9０-９,，.]*[0-9０-９][-0-9０-９,，.]*[0-9０-９][-0-9０-９,，.]*$/;
/** Longer than a count ever prints (an "overlong" run of many cells): not one number to wrap. */
const MAX_WRAPPABLE = 12;
const isWrappable = (text: string): boolean => text.length <= MAX_WRAPPABLE && WRAPPABLE_RE.test(text);

const valueIndexes = (row: TableRow): number[] => row.cells.flatMap((c, i) => (c.path ? [i] : []));
const bodyRows = (tables: Table[]): TableRow[] =>
  tables.filter((t) => t.section !== "二").flatMap((t) => t.rows.slice(t.headerRows).filter((r) => valueIndexes(r).length > 1));

/**
 * "blankMarks": up to `count` zeros of sections 三/四 print as marks (in place); one lossy edit per mark. A row in `used`
 * (already edited by a lossy kind) is left alone, and a marked row is added to it: the oracle models one edit per row.
 */
export function printBlankMarks(rng: Rng, tables: Table[], count: number, used: Set<TableRow>): LossyEdit[] {
  const edits: LossyEdit[] = [];
  for (let n = 0; n < count; n++) {
    const rows = bodyRows(tables).filter((row) => !used.has(row) && valueIndexes(row).some((i) => row.cells[i]?.text === "0"));
    if (rows.length === 0) break;
    const row = rng.pick(rows);
    const idx = valueIndexes(row);
    const zeros = idx.map((cellIndex, index) => ({ cellIndex, index })).filter(({ cellIndex }) => row.cells[cellIndex]?.text === "0");
    const { cellIndex, index } = rng.pick(zeros);
    row.cells[cellIndex]!.text = rng.pick(MARKS);
    used.add(row);
    edits.push({ kind: "blank", rowPaths: idx.map((i) => row.cells[i]?.path ?? ""), index, positionKnown: true });
  }
  return edits;
}

/** "cellUnits": every printed count of section 三, 四 or both carries 件 (in place). */
export function printCellUnits(rng: Rng, tables: Table[]): void {
  const which = rng.pick(["三", "四", "both"] as const);
  for (const table of tables) {
    if (table.section === "二" || (which !== "both" && table.section !== which)) continue;
    for (const cell of table.rows.flatMap((r) => r.cells)) if (cell.path && /[0-9０-９]$/.test(cell.text)) cell.text += "件";
  }
}

/**
 * "splitNumber": up to `count` numbers of sections 三/四 wrap inside their cell (in place); one lossy edit each. Rows in
 * `lost` (a cell dropped or blanked) are left alone: printed one cell per line, a row that lost a cell and gained a
 * wrapped tail has its full count again and reads exactly like a report whose own arithmetic is wrong, which a reader
 * must keep as printed (with the identity flagged), so no reader can be sound on it.
 */
export function splitNumbers(rng: Rng, tables: Table[], count: number, lost: ReadonlySet<TableRow>): LossyEdit[] {
  const edits: LossyEdit[] = [];
  for (let n = 0; n < count; n++) {
    const rows = bodyRows(tables).filter(
      (row) => !lost.has(row) && !row.wrapTail && valueIndexes(row).some((i) => isWrappable(row.cells[i]!.text)),
    );
    if (rows.length === 0) break;
    const row = rng.pick(rows);
    const idx = valueIndexes(row);
    const options = idx
      .map((cellIndex, index) => ({ cellIndex, index }))
      .filter(({ cellIndex }) => isWrappable(row.cells[cellIndex]!.text));
    const { cellIndex, index } = rng.pick(options);
    const cell = row.cells[cellIndex]!;
    // a line breaks after a thousands separator, never before it ("1," / "234", not "1" / ",234")
    const cuts = [...cell.text.slice(1)].flatMap((ch, i) => (ch === "," || ch === "，" ? [] : [i + 1]));
    const cut = rng.pick(cuts);
    row.wrapTail = { cellIndex, text: cell.text.slice(cut) };
    cell.text = cell.text.slice(0, cut);
    edits.push({ kind: "split", rowPaths: idx.map((i) => row.cells[i]?.path ?? ""), index, positionKnown: false });
  }
  return edits;
}
