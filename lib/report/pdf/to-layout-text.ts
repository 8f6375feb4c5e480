/**
 * Rebuilds "layout text" (版面文本) from positioned PDF text items: one visual row per line, table
 * cells separated by TABs, tables carried across page breaks, wrapped labels joined to their
 * numbers. Every emitted character range maps back to its page and box.
 */
import type { PdfItems, PdfPageSize, PdfRule, PdfTextItem } from "./read-pdf-items";

/** A PDF box in points, origin top-left: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number];

/** Where one range of one layout line came from. */
export type LayoutSpan = { line: number; start: number; end: number; page: number; box: Box };

export type LayoutText = { text: string; spans: LayoutSpan[]; pageCount: number };

/** A horizontal run of items on one baseline (one line of one cell). */
type Fragment = {
  page: number;
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  fontSize: number;
  vertical: boolean;
};

/** A cell: fragments stacked vertically in one table cell or one paragraph. */
type Cell = {
  id: number;
  page: number;
  parts: Fragment[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  fontSize: number;
  isValue: boolean;
  /** global vertical position of the cell's centre (pages stacked) */
  gy: number;
};

const PAGE_STRIDE = 100000;
const NUMBERING =
  /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、．.]|\d{1,2}\s*[.、．](?!\d)|第[一二三四五六七八九十\d]+)/;
/** A table value: a number (thousands separators, decimals, a unit as the parser reads them) or a blank mark. */
const VALUE = /^(?:(?:[-−]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?)\s*(?:万元|亿元|亿|万|元|件|条|个|项|次)?|[-—–/／])$/;
const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/;
const BARE_NUMBERING = /^(?:\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)$/;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]/;

