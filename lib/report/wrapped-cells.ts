/**
 * Numbers wrapped inside their cell (单元格内折行的数字): a PDF column too narrow for a number prints its tail on the next
 * line under it (1234 → "12" / "34"; 1,234 → "1," / "234"). Text extraction then shows one more number than the row has
 * cells: in a grid layout the tail stands on the line after the row, in a one-cell-per-line layout right after its head.
 * Nothing in the text tells a tail from a cell of its own, so a row with surplus numbers is read every way: as printed
 * (the surplus is not the row's), and with each surplus number joined back to a number on an earlier line — for each
 * head, the first number on a later line than it is its possible tail. The identities choose; a row no reading (or more
 * than one) fits is null with a finding, never the first reading.
 */
import type { AssembledRequests, RowTokens } from "./assemble-requests";
import { parseNumberCell } from "./parse-number";
import type { Cell } from "./tokenize";

/** At most this many wrapped numbers in one row (more is no wrap: the reader gives the row up). */
export const MAX_WRAPPED = 2;
/** At most this many readings of one row. */
const MAX_READINGS = 400;

/** head + tail as one number cell (located at the head), or null when the two cannot be one number (05, 12件3). */
export function joinCells(head: Cell, tail: Cell): Cell | null {
  if (head.value.kind !== "number" || tail.value.kind !== "number") return null;
  if (!/[0-9,]$/.test(head.text) || !/^[0-9]/.test(tail.text) || /^0[0-9]/.test(head.text + tail.text)) return null;
  const text = head.text + tail.text;
  const value = parseNumberCell(text);
  if (value.kind !== "number") return null;
  return { ...head, text, raw: head.raw + tail.raw, value, end: head.end };
}

/** The index of the first number after `i` that stands on a later line than number `i` (its possible tail), or -1. */
function tailOf(nums: readonly Cell[], i: number): number {
  for (let j = i + 1; j < nums.length; j++) if (nums[j]!.line > nums[i]!.line) return j;
  return -1;
}

/**
 * Every reading of `nums` (number cells in print order) with one to MAX_WRAPPED numbers joined back to a head on an
 * earlier line, that leaves at least `width - 1` numbers (a wrapped cell and a lost one can both be in a row). The
 * reading as printed is not among them.
 */
export function wrappedReadings(nums: readonly Cell[], width: number): Cell[][] {
  const out: Cell[][] = [];
  const seen = new Set<string>();
  const walk = (cells: readonly Cell[], joins: number): void => {
    if (out.length >= MAX_READINGS || joins === MAX_WRAPPED || cells.length <= width - 1) return;
    for (let i = 0; i < cells.length; i++) {
      const j = tailOf(cells, i);
      if (j < 0) continue;
      const joined = joinCells(cells[i]!, cells[j]!);
      if (!joined) continue;
      const next = [...cells.slice(0, i), joined, ...cells.slice(i + 1, j), ...cells.slice(j + 1)];
      const key = next.map((c) => `${c.line}:${c.start}:${c.text}`).join("|");
      if (seen.has(key)) continue;
      seen.add(key);
      if (next.length <= width) out.push(next);
      walk(next, joins + 1);
    }
  };
  if (nums.length - width <= MAX_WRAPPED) walk(nums, 0);
  return out;
}

/**
 * True when a grid row's numbers (several on its own line) go on with one or two numbers on the lines below: those may
 * be the tails of wrapped cells even when the count fits (a wrapped cell and a lost cell in one row).
 */
export function hasTailLines(nums: readonly Cell[]): boolean {
  const first = nums[0];
  if (!first) return false;
  const onFirst = nums.filter((c) => c.line === first.line).length;
  const later = nums.length - onFirst;
  return onFirst >= 3 && later >= 1 && later <= MAX_WRAPPED;
}

/** The unit before `k` in the sequence whose last number stands lowest (closest above unit k's numbers). */
function rowAbove(sequence: readonly RowTokens[], k: number): RowTokens {
  const lastLine = (r: RowTokens): number => r.tokens.filter(isNumberCell).at(-1)?.line ?? -1;
  let best = sequence[k - 1]!;
  for (let j = 0; j < k; j++) if (lastLine(sequence[j]!) > lastLine(best)) best = sequence[j]!;
  return best;
}

/** How far (in lines) a tail may stand below its row's last number: the next line, or the next but one past a blank line. */
const MAX_TAIL_DISTANCE = 3;

const isNumberCell = (c: Cell): boolean => c.value.kind === "number";

/**
 * Section 三: an orphan row of one or two numbers (and nothing else but blank cells) right below a full row (its 7 numbers) may be the
 * tails of that row's wrapped cells. Such an orphan is taken out of the orphans (it is no row of the table) and given to
 * the row as `wrapped`; readRequests reads the row every way (wrappedReadings). A new object; the input is not changed.
 */
export function attachWrappedTails(assembled: AssembledRequests): AssembledRequests {
  if (assembled.orphans === 0) return assembled;
  const { sequence } = assembled;
  const tails = new Set<RowTokens>();
  for (let k = 1; k < sequence.length; k++) {
    const unit = sequence[k]!;
    // the row whose numbers end right above the orphan: the one before it in the sequence, unless a label seen earlier
    // (a page break's repeated header 其他 read as 3.其他) opened that row before its neighbour above
    const row = rowAbove(sequence, k);
    const next = sequence[k + 1];
    // a row opened right after a label with no numbers (labels printed apart from their numbers) owns no numbers by adjacency
    if (!unit.orphan || row.orphan || row.duplicate || row.afterEmpty || next?.orphan) continue;
    // one or two numbers, and nothing else but blank cells (the run of pipes that closes a grid row: 0 | / ||)
    const unitNumbers = unit.tokens.filter(isNumberCell);
    if (
      unitNumbers.length === 0 ||
      unitNumbers.length > MAX_WRAPPED ||
      !unit.tokens.every((t) => isNumberCell(t) || t.value.kind === "blank")
    )
      continue;
    const nums = row.tokens.filter(isNumberCell);
    const last = nums[nums.length - 1];
    if (nums.length !== 7 || row.overlong || !last) continue;
    const first = unitNumbers[0]!;
    if (first.line <= last.line || first.line - last.line > MAX_TAIL_DISTANCE) continue;
    tails.add(unit);
    row.wrapped = unitNumbers;
  }
  if (tails.size === 0) return assembled;
  return { ...assembled, sequence: sequence.filter((r) => !tails.has(r)), orphans: assembled.orphans - tails.size };
}
