/**
 * Rebuilds "layout text" (版面文本) from positioned PDF text items: one visual row per line, table
 * cells separated by TABs, tables carried across page breaks, wrapped labels joined to their
 * numbers. Every emitted character range maps back to its page and box.
 *
 * The steps, each in `layout/`: drop page furniture → items into fragments (one baseline run) →
 * fragments into cells (reading ruling lines) → value rows into tables → per table: attach labels to
 * rows, label columns, merged labels, header and its columns → emit lines → serialise with spans.
 */
import { attachLabels, moveMergedLabels } from "./layout/attach-labels";
import { addHeaderSlots, toLabelColumns } from "./layout/columns";
import { dropPageFurniture } from "./layout/drop-page-furniture";
import { plainLineBlocks, rowLines, serialise } from "./layout/emit-lines";
import type { Block, Cell, LayoutText, Table } from "./layout/layout-types";
import { isTextCell } from "./layout/order";
import { horizontalRules, type HorizontalRules } from "./layout/ruling-lines";
import { findHeader, headerLines } from "./layout/table-header";
import { toCells } from "./layout/to-cells";
import { splitNumberRuns, toFragments } from "./layout/to-fragments";
import { clusterRows, toTables } from "./layout/to-tables";
import type { PdfItems } from "./read-pdf-items";

export type { Box, LayoutSpan, LayoutText } from "./layout/layout-types";
export { locateRange } from "./layout/locate-range";

/**
 * Builds the layout text. Tables are carried across page breaks; group labels of merged cells
 * are attached to the first row of their group.
 */
export function toLayoutText(input: PdfItems): LayoutText {
  const items = splitNumberRuns(dropPageFurniture(input.items, input.pages));
  const hRules = horizontalRules(input.rules);
  const cells = toCells(toFragments(items), input.pages, hRules);
  const tables = toTables(clusterRows(cells), cells);
  const used = new Set<Cell>();
  for (const t of tables) for (const r of t.rows) for (const v of r.values) used.add(v);

  const texts = cells.filter(isTextCell);
  const blocks: Block[] = [];
  for (const table of tables) blocks.push(tableBlock(table, texts, used, hRules));
  // everything else: plain lines in reading order
  const rest: Cell[] = [];
  for (const c of cells) if (!used.has(c)) rest.push(c);
  blocks.push(...plainLineBlocks(rest));
  blocks.sort(blocksByGy);
  return { ...serialise(blocks), pageCount: input.pages.length };
}

const blocksByGy = (a: Block, b: Block): number => a.gy - b.gy;

/** One table's lines: labels attached to rows, header found, columns settled; marks every cell it takes as used. */
function tableBlock(table: Table, texts: Cell[], used: Set<Cell>, hRules: HorizontalRules): Block {
  const labels = attachLabels(table, texts, used, hRules);
  for (const c of labels) used.add(c);
  const columns = toLabelColumns(labels);
  moveMergedLabels(table, columns);

  const header = findHeader(table, labels, texts, used);
  table.header = header;
  for (const h of header) used.add(h);
  addHeaderSlots(table, header);

  const lines = [...headerLines(table, header, columns), ...rowLines(table, columns)];
  const gyStart = Math.min(table.rows[0]!.gy, ...header.map((h) => h.gy));
  return { gy: gyStart - 0.001, lines };
}
