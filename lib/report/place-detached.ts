/**
 * Class 2 of issue 10, labels detached from their numbers (标签与数字分离): PDF→Markdown and OCR output print the row
 * labels of section 三 in one block and the rows of numbers in another, split one table into several small ones at
 * page breaks, or leave a row of numbers with no label at all. The rows still come in the template's order.
 *
 * The placement: rows that carry their own label (label and numbers on one line, or a label standing alone with its
 * numbers right after it) are anchors. The rows of numbers with no label of their own (orphans, from the assembler)
 * between two anchors belong, in order, to template rows between those anchors — any of them, labelled or not, since
 * a label printed in a block apart says nothing about which row of numbers is its own. Every order-keeping assignment
 * of the orphans to those rows is one reading of the gap; the repair step keeps the readings that satisfy every
 * identity and fills a cell only where they all agree. A value placed this way is never "stated": it is inferred with
 * the rule `template-order`, and only kept when the identities hold around it (the repair's `confirm`).
 */
import type { AssembledRequests, RowTokens } from "./assemble-requests";
import { hasFallback, rowCandidates, type Candidate } from "./candidates";
import type { Equation } from "./identities";
import type { RowReadings } from "./repair";
import { rowSlots } from "./to-document";
import type { RequestGroup } from "./template";
import { isNumberCell, type Cell, type Line } from "./tokenize";

/** Rule of a value placed by the template's row order, not by its own label (confirmed by the identities). */
export const TEMPLATE_ORDER_RULE = "template-order";

/** Upper bound on the readings of one gap (assignments × row readings): beyond it the gap stays null and says so. */
export const MAX_GAP_READINGS = 4000;

/** Orphan rows between two anchors and the template rows they may fill. */
export type DetachedGap = { rows: string[]; units: RowTokens[] };

/** What the placement found: gaps to solve, orphan rows that fit nowhere, and rows whose numbers were taken from them. */
export type DetachedPlan = { gaps: DetachedGap[]; unplaced: RowTokens[]; disowned: Set<string> };

const hasNumbers = (row: RowTokens): boolean => row.tokens.some(isNumberCell);

/**
 * The gaps of a section 三 whose assembler found orphan rows, or null when it found none (the common case: nothing to do).
 * `rows` are the printed row paths in template order.
 */
export function planDetached(assembled: AssembledRequests, rows: readonly string[], singleOther: boolean): DetachedPlan | null {
  if (assembled.orphans === 0) return null;
  const index = new Map(rows.map((p, i) => [p, i]));
  // print order: anchors (own label) and units (numbers whose label is not beside them)
  type Item = { anchor: string; at: number } | { unit: RowTokens };
  const items: Item[] = [];
  const disowned = new Set<string>();
  const seq = assembled.sequence;
  for (let i = 0; i < seq.length; i++) {
    const row = seq[i]!;
    if (row.orphan) {
      if (hasNumbers(row)) items.push({ unit: row });
      continue;
    }
    if (row.duplicate || !hasNumbers(row)) continue;
    const path = row.key === "group:otherHandling" && singleOther ? "otherHandling.other" : row.key;
    const at = index.get(path);
    // a group label with numbers (（三）不予公开 standing where a row's own label is missing): a row of numbers with no
    // label of its own; a printed subtotal placed as a row breaks the column sums and is not taken
    if (at === undefined) {
      items.push({ unit: row });
      continue;
    }
    // the last label of a block of labels: the numbers after it are the block's first row, not its own
    const next = seq[i + 1];
    if (row.afterEmpty && next?.orphan && row.labelLine !== row.tokens.find(isNumberCell)?.line) {
      disowned.add(path);
      items.push({ unit: row });
      continue;
    }
    items.push({ anchor: path, at });
  }
  const grid = gridOf(assembled.lines);
  if (grid) regrid(items, grid);
  const gaps: DetachedGap[] = [];
  const unplaced: RowTokens[] = [];
  let prev = -1;
  let units: RowTokens[] = [];
  let broken = false;
  const close = (next: number): void => {
    if (units.length === 0) return;
    const gapRows = rows.slice(prev + 1, next).filter((p) => !isAnchor(p));
    if (broken || gapRows.length < units.length) unplaced.push(...units);
    else {
      gaps.push({ rows: gapRows, units });
      for (const u of units) if (u.key.startsWith("group:")) (assembled.groups.get(u.key.slice(6) as RequestGroup) ?? u).placed = true;
    }
    units = [];
  };
  const anchors = new Set(items.flatMap((it) => ("anchor" in it ? [it.anchor] : [])));
  const isAnchor = (p: string): boolean => anchors.has(p);
  for (const it of items) {
    if ("unit" in it) {
      units.push(it.unit);
      continue;
    }
    // anchors out of template order: the print order cannot be trusted around them
    if (it.at <= prev) broken = true;
    close(it.at);
    broken = it.at <= prev;
    prev = Math.max(prev, it.at);
  }
  close(rows.length);
  return { gaps, unplaced, disowned };
}