/** Drops page numbers and running headers/footers in the top and bottom margins. */
function dropPageFurniture(items: PdfTextItem[], pages: PdfPageSize[]): PdfTextItem[] {
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

function joinText(left: string, right: string): string {
  if (left === "") return right;
  const a = left[left.length - 1] ?? "";
  const b = right[0] ?? "";
  if (CJK.test(a) || CJK.test(b)) return left + right;
  return `${left} ${right}`;
}

/** Joins two lines of one cell or paragraph: a wrap inside a number or code adds no space. */
function joinLines(upper: string, lower: string): string {
  if (/[0-9.,，%-]$/.test(upper) && /^[0-9.,，%]/.test(lower)) return upper + lower;
  return joinText(upper, lower);
}

/** Removes stray spaces between CJK characters ("总 计" → "总计"), keeps them around Latin/digits. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”])/g, "")
    .trim();
}

/** Joins items on one baseline into fragments; a gap wider than ~0.6 em starts a new fragment. */
function toFragments(items: PdfTextItem[]): Fragment[] {
  const byPage = new Map<number, PdfTextItem[]>();
  for (const it of items) {
    const list = byPage.get(it.page) ?? [];
    list.push(it);
    byPage.set(it.page, list);
  }
  const out: Fragment[] = [];
  for (const [page, list] of [...byPage].sort((a, b) => a[0] - b[0])) {
    const verticals = list.filter((it) => it.vertical);
    for (const v of verticals) {
      out.push({ page, text: tidy(v.str), x0: v.x0, x1: v.x1, top: v.top, bottom: v.bottom, fontSize: v.fontSize, vertical: true });
    }
    const rest = list.filter((it) => !it.vertical).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
    // group into baselines
    const lines: PdfTextItem[][] = [];
    for (const it of rest) {
      const line = lines.find((l) => {
        const h = l[0]!;
        return Math.abs(h.baseline - it.baseline) < Math.min(h.fontSize, it.fontSize) * 0.3;
      });
      if (line) line.push(it);
      else lines.push([it]);
    }
    for (const line of lines) {
      line.sort((a, b) => a.x0 - b.x0);
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
  }
  for (const f of out) f.text = tidy(f.text);
  return out.filter((f) => f.text !== "");
}

/** Full-width digits and separators as ASCII (０１２ → 012), for recognising values only. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function isValue(text: string): boolean {
  return VALUE.test(asciiDigits(text));
}

/** Splits one text run holding several numbers ("0 0 12 0") into one run per number, placed by character offset. */
function splitNumberRuns(items: PdfTextItem[]): PdfTextItem[] {
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

/** Horizontal ruling lines by page, for "is there a cell border between these two lines?". */
function horizontalRules(rules: PdfRule[] | undefined): Map<number, PdfRule[]> {
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
function ruledApart(rules: Map<number, PdfRule[]>, upper: Fragment, lower: Fragment): boolean {
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
function sameRuledRow(rules: Map<number, PdfRule[]>, label: Cell, row: { page: number; gy: number }): boolean {
  const list = rules.get(label.page);
  if (!list || label.page !== row.page) return true;
  const yA = Math.min(label.gy, row.gy) - (label.page - 1) * PAGE_STRIDE;
  const yB = Math.max(label.gy, row.gy) - (label.page - 1) * PAGE_STRIDE;
  return !list.some((r) => r.y0 > yA + 0.5 && r.y0 < yB - 0.5 && Math.min(r.x1, label.x1) - Math.max(r.x0, label.x0) > 1.5);
}

/**
 * Stacks fragments of one cell (wrapped labels, stacked header words, paragraph lines) into cells.
 * Where the PDF draws its table's ruling lines (Word, WPS, LibreOffice and browsers do), two
 * fragments with a line between them are never one cell.
 */
function toCells(frags: Fragment[], pages: PdfPageSize[], rules: Map<number, PdfRule[]> = new Map()): Cell[] {
  // which fragments share a baseline band with a value (they are separate rows, never merged)
  const anchored = new Set<Fragment>();
  const values = frags.filter((f) => isValue(f.text));
  for (const f of frags) {
    if (isValue(f.text)) continue;
    const c = (f.top + f.bottom) / 2;
    if (values.some((v) => v.page === f.page && Math.abs((v.top + v.bottom) / 2 - c) < Math.max(v.fontSize, f.fontSize) * 0.3))
      anchored.add(f);
  }
  // fragments that have another fragment to their right on the same baseline (a header row's cells)
  const inRow = new Set<Fragment>();
  for (const f of frags) {
    if (frags.some((o) => o !== f && o.page === f.page && o.x0 > f.x1 && Math.abs(o.top - f.top) < f.fontSize * 0.3)) inRow.add(f);
  }
  const textRight = new Map<number, number>();
  for (const f of frags) textRight.set(f.page, Math.max(textRight.get(f.page) ?? 0, f.x1));

  const sorted = [...frags].sort((a, b) => a.page - b.page || a.top - b.top || a.x0 - b.x0);
  const cells: Cell[] = [];
  const open: { cell: Cell; last: Fragment; anchored: boolean }[] = [];
  let id = 0;
  for (const f of sorted) {
    const value = isValue(f.text);
    let target: (typeof open)[number] | undefined;
    if (!value && !f.vertical && !NUMBERING.test(f.text)) {
      const fAnchored = anchored.has(f);
      let best = Infinity;
      for (const o of open) {
        const last = o.last;
        if (o.cell.isValue || last.page !== f.page || last.vertical) continue;
        if (o.anchored && fAnchored) continue;
        // a header row's cell does not continue into the data row under it
        if (fAnchored && inRow.has(last) && !o.anchored) continue;
        const fs = Math.max(last.fontSize, f.fontSize);
        if (Math.abs(last.fontSize - f.fontSize) > fs * 0.2) continue;
        const dy = f.top - last.top;
        if (dy < fs * 0.8 || dy > fs * 2.1) continue;
        const centred = Math.abs((f.x0 + f.x1) / 2 - (last.x0 + last.x1) / 2) < fs;
        const aligned = (f.x0 >= last.x0 - fs * 0.5 && f.x0 <= last.x0 + fs * 2.2) || centred;
        // a wrapped line is never much wider than the line it continues; a date line is a 落款, not a wrap
        if (f.x1 > last.x1 + fs * 1.0 && !(f.x0 < last.x0 - fs * 0.5)) continue;
        if (DATE_LINE.test(f.text)) continue;
        if (ruledApart(rules, last, f)) continue;
        const fullWidth = last.x1 >= (textRight.get(f.page) ?? 0) - fs * 2.5;
        const pageWidth = pages[f.page - 1]?.width ?? 595;
        // a wide line under a short one is a new paragraph (a heading is followed by its text)
        if (!fullWidth && f.x1 - f.x0 > pageWidth * 0.45) continue;
        const paragraphWrap = fullWidth && f.x0 < last.x0 && f.x0 >= last.x0 - fs * 2.6 && f.x1 > last.x0;
        if (!aligned && !paragraphWrap) continue;
        // something else standing between them in the same column stops the merge
        if (dy < best) {
          best = dy;
          target = o;
        }
      }
    }
    if (target) {
      const c = target.cell;
      c.parts.push(f);
      c.x0 = Math.min(c.x0, f.x0);
      c.x1 = Math.max(c.x1, f.x1);
      c.bottom = Math.max(c.bottom, f.bottom);
      target.last = f;
      target.anchored = target.anchored || anchored.has(f);
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
      open.push({ cell, last: f, anchored: anchored.has(f) });
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

function cellText(c: Cell): string {
  let t = "";
  for (const p of c.parts) t = joinLines(t, p.text);
  return tidy(t);
}

/** A row of a table: the value cells on one band plus the label cells attached to it. */
type Row = { values: Cell[]; labels: Cell[]; gy: number; page: number; top: number; bottom: number };
type Table = { rows: Row[]; valueX0: number; valueX1: number; slots: { x0: number; x1: number; c: number }[]; header: Cell[] };

function clusterRows(cells: Cell[]): Row[] {
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
function toTables(rows: Row[], cells: Cell[]): Table[] {
  const tables: Table[] = [];
  const texts = cells.filter((c) => !c.isValue);
  let cur: Row[] = [];
  const flush = () => {
    if (cur.length) tables.push(makeTable(cur));
    cur = [];
  };
  for (const row of rows) {
    const prev = cur[cur.length - 1];
    if (prev) {
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
      if (blocks || tooFar || pageJump) flush();
    }
    cur.push(row);
  }
  flush();
  return tables;
}

function makeTable(rows: Row[]): Table {
  const vals = rows.flatMap((r) => r.values);
  // value columns: union of overlapping x intervals
  const ivs = vals.map((v) => ({ x0: v.x0, x1: v.x1 })).sort((a, b) => a.x0 - b.x0);
  const slots: { x0: number; x1: number; c: number }[] = [];
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

/**
 * Column boundaries from the header: a header cell over the value area that no value column
 * matches (a column left blank in every row) becomes a column of its own.
 */
function addHeaderSlots(table: Table, header: Cell[]): void {
  const centres = table.slots.map((s) => s.c);
  if (centres.length < 2) return;
  let spacing = Infinity;
  for (let i = 1; i < centres.length; i++) spacing = Math.min(spacing, centres[i]! - centres[i - 1]!);
  const added: { x0: number; x1: number; c: number }[] = [];
  for (const h of header) {
    const mid = (h.x0 + h.x1) / 2;
    if (mid < table.valueX0 - spacing * 0.5 || h.x1 - h.x0 > spacing * 1.3) continue;
    const all = [...table.slots, ...added];
    if (all.some((s) => Math.abs(mid - s.c) < Math.max(spacing * 0.5, (s.x1 - s.x0) / 2 + 2))) continue;
    added.push({ x0: h.x0, x1: h.x1, c: mid });
  }
  if (!added.length) return;
  table.slots = [...table.slots, ...added].sort((a, b) => a.c - b.c);
}

function slotOf(slots: { x0: number; x1: number; c: number }[], c: Cell): number {
  const mid = (c.x0 + c.x1) / 2;
  let best = 0;
  let bestD = Infinity;
  slots.forEach((s, i) => {
    const d = mid >= s.x0 && mid <= s.x1 ? 0 : Math.abs(mid - s.c);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

const CN_NUM = "一二三四五六七八九十";
function numberingValue(text: string): number | null {
  const m = /^(?:[（(]([一二三四五六七八九十]+)[）)]|([一二三四五六七八九十]+)[、．.]|(\d{1,2})\s*[.、．])/.exec(text);
  if (!m) return null;
  if (m[3]) return Number(m[3]);
  const s = m[1] ?? m[2] ?? "";
  if (s.length === 1) return CN_NUM.indexOf(s) + 1;
  return s === "十" ? 10 : null;
}

/** An emitted cell: its source cells, joined with `sep` ("" for label fragments, " " for values). */
type Emitted = { cells: { text: string; sources: Cell[]; sep?: string }[] };

/**
 * Builds the layout text. Tables are carried across page breaks; group labels of merged cells
 * are attached to the first row of their group.
 */
export function toLayoutText(input: PdfItems): LayoutText {
  const items = splitNumberRuns(dropPageFurniture(input.items, input.pages));
  const frags = toFragments(items);
  const hRules = horizontalRules(input.rules);
  const cells = toCells(frags, input.pages, hRules);
  const rows = clusterRows(cells);
  const tables = toTables(rows, cells);
  const used = new Set<Cell>();
  for (const t of tables) for (const r of t.rows) for (const v of r.values) used.add(v);

  // attach label cells to rows
  const texts = cells.filter((c) => !c.isValue);
  const tableOf = new Map<Cell, { table: Table; labelCols: number[] }>();
  const blocks: { gy: number; lines: Emitted[] }[] = [];

  for (const table of tables) {
    const rowsByPage = new Map<number, Row[]>();
    for (const r of table.rows) {
      const l = rowsByPage.get(r.page) ?? [];
      l.push(r);
      rowsByPage.set(r.page, l);
    }
    const labels: Cell[] = [];
    for (const [page, prs] of rowsByPage) {
      const gaps = prs.slice(1).map((r, i) => r.gy - prs[i]!.gy);
      const typical = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : prs[0]!.bottom - prs[0]!.top + 4;
      const lo = prs[0]!.gy - typical * 0.6;
      const hi = prs[prs.length - 1]!.gy + typical * 0.6;
      const isFirstPage = page === table.rows[0]!.page;
      const ruled = (hRules.get(page)?.length ?? 0) > 0;
      const isLastPage = page === table.rows[table.rows.length - 1]!.page;
      for (const c of texts) {
        if (c.page !== page || used.has(c)) continue;
        if (c.x1 > table.valueX0 + 1) continue;
        // continuation pages: labels above the first row on the page still belong to the table
        const cLo = isFirstPage ? lo : lo - typical;
        const cHi = isLastPage ? hi : hi + typical;
        if (c.gy < cLo || c.gy > cHi) continue;
        // in a ruled table a label shares its ruled row with a value row; a sub-table's title or
        // header row (信息内容 | 本年处理决定数量) has a line between it and every value row
        if (ruled && !prs.some((r) => sameRuledRow(hRules, c, r))) continue;
        labels.push(c);
      }
      for (const c of labels) {
        if (c.page !== page) continue;
        const i = prs.findIndex(
          (r, k) =>
            c.gy >= (k > 0 ? (prs[k - 1]!.gy + r.gy) / 2 : -Infinity) &&
            c.gy < (k < prs.length - 1 ? (prs[k + 1]!.gy + r.gy) / 2 : Infinity),
        );
        let row = prs[i];
        if (ruled && row && !sameRuledRow(hRules, c, row)) {
          const ok = prs.filter((r) => sameRuledRow(hRules, c, r));
          row = ok.sort((a, b) => Math.abs(a.gy - c.gy) - Math.abs(b.gy - c.gy))[0] ?? row;
        }
        row?.labels.push(c);
      }
    }
    for (const c of labels) used.add(c);
    // label columns by x0
    const xs = labels.map((c) => c.x0).sort((a, b) => a - b);
    const cols: number[] = [];
    for (const x of xs) {
      const last = cols[cols.length - 1];
      if (last === undefined || x - last > 6) cols.push(x);
    }
    const colOf = (c: Cell) => {
      let k = 0;
      cols.forEach((x, i) => {
        if (c.x0 >= x - 6) k = i;
      });
      return k;
    };
    // merged (rowspan) labels: move to the first row of their numbered run, deepest columns first
    for (let k = cols.length - 2; k >= 0; k--) {
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
    for (const l of labels) tableOf.set(l, { table, labelCols: cols });

    // header: text cells right above the first row, inside the table's horizontal extent
    const first = table.rows[0]!;
    const left = Math.min(table.valueX0, ...labels.map((c) => c.x0));
    const right = table.valueX1;
    const fsTable = Math.max(...labels.map((c) => c.fontSize), first.values[0]!.fontSize * 0.8);
    const above = texts
      .filter((c) => !used.has(c) && c.page === first.page && c.bottom <= first.top + 1 && c.x0 >= left - 12 && c.x0 < right)
      .sort((a, b) => b.gy - a.gy);
    const header: Cell[] = [];
    let edge = first.top;
    for (const c of above) {
      if (c.fontSize > fsTable * 1.25) break;
      if (edge - c.bottom > fsTable * 4.5) break;
      header.push(c);
      edge = Math.min(edge, c.top);
    }
    table.header = header;
    for (const h of header) used.add(h);
    addHeaderSlots(table, header);

    const lines: Emitted[] = [];
    const nLabel = cols.length;
    const nSlots = table.slots.length;
    // header lines: bottom-most single-slot cells form the slot line; the rest go above
    if (header.length) {
      const slotLine: (Cell[] | null)[] = Array.from({ length: nLabel + nSlots }, () => null);
      const upper: Cell[] = [];
      const byBottom = [...header].sort((a, b) => b.gy - a.gy);
      const slotWidth = nSlots > 1 ? (table.slots[nSlots - 1]!.c - table.slots[0]!.c) / (nSlots - 1) : Infinity;
      for (const h of byBottom) {
        const mid = (h.x0 + h.x1) / 2;
        if (h.x1 <= table.valueX0 + 1 && mid < table.valueX0) {
          const k = nLabel
            ? Math.max(
                0,
                cols.findLastIndex((x) => h.x0 >= x - 6),
              )
            : 0;
          const at = nLabel ? k : 0;
          if (nLabel && !slotLine[at]) slotLine[at] = [h];
          else upper.push(h);
          continue;
        }
        const spans = h.x1 - h.x0 > slotWidth * 1.3;
        const s = nLabel + slotOf(table.slots, h);
        if (!spans && !slotLine[s]) slotLine[s] = [h];
        else if (!spans && slotLine[s] && Math.abs(slotLine[s]![0]!.x0 - h.x0) < 2 && slotLine[s]![0]!.top - h.bottom < h.fontSize * 3)
          slotLine[s]!.unshift(h);
        else upper.push(h);
      }
      // upper lines grouped by vertical position
      upper.sort((a, b) => a.gy - b.gy || a.x0 - b.x0);
      const groups: Cell[][] = [];
      for (const u of upper) {
        const g = groups.find((gr) => Math.abs(gr[0]!.top - u.top) < u.fontSize * 0.6);
        if (g) g.push(u);
        else groups.push([u]);
      }
      for (const g of groups) {
        g.sort((a, b) => a.x0 - b.x0);
        lines.push({ cells: g.map((c) => ({ text: cellText(c), sources: [c] })) });
      }
      if (slotLine.some((s) => s)) {
        lines.push({
          cells: slotLine.map((s) => ({ text: s ? tidy(s.map(cellText).join("")) : "", sources: s ?? [] })),
        });
      }
    }
    for (const row of table.rows) {
      const out: Emitted = { cells: [] };
      for (let k = 0; k < nLabel; k++) {
        const mine = row.labels.filter((c) => colOf(c) === k).sort((a, b) => a.gy - b.gy);
        out.cells.push({ text: tidy(mine.map(cellText).join("")), sources: mine });
      }
      const slotCells: Cell[][] = Array.from({ length: nSlots }, () => []);
      for (const v of row.values) slotCells[slotOf(table.slots, v)]!.push(v);
      for (const s of slotCells) out.cells.push({ text: s.map(cellText).join(" "), sources: s, sep: " " });
      lines.push(out);
    }
    const gyStart = Math.min(first.gy, ...header.map((h) => h.gy));
    blocks.push({ gy: gyStart - 0.001, lines });
  }

  // everything else: plain lines in reading order
  const rest = cells.filter((c) => !used.has(c)).sort((a, b) => a.page - b.page || a.top - b.top || a.x0 - b.x0);
  const textLines: { gy: number; cells: Cell[] }[] = [];
  for (const c of rest) {
    const startGy = (c.page - 1) * PAGE_STRIDE + c.parts[0]!.top + c.parts[0]!.fontSize * 0.5;
    const line = textLines.find((l) => l.cells[0]!.page === c.page && Math.abs(l.gy - startGy) < c.fontSize * 0.5);
    if (line) line.cells.push(c);
    else textLines.push({ gy: startGy, cells: [c] });
  }
  for (const l of textLines) {
    l.cells.sort((a, b) => a.x0 - b.x0);
    blocks.push({ gy: l.gy, lines: [{ cells: l.cells.map((c) => ({ text: cellText(c), sources: [c] })) }] });
  }
  blocks.sort((a, b) => a.gy - b.gy);

  // serialise with spans
  const outLines: string[] = [];
  const spans: LayoutSpan[] = [];
  for (const b of blocks) {
    for (const l of b.lines) {
      const lineNo = outLines.length + 1;
      let s = "";
      l.cells.forEach((cell, i) => {
        if (i > 0) s += "\t";
        // rebuild the cell's text fragment by fragment so every fragment keeps its own box
        let text = "";
        const pieces: { start: number; end: number; page: number; box: Box }[] = [];
        cell.sources.forEach((src, si) => {
          if (si > 0) text += cell.sep ?? "";
          src.parts.forEach((p, pi) => {
            text = pi === 0 ? text + p.text : joinLines(text, p.text);
            const round = (n: number) => Math.round(n * 10) / 10;
            pieces.push({
              start: text.length - p.text.length,
              end: text.length,
              page: p.page,
              box: [round(p.x0), round(p.top), round(p.x1), round(p.bottom)],
            });
          });
        });
        const start = s.length;
        s += text;
        for (const piece of pieces)
          spans.push({ line: lineNo, start: start + piece.start, end: start + piece.end, page: piece.page, box: piece.box });
      });
      outLines.push(s);
    }
  }
  return { text: outLines.join("\n") + "\n", spans, pageCount: input.pages.length };
}

/** The page and box of a layout-text range (the first span it overlaps, grown over spans of that page). */
export function locateRange(spans: LayoutSpan[], line: number, start: number, end: number): { page: number; box: Box } | null {
  const hits = spans.filter((s) => s.line === line && s.start < Math.max(end, start + 1) && s.end > start);
  const first = hits[0];
  if (!first) {
    const onLine = spans.filter((s) => s.line === line);
    if (!onLine.length) return null;
    return unite(onLine.filter((s) => s.page === onLine[0]!.page));
  }
  return unite(hits.filter((s) => s.page === first.page));
}

function unite(list: LayoutSpan[]): { page: number; box: Box } | null {
  const first = list[0];
  if (!first) return null;
  const box: Box = [...first.box];
  for (const s of list) {
    box[0] = Math.min(box[0], s.box[0]);
    box[1] = Math.min(box[1], s.box[1]);
    box[2] = Math.max(box[2], s.box[2]);
    box[3] = Math.max(box[3], s.box[3]);
  }
  return { page: first.page, box };
}
