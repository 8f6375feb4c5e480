/** Step 1: drop page furniture (页眉页脚, page numbers) before any layout is read. */
import type { PdfPageSize, PdfTextItem } from "../read-pdf-items";
import { itemsByX0 } from "./order";

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/;

/** True when the item stands in the top or bottom margin of its page. */
function inMargin(it: PdfTextItem, pages: PdfPageSize[]): boolean {
  const page = pages[it.page - 1];
  return !!page && (it.bottom < page.height * 0.08 || it.top > page.height * 0.92);
}

/** True when another item on the same page shares the item's line (a page number stands alone on its line). */
function sharesLine(items: PdfTextItem[], it: PdfTextItem): boolean {
  for (const o of items) if (o !== it && o.page === it.page && Math.abs(o.baseline - it.baseline) < it.fontSize * 0.5) return true;
  return false;
}

/** Drops page numbers and running headers/footers in the top and bottom margins. */
export function dropPageFurniture(items: PdfTextItem[], pages: PdfPageSize[]): PdfTextItem[] {
  // running headers/footers: the same margin line (digits aside) on two or more pages
  const marginLines = new Map<string, PdfTextItem[]>();
  for (const it of items) {
    if (!inMargin(it, pages) || it.vertical) continue;
    const key = `${it.page}:${Math.round(it.baseline / 3)}`;
    const list = marginLines.get(key) ?? [];
    list.push(it);
    marginLines.set(key, list);
  }
  const pagesOf = new Map<string, Set<number>>();
  const keyOf = new Map<PdfTextItem, string>();
  for (const list of marginLines.values()) {
    if (list.length > 4) continue;
    let text = "";
    for (const i of list.sort(itemsByX0)) text += i.str;
    text = text.replace(/\s+/g, "");
    if (!/[\p{L}]/u.test(text.replace(/[第页共]/g, ""))) continue;
    const key = text.replace(/\d+/g, "#");
    const set = pagesOf.get(key) ?? new Set<number>();
    set.add(list[0]!.page);
    pagesOf.set(key, set);
    for (const i of list) keyOf.set(i, key);
  }
  const kept: PdfTextItem[] = [];
  for (const it of items) {
    if (inMargin(it, pages)) {
      const key = keyOf.get(it);
      if (key !== undefined && (pagesOf.get(key)?.size ?? 0) >= 2) continue; // a running header or footer
      // a page number stands alone on its line; a table row near the margin does not
      if (PAGE_NUMBER.test(it.str.trim()) && !sharesLine(items, it)) continue;
    }
    kept.push(it);
  }
  return kept;
}