/**
 * A table laid out on a column grid (PDF or OCR layout text: every row of numbers has the same number of tab-separated
 * fields, the last 7 of them the value columns). null when the section is not such a grid.
 */
type Grid = { fields: number; lines: Map<number, Line> };

function fieldsOf(line: Line): number {
  let n = 1;
  for (let i = 0; i < line.text.length; i++) if (line.text[i] === "\t") n++;
  return n;
}

function fieldOf(cell: Cell, line: Line): number {
  let n = 0;
  const end = cell.start - line.offset;
  for (let i = 0; i < end && i < line.text.length; i++) if (line.text[i] === "\t") n++;
  return n;
}

function gridOf(lines: readonly Line[]): Grid | null {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (line.cells.filter(isNumberCell).length < 3) continue;
    const f = fieldsOf(line);
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best = 0;
  let seen = 0;
  for (const [f, n] of counts) if (n > seen) [best, seen] = [f, n];
  if (best < 8 || seen < 5) return null;
  return { fields: best, lines: new Map(lines.map((l) => [l.index, l])) };
}

/** The value cells of a unit on the grid, by value column (0–6); null when a cell is off the grid. */
function gridCells(unit: RowTokens, grid: Grid): Map<number, Cell> | null {
  const out = new Map<number, Cell>();
  for (const cell of unit.tokens) {
    if (cell.value.kind === "text") continue;
    const line = grid.lines.get(cell.line);
    if (!line || fieldsOf(line) !== grid.fields) return null;
    const col = fieldOf(cell, line) - (grid.fields - 7);
    // a number in the label columns is a label's numbering (the 1 of "1.属于国家秘密" read apart), not a value
    if (col < 0) continue;
    if (col > 6) return null;
    const had = out.get(col);
    // a unit over two lines (a label's numbering alone on the first): a number fills the blank of the other line
    if (had && had.value.kind === "number" && cell.value.kind === "number") return null;
    if (!had || had.value.kind !== "number") out.set(col, cell);
  }
  return out;
}

/**
 * Units on a column grid: numbers standing in the label columns are dropped, each value cell keeps its column (a blank
 * stands in place), and two consecutive units that are one row split over two lines (OCR: the cells of one row read at
 * slightly different heights) are joined when their columns are disjoint and together fill all 7.
 */
function regrid(items: Array<{ anchor: string; at: number } | { unit: RowTokens }>, grid: Grid): void {
  let prev: { unit: RowTokens; cols: Map<number, Cell> } | null = null;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (!("unit" in it)) {
      prev = null;
      continue;
    }
    const cols = gridCells(it.unit, grid);
    if (!cols) {
      prev = null;
      continue;
    }
    const numbers = (m: Map<number, Cell>): number => [...m.values()].filter(isNumberCell).length;
    // nothing in the value columns: a line holding only a label's numbering, not a row of numbers
    if (numbers(cols) === 0) {
      items.splice(i, 1);
      i--;
      continue;
    }
    if (prev && numbers(prev.cols) < 7 && numbers(cols) < 7) {
      const a = [...prev.cols].filter(([, c]) => c.value.kind === "number").map(([k]) => k);
      const b = [...cols].filter(([, c]) => c.value.kind === "number").map(([k]) => k);
      if (a.every((k) => !b.includes(k)) && a.length + b.length === 7) {
        const joined = new Map(prev.cols);
        for (const k of b) joined.set(k, cols.get(k)!);
        prev.unit.tokens = [0, 1, 2, 3, 4, 5, 6].map((k) => joined.get(k)!);
        items.splice(i, 1);
        i--;
        prev = null;
        continue;
      }
    }
    const tokens = [0, 1, 2, 3, 4, 5, 6].map((k) => cols.get(k));
    const row = { ...it.unit, tokens: tokens.every((c) => c !== undefined) ? (tokens as Cell[]) : [...cols.values()] };
    items[i] = { unit: row };
    prev = { unit: row, cols };
  }
}

