/**
 * The possible readings of one printed row: k numbers for w columns (which columns they stand in
 * is unknown), blank cells, and run-together digits ("15130000154" → 151 3 0 0 0 0 154). Each
 * reading is checked against the equations that lie inside the row and readings with the same
 * values are merged, so "6 zeros for 7 columns" is one reading, not seven.
 */
import type { Equation } from "./identities";
import { propagateSlots, toSlotEquations } from "./propagate";
import { splitRow, splittable } from "./split-glued";
import { isNumberCell, type Cell } from "./tokenize";

/** One reading of a row: a value (null = unknown) and the source cell for each slot. */
export type Candidate = {
  values: Array<number | null>;
  cells: Array<Cell | null>;
  /** per slot: the identity id that forced a value inside the row, null for a printed value */
  rules?: Array<string | null>;
  /** why a run-together row has no reading: no split satisfies its identities, or the search gave up */
  note?: "split-none" | "split-capped";
};

/** A number as it enters placement: its value and the cell it came from (split parts share it). */
type Item = { value: number; cell: Cell };

/** Upper bound on readings of one row before giving up (adversarial input). */
export const MAX_ROW_CANDIDATES = 1000;

function placements(items: Item[], width: number, out: Candidate[]): void {
  const values: Array<number | null> = new Array<number | null>(width).fill(null);
  const cells: Array<Cell | null> = new Array<Cell | null>(width).fill(null);
  const place = (i: number, from: number): void => {
    if (out.length >= MAX_ROW_CANDIDATES) return;
    if (i === items.length) {
      out.push({ values: values.slice(), cells: cells.slice() });
      return;
    }
    for (let s = from; s <= width - (items.length - i); s++) {
      values[s] = items[i]!.value;
      cells[s] = items[i]!.cell;
      place(i + 1, s + 1);
      values[s] = null;
      cells[s] = null;
    }
  };
  place(0, 0);
}

/** Every way to cut a digit string into `parts` numbers without leading zeros. */
function splitDigits(digits: string, parts: number, out: number[][], acc: number[] = []): void {
  if (out.length >= MAX_ROW_CANDIDATES) return;
  if (parts === 1) {
    if (digits.length > 0 && (digits.length === 1 || digits[0] !== "0")) out.push([...acc, Number(digits)]);
    return;
  }
  const maxLen = digits[0] === "0" ? 1 : digits.length - parts + 1;
  for (let len = 1; len <= maxLen; len++) splitDigits(digits.slice(len), parts - 1, out, [...acc, Number(digits.slice(0, len))]);
}

function splitReadings(items: Item[], width: number): Item[][] {
  const missing = width - items.length;
  const readings: Item[][] = [];
  items.forEach((item, i) => {
    const digits = item.cell.text.replace(/,/g, "");
    if (!/^\d+$/.test(digits) || digits.length < missing + 1) return;
    if (missing < 2 && digits.length < 4) return;
    const splits: number[][] = [];
    splitDigits(digits, missing + 1, splits);
    for (const s of splits) readings.push([...items.slice(0, i), ...s.map((value) => ({ value, cell: item.cell })), ...items.slice(i + 1)]);
  });
  return readings;
}

/** Raw readings before checking: direct, positional (blanks stand in place) plus free placements, splits. */
function rawCandidates(tokens: Cell[], width: number, free: boolean, exact: boolean): Candidate[] {
  const items: Item[] = tokens.filter(isNumberCell).map((t) => ({ value: (t.value as { value: number }).value, cell: t }));
  if (items.length === width) return [{ values: items.map((i) => i.value), cells: items.map((i) => i.cell) }];
  if (items.length > width) return surplusReadings(items, width);
  const out: Candidate[] = [];
  // Blanks standing in place (one cell per line, a grid row) are the reading; only when it breaks the identities
  // (a blank that is a layout artefact: a trailing tab, a colspan) are free placements tried (`free`).
  const columns = inPlace(tokens, width, exact);
  if (columns) {
    out.push({ values: columns.map((t) => (t.value.kind === "number" ? t.value.value : null)), cells: columns.slice() });
    if (!free) return out;
  }
  placements(items, width, out);
  for (const reading of splitReadings(items, width)) placements(reading, width, out);
  return out;
}

/** At most this many surplus numbers on a row are read by leaving some out; with more, the row has no reading. */
export const MAX_SURPLUS = 2;

/**
 * Readings of a row with more numbers than columns (a stray mark or an OCR stray digit among its cells, 0 0 1 0 0 0 0 0):
 * every way to leave out the surplus numbers, keeping the order of the rest. Which number is the stray is not in the
 * text: the row's and the table's identities decide, and where they cannot the row stays unknown. Never the first
 * `width` numbers by position (that once read 0 0 0 0 0 0 1 for a row of zeros with a stray 1 before its last cell).
 * More than MAX_SURPLUS surplus numbers: one unknown reading.
 */
function surplusReadings(items: Item[], width: number): Candidate[] {
  const surplus = items.length - width;
  if (surplus > MAX_SURPLUS)
    return [{ values: new Array<number | null>(width).fill(null), cells: new Array<Cell | null>(width).fill(null) }];
  const out: Candidate[] = [];
  const leaveOut = (from: number, left: number, skipped: number[]): void => {
    if (left === 0) {
      const kept = items.filter((_, i) => !skipped.includes(i));
      out.push({ values: kept.map((i) => i.value), cells: kept.map((i) => i.cell) });
      return;
    }
    for (let i = from; i < items.length; i++) leaveOut(i + 1, left - 1, [...skipped, i]);
  };
  leaveOut(0, surplus, []);
  return out;
}

