/**
 * Column detection: the value columns (栏) a cell falls in, columns the header adds where a column is
 * blank in every row, and the label columns (left of the values, one per nesting level of merged labels).
 */
import type { Cell, Slot, Table } from "./layout-types";
import { numbersAscending } from "./order";

/**
 * Column boundaries from the header: a header cell over the value area that no value column
 * matches (a column left blank in every row) becomes a column of its own.
 */
export function addHeaderSlots(table: Table, header: Cell[]): void {
  const centres = table.slots.map((s) => s.c);
  if (centres.length < 2) return;
  let spacing = Infinity;
  for (let i = 1; i < centres.length; i++) spacing = Math.min(spacing, centres[i]! - centres[i - 1]!);
  const added: Slot[] = [];
  for (const h of header) {
    const mid = (h.x0 + h.x1) / 2;
    if (mid < table.valueX0 - spacing * 0.5 || h.x1 - h.x0 > spacing * 1.3) continue;
    const all = [...table.slots, ...added];
    if (all.some((s) => Math.abs(mid - s.c) < Math.max(spacing * 0.5, (s.x1 - s.x0) / 2 + 2))) continue;
    added.push({ x0: h.x0, x1: h.x1, c: mid });
  }
  if (!added.length) return;
  table.slots = [...table.slots, ...added].sort((a, b) => a.c - b.c);
}

/** The value column a cell falls in (the one containing its centre, else the nearest). */
export function slotOf(slots: Slot[], c: Cell): number {
  const mid = (c.x0 + c.x1) / 2;
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    const d = mid >= s.x0 && mid <= s.x1 ? 0 : Math.abs(mid - s.c);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** A table's label columns: their left edges, and the column of a cell. */
export type LabelColumns = { xs: number[]; colOf: (c: Cell) => number };

/** The label column of a cell: the last left edge it starts at or right of (6 pt slack), else the first. */
function labelColumnOf(xs: number[], c: Cell): number {
  let k = 0;
  for (let i = 0; i < xs.length; i++) if (c.x0 >= xs[i]! - 6) k = i;
  return k;
}

/** Label columns by left edge: edges more than 6 pt apart are different columns. */
export function toLabelColumns(labels: Cell[]): LabelColumns {
  const sorted = labels.map((c) => c.x0).sort(numbersAscending);
  const xs: number[] = [];
  for (const x of sorted) {
    const last = xs[xs.length - 1];
    if (last === undefined || x - last > 6) xs.push(x);
  }
  return { xs, colOf: (c: Cell) => labelColumnOf(xs, c) };
}
