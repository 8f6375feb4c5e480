/**
 * Step 3: stack fragments of one cell (wrapped labels, stacked header words, paragraph lines) into
 * cells. Where the PDF draws its table's ruling lines, two fragments with a line between them are
 * never one cell.
 */
import type { PdfPageSize } from "../read-pdf-items";
import { isValue, NUMBERING } from "./layout-strings";
import { PAGE_STRIDE, type Cell, type Fragment } from "./layout-types";
import { fragmentsInReadingOrder } from "./order";
import { ruledApart, type HorizontalRules } from "./ruling-lines";

const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** What the merge test needs to know about the page's fragments. */
type FragmentContext = {
  pages: PdfPageSize[];
  rules: HorizontalRules;
  /** fragments sharing a baseline band with a value (separate rows, never merged) */
  anchored: Set<Fragment>;
  /** fragments with another fragment to their right on the same baseline (a header row's cells) */
  inRow: Set<Fragment>;
  /** the right edge of the text on each page */
  textRight: Map<number, number>;
};

/** A cell still open for a continuation line below it. */
type OpenCell = { cell: Cell; last: Fragment; anchored: boolean };

export function toCells(frags: Fragment[], pages: PdfPageSize[], rules: HorizontalRules = new Map()): Cell[] {
  const ctx: FragmentContext = {
    pages,
    rules,
    anchored: anchoredFragments(frags),
    inRow: rowFragments(frags),
    textRight: textRights(frags),
  };
  const sorted = [...frags].sort(fragmentsInReadingOrder);
  const cells: Cell[] = [];
  const open: OpenCell[] = [];
  let id = 0;
  for (const f of sorted) {
    const value = isValue(f.text);
    const target = !value && !f.vertical && !NUMBERING.test(f.text) ? continuedCell(open, f, ctx) : undefined;
    if (target) {
      const c = target.cell;
      c.parts.push(f);
      c.x0 = Math.min(c.x0, f.x0);
      c.x1 = Math.max(c.x1, f.x1);
      c.bottom = Math.max(c.bottom, f.bottom);
      target.last = f;
      target.anchored = target.anchored || ctx.anchored.has(f);
    } else {
      const cell: Cell = {
        id: id++,
        page: f.page,
        parts: [f],
        x0: f.x0,
        x1: f.x1,
        top: f.top,
        bottom: f.bottom,
        fontSize: f.fontSize,
        isValue: value,
        gy: 0,
      };
      cells.push(cell);
      open.push({ cell, last: f, anchored: ctx.anchored.has(f) });
    }
    // forget cells far above
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i]!;
      if (o.last.page !== f.page || f.top - o.last.top > o.last.fontSize * 3) open.splice(i, 1);
    }
  }
  for (const c of cells) c.gy = (c.page - 1) * PAGE_STRIDE + (c.top + c.bottom) / 2;
  return cells;
}

/** Fragments that share a baseline band with a value (they are separate rows, never merged). */
function anchoredFragments(frags: Fragment[]): Set<Fragment> {
  const anchored = new Set<Fragment>();
  const values: Fragment[] = [];
  const texts: Fragment[] = [];
  for (const f of frags) (isValue(f.text) ? values : texts).push(f);
  for (const f of texts) {
    const c = (f.top + f.bottom) / 2;
    for (const v of values) {
      if (v.page === f.page && Math.abs((v.top + v.bottom) / 2 - c) < Math.max(v.fontSize, f.fontSize) * 0.3) {
        anchored.add(f);
        break;
      }
    }
  }
  return anchored;
}

/** Fragments that have another fragment to their right on the same baseline (a header row's cells). */
function rowFragments(frags: Fragment[]): Set<Fragment> {
  const inRow = new Set<Fragment>();
  for (const f of frags) {
    for (const o of frags) {
      if (o !== f && o.page === f.page && o.x0 > f.x1 && Math.abs(o.top - f.top) < f.fontSize * 0.3) {
        inRow.add(f);
        break;
      }
    }
  }
  return inRow;
}

function textRights(frags: Fragment[]): Map<number, number> {
  const textRight = new Map<number, number>();
  for (const f of frags) textRight.set(f.page, Math.max(textRight.get(f.page) ?? 0, f.x1));
  return textRight;
}

/** The open cell `f` continues (the nearest one above that it may join), if any. */
function continuedCell(open: OpenCell[], f: Fragment, ctx: FragmentContext): OpenCell | undefined {
  const fAnchored = ctx.anchored.has(f);
  let best = Infinity;
  let target: OpenCell | undefined;
  for (const o of open) {
    const last = o.last;
    if (o.cell.isValue || last.page !== f.page || last.vertical) continue;
    if (o.anchored && fAnchored) continue;
    // a header row's cell does not continue into the data row under it
    if (fAnchored && ctx.inRow.has(last) && !o.anchored) continue;
    if (!continuesLine(last, f, ctx)) continue;
    const dy = f.top - last.top;
    if (dy < best) {
      best = dy;
      target = o;
    }
  }
  return target;
}

/** True when fragment `f` can be the next line of the cell whose last line is `last` (a wrap, not a new cell). */
function continuesLine(last: Fragment, f: Fragment, ctx: FragmentContext): boolean {
  const fs = Math.max(last.fontSize, f.fontSize);
  if (Math.abs(last.fontSize - f.fontSize) > fs * 0.2) return false;
  const dy = f.top - last.top;
  if (dy < fs * 0.8 || dy > fs * 2.1) return false;
  const centred = Math.abs((f.x0 + f.x1) / 2 - (last.x0 + last.x1) / 2) < fs;
  const aligned = (f.x0 >= last.x0 - fs * 0.5 && f.x0 <= last.x0 + fs * 2.2) || centred;
  // a wrapped line is never much wider than the line it continues; a date line is a 落款, not a wrap
  if (f.x1 > last.x1 + fs * 1.0 && !(f.x0 < last.x0 - fs * 0.5)) return false;
  if (DATE_LINE.test(f.text)) return false;
  if (ruledApart(ctx.rules, last, f)) return false;
  const fullWidth = last.x1 >= (ctx.textRight.get(f.page) ?? 0) - fs * 2.5;
  const pageWidth = ctx.pages[f.page - 1]?.width ?? 595;
  // a wide line under a short one is a new paragraph (a heading is followed by its text)
  if (!fullWidth && f.x1 - f.x0 > pageWidth * 0.45) return false;
  const paragraphWrap = fullWidth && f.x0 < last.x0 && f.x0 >= last.x0 - fs * 2.6 && f.x1 > last.x0;
  return aligned || paragraphWrap;
}
