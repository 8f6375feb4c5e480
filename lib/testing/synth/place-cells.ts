/**
 * Places a table's cells on its grid, honouring rowspan and colspan, the way a browser does.
 * Text renderers use it to print merged cells as a real extraction does: the text in the first
 * grid position of a merged cell, the positions it covers empty.
 */
import type { Table } from "./table-model";

/** One grid position: the text printed there (empty when covered) and how it got there. */
export type GridSlot = { text: string; coveredBy: "none" | "colspan" | "rowspan" | "nothing" };

/** The table as rows × columns of slots. A row with fewer cells than the grid ends in "nothing" slots. */
export function placeCells(table: Table): GridSlot[][] {
  const grid: GridSlot[][] = table.rows.map(() =>
    Array.from({ length: table.columns }, () => ({ text: "", coveredBy: "nothing" as const })),
  );
  const taken = table.rows.map(() => new Array<boolean>(table.columns).fill(false));
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (col < table.columns && taken[r]?.[col]) col++;
      if (col >= table.columns) break;
      const colspan = cell.colspan ?? 1;
      const rowspan = cell.rowspan ?? 1;
      for (let dr = 0; dr < rowspan && r + dr < table.rows.length; dr++) {
        for (let dc = 0; dc < colspan && col + dc < table.columns; dc++) {
          taken[r + dr]![col + dc] = true;
          grid[r + dr]![col + dc] = {
            text: dr === Math.min(cell.printAt ?? 0, rowspan - 1) && dc === 0 ? cell.text : "",
            coveredBy: dr === 0 && dc === 0 ? "none" : dr === 0 ? "colspan" : "rowspan",
          };
        }
      }
      col += colspan;
    }
  });
  return grid;
}
