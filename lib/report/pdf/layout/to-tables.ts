/** Step 4: value cells on one band become rows; rows that belong together become tables with their value columns. */
import type { Cell, Row, Slot, Table } from "./layout-types";

/** Value cells on one band (same page, centres within half an em) as rows, top to bottom. */
export function clusterRows(cells: Cell[]): Row[] {
  const values = cells.filter((c) => c.isValue).sort((a, b) => a.gy - b.gy);
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
  for (const r of rows) r.values.sort((a, b) => a.x0 - b.x0);
  return rows;
}

/** Splits value rows into tables: a non-value cell reaching into the value columns between two rows ends a table. */
export function toTables(rows: Row[], cells: Cell[]): Table[] {
  const tables: Table[] = [];
  const texts = cells.filter((c) => !c.isValue);
  let cur: Row[] = [];
  const flush = () => {
    if (cur.length) tables.push(makeTable(cur));
    cur = [];
  };
  for (const row of rows) {
    const prev = cur[cur.length - 1];
    if (prev && endsTable(cur, prev, row, texts)) flush();
    cur.push(row);
  }
  flush();
  return tables;
}

/** True when `row` starts a new table after `prev` (the last of `cur`): text in between, a wide gap or a skipped page. */
function endsTable(cur: Row[], prev: Row, row: Row, texts: Cell[]): boolean {
  const x0 = Math.min(...cur.flatMap((r) => r.values.map((v) => v.x0)), row.values[0]!.x0);
  const x1 = Math.max(...cur.flatMap((r) => r.values.map((v) => v.x1)), ...row.values.map((v) => v.x1));
  const between = texts.filter(
    (t) =>
      t.gy > prev.gy + 0.01 &&
      t.gy < row.gy - 0.01 &&
      t.top >= (t.page === prev.page ? prev.bottom - 0.5 : -Infinity) &&
      t.bottom <= (t.page === row.page ? row.top + 0.5 : Infinity),
  );
  const blocks = between.some((t) => t.x1 > x0 + 0.5 && t.x0 < x1);
  const samePageGap = prev.page === row.page ? row.top - prev.bottom : 0;
  const fs = Math.max(prev.values[0]!.fontSize, row.values[0]!.fontSize);
  const tooFar = samePageGap > fs * 10;
  const pageJump = row.page - prev.page > 1;
  return blocks || tooFar || pageJump;
}

function makeTable(rows: Row[]): Table {
  const vals = rows.flatMap((r) => r.values);
  // value columns: union of overlapping x intervals
  const ivs = vals.map((v) => ({ x0: v.x0, x1: v.x1 })).sort((a, b) => a.x0 - b.x0);
  const slots: Slot[] = [];
  for (const iv of ivs) {
    const last = slots[slots.length - 1];
    if (last && iv.x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, iv.x1);
    else slots.push({ x0: iv.x0, x1: iv.x1, c: 0 });
  }
  for (const s of slots) s.c = (s.x0 + s.x1) / 2;
  return {
    rows,
    valueX0: Math.min(...vals.map((v) => v.x0)),
    valueX1: Math.max(...vals.map((v) => v.x1)),
    slots,
    header: [],
  };
}
