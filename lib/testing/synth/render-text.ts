/**
 * Renders report blocks into the plain-text layouts the seed reports show:
 * - "tab": tab-separated rows, merged cells' text on their first row only (seeds 000/003/004);
 *   `compact` collapses column spans to one field as seed 000 does;
 * - "lines": every cell on its own line, blank lines between, whitespace-only lines for blank
 *   cells, as web page text comes out (seed 002);
 * - "pipe": pipe rows with each cell on its own line and a run of pipes for the missing grid
 *   positions (seed 001).
 * Page breaks print a footer "- n -" and repeat the table header; wrapped labels print their
 * continuation on the next line.
 */
import type { Block } from "./compose-report";
import { placeCells } from "./place-cells";
import type { Table, TableRow } from "./table-model";

/** The text layouts. */
export type TextLayout = "tab" | "tab-compact" | "lines" | "pipe";

/** Lines of one table row per layout, before page-break handling. */
function tabRows(table: Table, compact: boolean): string[][] {
  const grid = placeCells(table);
  return grid.map((slots, r) => {
    const kept = slots.filter((s) => !(compact && s.coveredBy === "colspan"));
    // Compact rows end at their last cell (seed 000); grid rows keep every position (seed 003).
    while (compact && kept.length > 0 && kept[kept.length - 1]?.coveredBy === "nothing") kept.pop();
    const fields = kept.map((s) => s.text);
    const row = table.rows[r];
    if (row?.stray !== undefined && row.strayAt !== undefined) {
      // an OCR stray digit as one more field among the row's numbers
      const values = row.cells.flatMap((c, i) => (c.path ? [i] : []));
      const at = row.strayAt < values.length ? slotIndexOfCell(table, r, values[row.strayAt]!, compact) : fields.length;
      return [[...fields.slice(0, at), row.stray, ...fields.slice(at)].join("\t")];
    }
    if (row?.stray !== undefined) {
      // the label alone, a stray mark on a line of its own, then the row's numbers (a converter's broken row)
      const firstValue = slotIndexOfCell(
        table,
        r,
        Math.max(
          0,
          row.cells.findIndex((c) => c.path),
        ),
        compact,
      );
      return [fields.slice(0, firstValue).join("\t"), row.stray, fields.slice(firstValue).join("\t")];
    }
    const lines = [fields.join("\t")];
    if (row?.wrapTail) {
      const before = slots.slice(0, slotIndexOfCell(table, r, row.wrapTail.cellIndex, compact)).length;
      lines.push("\t".repeat(before) + row.wrapTail.text);
    }
    return lines;
  });
}

/** The field index (in the printed tab row) where the row's `cellIndex`-th cell stands. */
function slotIndexOfCell(table: Table, r: number, cellIndex: number, compact: boolean): number {
  const grid = placeCells(table);
  const slots = (grid[r] ?? []).filter((s) => !(compact && s.coveredBy === "colspan"));
  let seen = -1;
  for (let i = 0; i < slots.length; i++) {
    if (slots[i]?.coveredBy === "none") seen++;
    if (seen === cellIndex) return i;
  }
  return 0;
}

/** The row's lines with its stray mark (an OCR stray digit) as one more cell line before its `strayAt`-th value cell. */
function withStrayLine(row: TableRow, lines: string[], strayLine: string): string[] {
  if (row.stray === undefined || row.strayAt === undefined) return lines;
  const values = row.cells.flatMap((c, i) => (c.path ? [i] : []));
  const at = row.strayAt < values.length ? values[row.strayAt]! : row.cells.length;
  return [...lines.slice(0, at), strayLine, ...lines.slice(at)];
}

function linesRows(table: Table): string[][] {
  return table.rows.map((row) =>
    withStrayLine(
      row,
      row.cells.flatMap((cell, i) => {
        const line = `  ${cell.text}`;
        if (row.wrapTail?.cellIndex !== i) return [line];
        return [`${line}\n  ${row.wrapTail.text}`];
      }),
      `  ${row.stray}`,
    ),
  );
}

function pipeRows(table: Table): string[][] {
  return table.rows.map((row) => {
    const lines = row.cells.map((cell, i) => {
      const text = row.wrapTail?.cellIndex === i ? `${cell.text}\n${row.wrapTail.text}` : cell.text;
      return i === 0 ? `| ${text} |` : `${text} |`;
    });
    const missing = table.columns - row.cells.length;
    if (missing > 0) lines.push("|".repeat(missing));
    return withStrayLine(row, lines, `${row.stray} |`);
  });
}

function renderTable(table: Table, layout: TextLayout): string[] {
  const rows = layout === "lines" ? linesRows(table) : layout === "pipe" ? pipeRows(table) : tabRows(table, layout === "tab-compact");
  const header = rows.slice(0, table.headerRows).flat();
  const out: string[] = [];
  rows.forEach((lines, r) => {
    const pageBreak = table.pageBreaks.find((b) => b.beforeRow === r);
    if (pageBreak) out.push("", `- ${pageBreak.page} -`, "", ...header);
    out.push(...lines);
  });
  return out;
}

/** The whole report as text in `layout`. */
export function renderText(blocks: Block[], layout: TextLayout): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === "table") out.push(...renderTable(block.table, layout));
    else out.push(layout === "lines" ? `  ${block.text}` : block.text);
  }
  // Web page text (seed 002) puts a blank line between every line; PDF text (000) around paragraphs.
  if (layout === "lines") return `${out.join("\n\n")}\n`;
  return `${out.join("\n")}\n`;
}
