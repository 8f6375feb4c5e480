/**
 * Reading the table's ruling lines (表格线): where a PDF draws them (Word, WPS, LibreOffice and browsers
 * do), a line between two pieces of text means they are in different cells or rows.
 */
import type { PdfRule } from "../read-pdf-items";
import { PAGE_STRIDE, type Cell, type Fragment } from "./layout-types";

/** Horizontal ruling lines by page. */
export type HorizontalRules = Map<number, PdfRule[]>;

/** Horizontal ruling lines by page, for "is there a cell border between these two lines?". */
export function horizontalRules(rules: PdfRule[] | undefined): HorizontalRules {
  const byPage = new Map<number, PdfRule[]>();
  for (const r of rules ?? []) {
    if (!r.horizontal) continue;
    const list = byPage.get(r.page) ?? [];
    list.push(r);
    byPage.set(r.page, list);
  }
  return byPage;
}

/** True when a ruling line runs between two stacked fragments (they are in different table cells). */
export function ruledApart(rules: HorizontalRules, upper: Fragment, lower: Fragment): boolean {
  const list = rules.get(lower.page);
  if (!list || upper.page !== lower.page) return false;
  const yA = (upper.top + upper.bottom) / 2;
  const yB = (lower.top + lower.bottom) / 2;
  const x0 = Math.max(upper.x0, lower.x0);
  const x1 = Math.min(upper.x1, lower.x1);
  const [from, to] = x1 - x0 > 2 ? [x0, x1] : [(lower.x0 + lower.x1) / 2 - 1, (lower.x0 + lower.x1) / 2 + 1];
  return list.some((r) => r.y0 > yA && r.y0 < yB && Math.min(r.x1, to) - Math.max(r.x0, from) > 1.5);
}

/** True when no ruling line runs across a label cell between it and a value row (same ruled row of the table). */
export function sameRuledRow(rules: HorizontalRules, label: Cell, row: { page: number; gy: number }): boolean {
  const list = rules.get(label.page);
  if (!list || label.page !== row.page) return true;
  const yA = Math.min(label.gy, row.gy) - (label.page - 1) * PAGE_STRIDE;
  const yB = Math.max(label.gy, row.gy) - (label.page - 1) * PAGE_STRIDE;
  return !list.some((r) => r.y0 > yA + 0.5 && r.y0 < yB - 0.5 && Math.min(r.x1, label.x1) - Math.max(r.x0, label.x0) > 1.5);
}

/** True when the page draws any horizontal ruling line (a ruled table). */
export function isRuled(rules: HorizontalRules, page: number): boolean {
  return (rules.get(page)?.length ?? 0) > 0;
}