/** The readings of one gap: every order-keeping assignment of its units to its rows, times each unit's own readings. */
export function gapReadings(gap: DetachedGap, eqs: readonly Equation[]): RowReadings & { capped: boolean } {
  const slots = gap.rows.flatMap((r) => rowSlots(r));
  const key = gap.rows.length === 1 ? gap.rows[0]! : `${gap.rows[0]}…${gap.rows[gap.rows.length - 1]}`;
  const first = gap.rows[0]!;
  const local = eqs.filter((e) => e.row === first);
  const own = rowSlots(first);
  // a unit's readings do not depend on which row it lands in: every row of section 三 has the same row identity
  const tokens = gap.units.map(unitTokens);
  const strict = tokens.map((t) => rowCandidates(t, own, local).filter((c) => !c.note));
  const candidates = assignments(gap, slots, strict);
  const base = { key, slots, confirm: true };
  if (candidates === null) return { ...base, candidates: [{ values: slots.map(() => null), cells: slots.map(() => null) }], capped: true };
  // blanks read in place (a grid row) may be layout artefacts, as in any row: free placements are the second reading
  const free = tokens.some((t) => hasFallback(t, 7))
    ? assignments(
        gap,
        slots,
        tokens.map((t, i) => (hasFallback(t, 7) ? rowCandidates(t, own, local, true).filter((c) => !c.note) : strict[i]!)),
      )
    : null;
  return { ...base, candidates, ...(free ? { fallback: free } : {}), capped: false };
}

/** Every order-keeping assignment of the gap's units to its rows, times the units' readings; null beyond the cap. */
function assignments(gap: DetachedGap, slots: string[], unitReadings: Candidate[][]): Candidate[] | null {
  const n = gap.rows.length;
  const m = gap.units.length;
  let count = binomial(n, m);
  for (const r of unitReadings) count *= r.length;
  if (count > MAX_GAP_READINGS) return null;
  // a unit with no reading at all (no way its numbers make a row): the gap has none either, and stays null
  if (count === 0) return [{ values: slots.map(() => null), cells: slots.map(() => null) }];
  const candidates: Candidate[] = [];
  const values: Array<number | null> = slots.map(() => null);
  const cells: Array<Cell | null> = slots.map(() => null);
  const rules: Array<string | null> = slots.map(() => null);
  const place = (u: number, from: number): void => {
    if (u === m) {
      candidates.push({ values: values.slice(), cells: cells.slice(), rules: rules.slice() });
      return;
    }
    for (let r = from; r <= n - (m - u); r++) {
      for (const reading of unitReadings[u]!) {
        for (let c = 0; c < 7; c++) {
          values[r * 7 + c] = reading.values[c] ?? null;
          cells[r * 7 + c] = reading.cells[c] ?? null;
          rules[r * 7 + c] = reading.rules?.[c] ?? TEMPLATE_ORDER_RULE;
        }
        place(u + 1, r + 1);
      }
      for (let c = 0; c < 7; c++) {
        values[r * 7 + c] = null;
        cells[r * 7 + c] = null;
        rules[r * 7 + c] = null;
      }
    }
  };
  place(0, 0);
  return candidates;
}

/** A unit's value cells: from its first number on, without text (a header line between a label block and its numbers). */
function unitTokens(row: RowTokens): Cell[] {
  const start = row.tokens.findIndex(isNumberCell);
  return start < 0 ? [] : row.tokens.slice(start).filter((t) => t.value.kind !== "text");
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}
