/**
 * Row assembly: label cells left of a table's values join the value row they stand on, and a merged
 * (rowspan) group label moves to the first row of its group.
 */
import type { LabelColumns } from "./columns";
import { cellText, NUMBERING, numberingValue } from "./layout-strings";
import type { Cell, Row, Table } from "./layout-types";
import { numbersAscending } from "./order";
import { isRuled, sameRuledRow, type HorizontalRules } from "./ruling-lines";

/**
 * Attaches the free text cells (`texts` not in `used`) left of the table's values to its rows, page by
 * page, and returns them. Continuation pages take labels standing a little above their first row.
 */
export function attachLabels(table: Table, texts: Cell[], used: Set<Cell>, rules: HorizontalRules): Cell[] {
  const labels: Cell[] = [];
  for (const [page, prs] of rowsByPage(table.rows)) {
    const gaps: number[] = [];
    for (let i = 1; i < prs.length; i++) gaps.push(prs[i]!.gy - prs[i - 1]!.gy);
    const typical = gaps.length ? gaps.sort(numbersAscending)[Math.floor(gaps.length / 2)]! : prs[0]!.bottom - prs[0]!.top + 4;
    const lo = prs[0]!.gy - typical * 0.6;
    const hi = prs[prs.length - 1]!.gy + typical * 0.6;
    const isFirstPage = page === table.rows[0]!.page;
    const ruled = isRuled(rules, page);
    const isLastPage = page === table.rows[table.rows.length - 1]!.page;
    const onPage: Cell[] = [];
    for (const c of texts) {
      if (c.page !== page || used.has(c)) continue;
      if (c.x1 > table.valueX0 + 1) continue;
      // continuation pages: labels above the first row on the page still belong to the table
      const cLo = isFirstPage ? lo : lo - typical;
      const cHi = isLastPage ? hi : hi + typical;
      if (c.gy < cLo || c.gy > cHi) continue;
      // in a ruled table a label shares its ruled row with a value row; a sub-table's title or
      // header row (信息内容 | 本年处理决定数量) has a line between it and every value row
      if (ruled && !sharesRuledRow(rules, c, prs)) continue;
      onPage.push(c);
    }
    for (const c of onPage) rowOfLabel(prs, c, ruled, rules)?.labels.push(c);
    labels.push(...onPage);
  }
  return labels;
}

/** A table's rows grouped by page, in first-seen order. */
function rowsByPage(rows: Row[]): Map<number, Row[]> {
  const byPage = new Map<number, Row[]>();
  for (const r of rows) {
    const l = byPage.get(r.page) ?? [];
    l.push(r);
    byPage.set(r.page, l);
  }
  return byPage;
}

/** True when the label shares its ruled row with one of the rows. */
function sharesRuledRow(rules: HorizontalRules, c: Cell, prs: Row[]): boolean {
  for (const r of prs) if (sameRuledRow(rules, c, r)) return true;
  return false;
}

/** The row a label belongs to: the nearest by centre, or in a ruled table the nearest in its ruled row. */
function rowOfLabel(prs: Row[], c: Cell, ruled: boolean, rules: HorizontalRules): Row | undefined {
  let row: Row | undefined;
  for (let k = 0; k < prs.length; k++) {
    const r = prs[k]!;
    const lo = k > 0 ? (prs[k - 1]!.gy + r.gy) / 2 : -Infinity;
    const hi = k < prs.length - 1 ? (prs[k + 1]!.gy + r.gy) / 2 : Infinity;
    if (c.gy >= lo && c.gy < hi) {
      row = r;
      break;
    }
  }
  if (ruled && row && !sameRuledRow(rules, c, row)) {
    // the nearest row in the label's ruled row (the first of equally near ones)
    let nearest: Row | undefined;
    for (const r of prs) {
      if (sameRuledRow(rules, c, r) && (!nearest || Math.abs(r.gy - c.gy) < Math.abs(nearest.gy - c.gy))) nearest = r;
    }
    row = nearest ?? row;
  }
  return row;
}

/** The row's label of the shallowest column deeper than `k` (the first of them), if any. */
function firstDeeperLabel(r: Row, colOf: (c: Cell) => number, k: number): Cell | undefined {
  let first: Cell | undefined;
  let firstCol = Infinity;
  for (const c of r.labels) {
    const col = colOf(c);
    if (col > k && col < firstCol) {
      first = c;
      firstCol = col;
    }
  }
  return first;
}

/** Merged (rowspan) labels: move to the first row of their numbered run, deepest columns first. */
export function moveMergedLabels(table: Table, { xs, colOf }: LabelColumns): void {
  for (let k = xs.length - 2; k >= 0; k--) {
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      const mine: Cell[] = [];
      for (const c of row.labels) if (colOf(c) === k) mine.push(c);
      if (!mine.length) continue;
      if (!firstDeeperLabel(row, colOf, k)) continue;
      let j = i;
      while (j > 0) {
        const d = firstDeeperLabel(table.rows[j]!, colOf, k);
        if (!d) break;
        const n = numberingValue(cellText(d));
        if (n === 1) break;
        const prev = table.rows[j - 1]!;
        if (!firstDeeperLabel(prev, colOf, k)) break;
        // a label of this column in the row above starts another group, unless ours continues it (page break)
        if (startsOtherGroup(prev, colOf, k, mine) && NUMBERING.test(cellText(mine[0]!))) break;
        j--;
      }
      if (j !== i) {
        const rest: Cell[] = [];
        for (const c of row.labels) if (!mine.includes(c)) rest.push(c);
        row.labels = rest;
        table.rows[j]!.labels.push(...mine);
      }
    }
  }
}

/** True when `prev` has a label in column `k` that is not one of `mine`. */
function startsOtherGroup(prev: Row, colOf: (c: Cell) => number, k: number, mine: Cell[]): boolean {
  for (const c of prev.labels) if (colOf(c) === k && !mine.includes(c)) return true;
  return false;
}
