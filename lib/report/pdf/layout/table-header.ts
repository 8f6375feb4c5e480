/**
 * A table's header (表头): the text cells right above its first row, and the header lines emitted for
 * it (the bottom-most cell over each column on one line, the wider ones above).
 */
import { slotOf, type LabelColumns } from "./columns";
import { cellText, tidy } from "./layout-strings";
import type { Cell, Emitted, Table } from "./layout-types";
import { cellsByGyDescending, cellsByGyThenX0, cellsByX0 } from "./order";

/** Header cells: free text cells right above the first row, inside the table's horizontal extent, bottom up. */
export function findHeader(table: Table, labels: Cell[], texts: Cell[], used: Set<Cell>): Cell[] {
  const first = table.rows[0]!;
  let left = table.valueX0;
  let fsTable = first.values[0]!.fontSize * 0.8;
  for (const c of labels) {
    left = Math.min(left, c.x0);
    fsTable = Math.max(fsTable, c.fontSize);
  }
  const right = table.valueX1;
  const above: Cell[] = [];
  for (const c of texts) {
    if (!used.has(c) && c.page === first.page && c.bottom <= first.top + 1 && c.x0 >= left - 12 && c.x0 < right) above.push(c);
  }
  above.sort(cellsByGyDescending);
  const header: Cell[] = [];
  let edge = first.top;
  for (const c of above) {
    if (c.fontSize > fsTable * 1.25) break;
    if (edge - c.bottom > fsTable * 4.5) break;
    header.push(c);
    edge = Math.min(edge, c.top);
  }
  return header;
}

/** Header lines: bottom-most single-slot cells form the slot line; the rest go above, grouped by line. */
export function headerLines(table: Table, header: Cell[], columns: LabelColumns): Emitted[] {
  if (!header.length) return [];
  const lines: Emitted[] = [];
  const nLabel = columns.xs.length;
  const nSlots = table.slots.length;
  const slotLine: (Cell[] | null)[] = Array.from({ length: nLabel + nSlots }, () => null);
  const upper: Cell[] = [];
  const byBottom = [...header].sort(cellsByGyDescending);
  const slotWidth = nSlots > 1 ? (table.slots[nSlots - 1]!.c - table.slots[0]!.c) / (nSlots - 1) : Infinity;
  for (const h of byBottom) {
    const mid = (h.x0 + h.x1) / 2;
    if (h.x1 <= table.valueX0 + 1 && mid < table.valueX0) {
      const k = nLabel
        ? Math.max(
            0,
            columns.xs.findLastIndex((x) => h.x0 >= x - 6),
          )
        : 0;
      const at = nLabel ? k : 0;
      if (nLabel && !slotLine[at]) slotLine[at] = [h];
      else upper.push(h);
      continue;
    }
    const spans = h.x1 - h.x0 > slotWidth * 1.3;
    const s = nLabel + slotOf(table.slots, h);
    if (!spans && !slotLine[s]) slotLine[s] = [h];
    else if (!spans && slotLine[s] && Math.abs(slotLine[s]![0]!.x0 - h.x0) < 2 && slotLine[s]![0]!.top - h.bottom < h.fontSize * 3)
      slotLine[s]!.unshift(h);
    else upper.push(h);
  }
  // upper lines grouped by vertical position
  upper.sort(cellsByGyThenX0);
  const groups: Cell[][] = [];
  for (const u of upper) {
    const g = groups.find((gr) => Math.abs(gr[0]!.top - u.top) < u.fontSize * 0.6);
    if (g) g.push(u);
    else groups.push([u]);
  }
  for (const g of groups) {
    g.sort(cellsByX0);
    lines.push({ cells: g.map((c) => ({ text: cellText(c), sources: [c] })) });
  }
  if (slotLine.some((s) => s)) {
    lines.push({
      cells: slotLine.map((s) => ({ text: s ? tidy(s.map(cellText).join("")) : "", sources: s ?? [] })),
    });
  }
  return lines;
}