/**
 * The distinct readings of a row that satisfy the equations inside it. `slots` are the value paths
 * of the row's columns in order. When no reading fits, the raw readings are returned unchanged.
 * `free` adds the free placements to a row whose blanks stand in place (see `hasFallback`); `exact`: the row's fields are
 * the table's own cells (an HTML or DOCX grid row), so a blank after its last number is a cell, not padding.
 */
export function rowCandidates(
  tokens: Cell[],
  slots: readonly string[],
  localEqs: readonly Equation[],
  free = false,
  exact = false,
): Candidate[] {
  const glued = gluedCandidates(tokens, slots, localEqs);
  if (glued) return glued;
  const seen = new Set<string>();
  const result: Candidate[] = [];
  const raw = rawCandidates(tokens, slots.length, free, exact);
  const only = raw.length === 1 ? raw[0]! : null;
  if (only && only.values.every((v) => v !== null)) return raw; // fully printed: kept as is, checked later
  const local = toSlotEquations(slots, localEqs);
  for (const cand of raw) {
    const values = slotValues(cand.values, slots.length, local.width);
    const rules = new Array<string | null>(local.width).fill(null);
    if (!propagateSlots(values, local.eqs, rules)) continue;
    const solved = values.slice(0, slots.length);
    const key = solved.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ values: solved, cells: cand.cells, rules: rules.slice(0, slots.length) });
  }
  // No reading fits: keep what is printed (a stated number is never dropped) and let the checks flag it.
  return result.length > 0 ? result : raw;
}

/** A reading's values for the first `count` slots (null for a missing one), padded with unknowns to `width`. */
function slotValues(values: ReadonlyArray<number | null | undefined>, count: number, width: number): Array<number | null> {
  const out = new Array<number | null>(width).fill(null);
  for (let i = 0; i < count; i++) out[i] = values[i] ?? null;
  return out;
}

/** True when a row's blanks were read in place and free placements are a possible second reading. */
export function hasFallback(tokens: Cell[], width: number, exact = false): boolean {
  const numbers = tokens.filter(isNumberCell).length;
  return inPlace(tokens, width, exact) !== null && numbers > 0 && numbers < width;
}

/**
 * The row's cells column by column when its blanks stand in place: exactly `width` cells, or more where the surplus is
 * blank cells after the row's last number (a trailing tab, the run of pipes that closes a grid row). null when the cells
 * cannot be taken as columns. (The grid positions a merged label covers are dropped before: see read-requests.ts.) With
 * `exact` (fields that are the table's own cells) a blank after the last number is a cell like any other.
 */
function inPlace(tokens: Cell[], width: number, exact = false): Cell[] | null {
  if (tokens.length === width) return !exact && paddedAtEnd(tokens) ? null : tokens;
  let end = tokens.length;
  while (end > width && tokens[end - 1]!.value.kind === "blank") end--;
  if (end !== width || tokens[end - 1]!.value.kind !== "number") return null;
  return tokens.slice(0, end);
}

/**
 * A row ending in a blank field on the line of its numbers (`…\t6\t`): the blank may be the last column or the padding
 * of a row short of a cell, so it does not fix where the numbers stand. A blank on a line of its own (one cell per line)
 * is a cell.
 */
function paddedAtEnd(tokens: Cell[]): boolean {
  const last = tokens[tokens.length - 1];
  const before = tokens[tokens.length - 2];
  return last?.value.kind === "blank" && before !== undefined && before.value.kind === "number" && before.line === last.line;
}

/** Rule of a value cut out of a run-together digit chunk (the identities chose the cut). */
export const DIGIT_SPLIT_RULE = "digit-split";

/**
 * A chunk that cannot be one count: several digits starting with 0 ("000121"), or ten digits or
 * more (no row of a report counts a billion requests or cases).
 */
const leadingZero = (c: Cell): boolean => /^\d+$/.test(c.text) && ((c.text.length > 1 && c.text[0] === "0") || c.text.length >= 10);

/**
 * Readings of a row whose digits are run together (cells marked `glued` by the run-together step,
 * or a chunk with a leading zero): every split into exactly one number per slot that satisfies the
 * row's own equations; a space in the source is a cell boundary, and only when no split fits with
 * that evidence are the chunk boundaries dropped. null when the row is not run-together.
 */
function gluedCandidates(tokens: Cell[], slots: readonly string[], localEqs: readonly Equation[]): Candidate[] | null {
  const nums = tokens.filter(isNumberCell);
  if (nums.length === 0 || !nums.some((c) => c.glued || leadingZero(c)) || !splittable(nums)) return null;
  const empty = (note: Candidate["note"]): Candidate[] => [{ values: slots.map(() => null), cells: slots.map(() => null), note }];
  const local = toSlotEquations(slots, localEqs);
  for (const soft of [false, true]) {
    const { readings, capped } = splitRow(nums, slots, localEqs, soft);
    if (capped) return empty("split-capped");
    const out: Candidate[] = [];
    const seen = new Set<string>();
    for (const r of readings) {
      if (!propagateSlots(slotValues(r.values, slots.length, local.width), local.eqs)) continue;
      const key = r.values.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ values: r.values.slice(), cells: r.cells, rules: r.whole.map((w) => (w ? null : DIGIT_SPLIT_RULE)) });
    }
    if (out.length > 0) return out;
    if (nums.length === 1) break;
  }
  return empty("split-none");
}
