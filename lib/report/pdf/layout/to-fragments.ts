/** Step 2: group text items into lines and lines into fragments (one baseline run of one cell). */
import type { PdfTextItem } from "../read-pdf-items";
import { asciiDigits, BARE_NUMBERING, isValue, joinText, tidy } from "./layout-strings";
import type { Fragment } from "./layout-types";
import { itemsByBaselineThenX0, itemsByX0 } from "./order";

/** Splits one text run holding several numbers ("0 0 12 0") into one run per number, placed by character offset. */
export function splitNumberRuns(items: PdfTextItem[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  for (const it of items) {
    const str = asciiDigits(it.str);
    if (it.vertical || !/^\s*[-\d.,]+(?:\s+[-\d.,]+)+\s*$/.test(str)) {
      out.push(it);
      continue;
    }
    const perChar = (it.x1 - it.x0) / Math.max(1, str.length);
    for (const m of str.matchAll(/[-\d.,]+/g)) {
      const x0 = it.x0 + perChar * (m.index ?? 0);
      out.push({ ...it, str: m[0], x0, x1: x0 + perChar * m[0].length });
    }
  }
  return out;
}

/** Joins items on one baseline into fragments; a gap wider than ~0.6 em starts a new fragment. */
export function toFragments(items: PdfTextItem[]): Fragment[] {
  const out: Fragment[] = [];
  for (const [page, list] of groupByPage(items)) {
    const horizontal: PdfTextItem[] = [];
    for (const v of list) {
      if (!v.vertical) horizontal.push(v);
      else out.push({ page, text: tidy(v.str), x0: v.x0, x1: v.x1, top: v.top, bottom: v.bottom, fontSize: v.fontSize, vertical: true });
    }
    for (const line of toBaselines(horizontal)) lineToFragments(page, line, out);
  }
  const kept: Fragment[] = [];
  for (const f of out) {
    f.text = tidy(f.text);
    if (f.text !== "") kept.push(f);
  }
  return kept;
}

/** Items by page, pages in order. */
function groupByPage(items: PdfTextItem[]): [number, PdfTextItem[]][] {
  const byPage = new Map<number, PdfTextItem[]>();
  for (const it of items) {
    const list = byPage.get(it.page) ?? [];
    list.push(it);
    byPage.set(it.page, list);
  }
  return [...byPage].sort((a, b) => a[0] - b[0]);
}

/** Groups one page's horizontal items into baselines (top to bottom); each line sorted left to right. */
function toBaselines(items: PdfTextItem[]): PdfTextItem[][] {
  const rest = items.sort(itemsByBaselineThenX0);
  const lines: PdfTextItem[][] = [];
  for (const it of rest) {
    let line: PdfTextItem[] | undefined;
    for (const l of lines) {
      const h = l[0]!;
      if (Math.abs(h.baseline - it.baseline) < Math.min(h.fontSize, it.fontSize) * 0.3) {
        line = l;
        break;
      }
    }
    if (line) line.push(it);
    else lines.push([it]);
  }
  for (const line of lines) line.sort(itemsByX0);
  return lines;
}

/** Cuts one baseline into fragments at gaps, keeping a bare row number with the label after it; appends them to `out`. */
function lineToFragments(page: number, line: PdfTextItem[], out: Fragment[]): void {
  let cur: Fragment | null = null;
  for (const it of line) {
    const fs = it.fontSize;
    const str = it.str;
    const gap = cur ? it.x0 - cur.x1 : Infinity;
    const sizeOk = cur ? Math.abs(cur.fontSize - fs) <= Math.max(cur.fontSize, fs) * 0.45 : false;
    const bothValues = cur ? isValue(cur.text.trim()) && isValue(str.trim()) : false;
    // a bare row number ("1." / "（三）") belongs to the label that follows it, even across a tab stop
    const numberingOnly = cur ? BARE_NUMBERING.test(cur.text.trim()) && !isValue(str.trim()) && gap < fs * 2.5 : false;
    if (cur && ((gap < Math.min(cur.fontSize, fs) * 0.35 && sizeOk && !(bothValues && gap > fs * 0.25)) || numberingOnly)) {
      cur.text = numberingOnly ? cur.text.trim() + str.trim() : gap > fs * 0.2 ? joinText(cur.text, str.trim()) : cur.text + str;
      cur.x1 = Math.max(cur.x1, it.x1);
      cur.top = Math.min(cur.top, it.top);
      cur.bottom = Math.max(cur.bottom, it.bottom);
      cur.fontSize = Math.max(cur.fontSize, fs);
    } else {
      if (cur) out.push(cur);
      cur = { page, text: str, x0: it.x0, x1: it.x1, top: it.top, bottom: it.bottom, fontSize: fs, vertical: false };
    }
  }
  if (cur) out.push(cur);
}
