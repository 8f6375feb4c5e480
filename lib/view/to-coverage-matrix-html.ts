/**
 * The rows of the region page's coverage matrix (年报收录矩阵) as one HTML string: 50 agencies × 7 years is 350 cells,
 * and as React elements (each ✓ a link with its own name) they were most of the region page's server time and, sent
 * once as HTML and again in the page's RSC payload, most of its bytes. Built here with every text and attribute
 * escaped; components/region/coverage-matrix places it in the table's body. Pure.
 *
 * Per agency: <tr> with the agency's name as the row header, then per year either a ✓ linking to that year's report
 * (named "<agency> <year> 年已收录") or 未收录 spelled out (a missing year is news). The cells' look is in globals.css.
 */
import { escapeHtml } from "./to-source-html";

/** One row of the matrix: the agency and the years it has a report for. */
export type CoverageMatrixRow = { id: number; name: string; years: number[] };

/** The `<tr>` of every agency, in the given order, with one cell per year of `years`. */
export function toCoverageMatrixHtml(rows: CoverageMatrixRow[], years: number[]): string {
  return rows
    .map((row) => {
      const published = new Set(row.years);
      const name = escapeHtml(row.name);
      const cells = years.map((y) =>
        published.has(y)
          ? `<td class="coverage-yes"><a href="/agencies/${row.id}?year=${y}" aria-label="${name} ${y} 年已收录">✓</a></td>`
          : `<td class="coverage-no">未收录</td>`,
      );
      return `<tr class="border-b border-slate-100"><th scope="row" class="py-1.5 pr-3 text-left font-normal">${name}</th>${cells.join("")}</tr>`;
    })
    .join("");
}
