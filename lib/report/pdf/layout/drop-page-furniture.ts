/** Step 1: drop page furniture (页眉页脚, page numbers) before any layout is read. */
import type { PdfPageSize, PdfTextItem } from "../read-pdf-items";

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/;

/** Drops page numbers and running headers/footers in the top and bottom margins. */
export function dropPageFurniture(items: PdfTextItem[], pages: PdfPageSize[]): PdfTextItem[] {
  const inMargin = (it: PdfTextItem) => {
    const page = pages[it.page - 1];
    return !!page && (it.bottom < page.height * 0.08 || it.top > page.height * 0.92);
  };
  // running headers/footers: the same margin line (digits aside) on two or more pages
  const marginLines = new Map<string, PdfTextItem[]>();
  for (const it of items) {
    if (!inMargin(it) || it.vertical) continue;
    const key = `${it.page}:${Math.round(it.baseline / 3)}`;
    const list = marginLines.get(key) ?? [];
    list.push(it);
    marginLines.set(key, list);
  }
  const pagesOf = new Map<string, Set<number>>();
  const keyOf = new Map<PdfTextItem, string>();
  for (const list of marginLines.values()) {
    if (list.length > 4) continue;
    const text = list
      .sort((a, b) => a.x0 - b.x0)
      .map((i) => i.str)
      .join("")
      .replace(/\s+/g, "");
    if (!/[\p{L}]/u.test(text.replace(/[第页共]/g, ""))) continue;
    const key = text.replace(/\d+/g, "#");
    const set = pagesOf.get(key) ?? new Set<number>();
    set.add(list[0]!.page);
    pagesOf.set(key, set);
    for (const i of list) keyOf.set(i, key);
  }
  const repeated = (it: PdfTextItem) => {
    const key = keyOf.get(it);
    return key !== undefined && (pagesOf.get(key)?.size ?? 0) >= 2;
  };
  return items.filter((it) => {
    if (!inMargin(it)) return true;
    if (repeated(it)) return false;
    if (!PAGE_NUMBER.test(it.str.trim())) return true;
    // a page number stands alone on its line; a table row near the margin does not
    const alone = !items.some((o) => o !== it && o.page === it.page && Math.abs(o.baseline - it.baseline) < it.fontSize * 0.5);
    return !alone;
  });
}
