/**
 * Row assembly: label cells left of a table's values join the value row they stand on, and a merged
 * (rowspan) group label moves to the first row of its group.
 */
import type { LabelColumns } from "./columns";
import { cellText, NUMBERING, numberingValue } from "./layout-strings";
import type { Cell, Row, Table } from "./layout-types";
import { isRuled, sameRuledRow, type HorizontalRules } from "./ruling-lines";

/**
 * Attaches the free text cells (`texts` not in `used`) left of the table's values to its rows, page by
 * page, and returns them. Continuation pages take labels standing a little above their first row.
 */
export function attachLabels(table: Table, texts: Cell[], used: Set<Cell>, rules: HorizontalRules): Cell[] {
  const labels: Cell[] = [];
  for (const [page, prs] of rowsByPage(table.rows)) {
    const gaps = prs.slice(1).map((r, i) => r.gy - prs[i]!.gy);
    const typical = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : prs[0]!.bottom - prs[0]!.top + 4;
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
      if (ruled && !prs.some((r) => sameRuledRow(rules, c, r))) continue;
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

/** The row a label belongs to: the nearest by centre, or in a ruled table the nearest in its ruled row. */
function rowOfLabel(prs: Row[], c: Cell, ruled: boolean, rules: HorizontalRules): Row | undefined {
  const i = prs.findIndex(
    (r, k) =>
      c.gy >= (k > 0 ? (prs[k - 1]!.gy + r.gy) / 2 : -Infinity) && c.gy < (k < prs.length - 1 ? (prs[k + 1]!.gy + r.gy) / 2 : Infinity),
  );
  let row = prs[i];
  if (ruled && row && !sameRuledRow(rules, c, row)) {
    const ok = prs.filter((r) => sameRuledRow(rules, c, r));
    row = ok.sort((a, b) => Math.abs(a.gy - c.gy) - Math.abs(b.gy - c.gy))[0] ?? row;
  }
  return row;
}

/** Merged (rowspan) labels: move to the first row of their numbered run, deepest columns first. */
export function moveMergedLabels(table: Table, { xs, colOf }: LabelColumns): void {
  for (let k = xs.length - 2; k >= 0; k--) {
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      const mine = row.labels.filter((c) => colOf(c) === k);
      if (!mine.length) continue;
      const deeper = (r: Row) => r.labels.filter((c) => colOf(c) > k).sort((a, b) => colOf(a) - colOf(b));
      if (!deeper(row).length) continue;
      let j = i;
      while (j > 0) {
        const d = deeper(table.rows[j]!)[0];
        if (!d) break;
        const n = numberingValue(cellText(d));
        if (n === 1) break;
        const prev = table.rows[j - 1]!;
        if (!deeper(prev).length) break;
        // a label of this column in the row above starts another group, unless ours continues it (page break)
        if (prev.labels.some((c) => colOf(c) === k && !mine.includes(c)) && NUMBERING.test(cellText(mine[0]!))) break;
        j--;
      }
      if (j !== i) {
        row.labels = row.labels.filter((c) => !mine.includes(c));
        table.rows[j]!.labels.push(...mine);
      }
    }
  }
}
