/** Step 4: value cells on one band become rows; rows that belong together become tables with their value columns. */
import type { Cell, Row, Slot, Table } from "./layout-types";
import { cellsByGy, cellsByX0, isTextCell, isValueCell } from "./order";

/** Value cells on one band (same page, centres within half an em) as rows, top to bottom. */
export function clusterRows(cells: Cell[]): Row[] {
  const values = cells.filter(isValueCell).sort(cellsByGy);
  const rows: Row[] = [];
  for (const v of values) {
    const last = rows[rows.length - 1];
    if (last && last.page === v.page && Math.abs(v.gy - last.gy) < v.fontSize * 0.5) {
      last.values.push(v);
      last.top = Math.min(last.top, v.top);
      last.bottom = Math.max(last.bottom, v.bottom);
    } else {
      rows.push({ values: [v], labels: [], gy: v.gy, page: v.page, top: v.top, bottom: v.bottom });
    }
  }
  for (const r of rows) r.values.sort(cellsByX0);
  return rows;
}

/** Splits value rows into tables: a non-value cell reaching into the value columns between two rows ends a table. */
export function toTables(rows: Row[], cells: Cell[]): Table[] {
  const tables: Table[] = [];
  const texts = cells.filter(isTextCell);
  let cur: Row[] = [];
  for (const row of rows) {
    const prev = cur[cur.length - 1];
    if (prev && endsTable(cur, prev, row, texts)) {
      tables.push(makeTable(cur));
      cur = [];
    }
    cur.push(row);
  }
  if (cur.length) tables.push(makeTable(cur));
  return tables;
}

/** True when `row` starts a new table after `prev` (the last of `cur`): text in between, a wide gap or a skipped page. */
function endsTable(cur: Row[], prev: Row, row: Row, texts: Cell[]): boolean {
  // the value columns' extent so far, with the new row's
  let x0 = row.values[0]!.x0;
  let x1 = -Infinity;
  for (const r of cur) {
    for (const v of r.values) {
      x0 = Math.min(x0, v.x0);
      x1 = Math.max(x1, v.x1);
    }
  }
  for (const v of row.values) x1 = Math.max(x1, v.x1);
  // text between the two rows that reaches into the value columns
  let blocks = false;
  for (const t of texts) {
    const between =
      t.gy > prev.gy + 0.01 &&
      t.gy < row.gy - 0.01 &&
      t.top >= (t.page === prev.page ? prev.bottom - 0.5 : -Infinity) &&
      t.bottom <= (t.page === row.page ? row.top + 0.5 : Infinity);
    if (between && t.x1 > x0 + 0.5 && t.x0 < x1) {
      blocks = true;
      break;
    }
  }
  const samePageGap = prev.page === row.page ? row.top - prev.bottom : 0;
  const fs = Math.max(prev.values[0]!.fontSize, row.values[0]!.fontSize);
  const tooFar = samePageGap > fs * 10;
  const pageJump = row.page - prev.page > 1;
  return blocks || tooFar || pageJump;
}

function makeTable(rows: Row[]): Table {
  const vals: Cell[] = [];
  for (const r of rows) for (const v of r.values) vals.push(v);
  // value columns: union of overlapping x intervals
  const ivs = vals.sort(cellsByX0);
  const slots: Slot[] = [];
  let valueX0 = Infinity;
  let valueX1 = -Infinity;
  for (const iv of ivs) {
    valueX0 = Math.min(valueX0, iv.x0);
    valueX1 = Math.max(valueX1, iv.x1);
    const last = slots[slots.length - 1];
    if (last && iv.x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, iv.x1);
    else slots.push({ x0: iv.x0, x1: iv.x1, c: 0 });
  }
  for (const s of slots) s.c = (s.x0 + s.x1) / 2;
  return { rows, valueX0, valueX1, slots, header: [] };
}
