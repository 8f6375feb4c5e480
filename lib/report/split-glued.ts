/**
 * Digit-split readings of a run-together row (粘连数字拆分): the row's digit chunks ("640020470", or
 * "200 000121" where a space is a cell boundary) cut into exactly `width` numbers. A part has no
 * leading zero (a lone 0 is fine), every chunk gives at least one part, and a cell that is the
 * total of earlier cells of the row (an equation inside the row) is not guessed but forced: its
 * digits must spell the sum. Bounded: past `budget` search nodes the split gives up (`capped`),
 * and the caller leaves the row null with a finding — never the first reading found.
 */
import type { Equation } from "./identities";
import type { Cell } from "./tokenize";

/** One way to cut the row: a value and its source cell (the digits it came from) per slot. */
export type SplitReading = { values: number[]; cells: Cell[]; whole: boolean[] };

/** Search nodes one row may use before the split gives up. */
export const SPLIT_BUDGET = 60_000;

type Digit = { ch: string; chunk: number; index: number };

/** True when the cells hold only plain digit chunks (what this step can split). */
export function splittable(cells: readonly Cell[]): boolean {
  return cells.length > 0 && cells.every((c) => /^\d+$/.test(c.text));
}

/** For each slot that is the single right-hand side of an equation over earlier slots: those slots. */
function totalsOf(slots: readonly string[], eqs: readonly Equation[]): Array<number[] | null> {
  const at = new Map(slots.map((p, i) => [p, i]));
  const out: Array<number[] | null> = slots.map(() => null);
  for (const e of eqs) {
    if (e.rhs.length !== 1) continue;
    const r = at.get(e.rhs[0]!);
    const lhs = e.lhs.map((p) => at.get(p));
    if (r === undefined || lhs.some((i) => i === undefined || i >= r)) continue;
    out[r] = lhs as number[];
  }
  return out;
}

/**
 * Every reading of `chunks` as `width` numbers (hard: a chunk boundary is a cell boundary; soft:
 * chunk boundaries are ignored). `capped` when the budget ran out (the readings are then incomplete).
 */
export function splitRow(
  chunks: readonly Cell[],
  slots: readonly string[],
  eqs: readonly Equation[],
  soft = false,
  budget = SPLIT_BUDGET,
): { readings: SplitReading[]; capped: boolean } {
  const width = slots.length;
  const digits: Digit[] = [];
  chunks.forEach((c, k) => {
    for (let i = 0; i < c.text.length; i++) digits.push({ ch: c.text[i]!, chunk: soft ? 0 : k, index: i });
  });
  const n = digits.length;
  const chunkEnd: number[] = new Array<number>(n);
  const startsAfter: number[] = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    chunkEnd[i] = i + 1 < n && digits[i + 1]!.chunk === digits[i]!.chunk ? chunkEnd[i + 1]! : i + 1;
    startsAfter[i] = startsAfter[i + 1]! + (i + 1 < n && digits[i + 1]!.chunk !== digits[i]!.chunk ? 1 : 0);
  }
  const totals = totalsOf(slots, eqs);
  const readings: SplitReading[] = [];
  const values: number[] = new Array<number>(width).fill(0);
  const bounds: Array<[number, number]> = new Array<[number, number]>(width);
  let nodes = 0;
  let capped = false;
  const text = digits.map((d) => d.ch).join("");
  const walk = (pos: number, i: number): void => {
    if (capped) return;
    if (++nodes > budget) return void (capped = true);
    if (i === width) {
      if (pos === n) readings.push(toReading(chunks, digits, values, bounds));
      return;
    }
    const cellsLeft = width - i;
    if (n - pos < cellsLeft || startsAfter[pos]! > cellsLeft - 1) return;
    const maxEnd = chunkEnd[pos]!;
    const lhs = totals[i];
    if (lhs) {
      let sum = 0;
      for (const j of lhs) sum += values[j]!;
      const s = String(sum);
      if (pos + s.length > maxEnd || text.slice(pos, pos + s.length) !== s) return;
      values[i] = sum;
      bounds[i] = [pos, pos + s.length];
      walk(pos + s.length, i + 1);
      return;
    }
    for (let end = pos + 1; end <= maxEnd; end++) {
      if (end > pos + 1 && digits[pos]!.ch === "0") break;
      if (end - pos > 12) break;
      values[i] = Number(text.slice(pos, end));
      bounds[i] = [pos, end];
      walk(end, i + 1);
      if (capped) return;
    }
  };
  if (n > 0) walk(0, 0);
  return { readings, capped };
}

function toReading(chunks: readonly Cell[], digits: Digit[], values: number[], bounds: Array<[number, number]>): SplitReading {
  const cells: Cell[] = [];
  const whole: boolean[] = [];
  for (const [from, to] of bounds) {
    const a = locate(chunks, from);
    const b = locate(chunks, to - 1);
    const isWhole = a.cell === b.cell && a.at === 0 && b.at === a.cell.text.length - 1;
    whole.push(isWhole);
    const text = digits
      .slice(from, to)
      .map((d) => d.ch)
      .join("");
    const end = b.cell.start + b.at + 1;
    cells.push(
      isWhole ? a.cell : { ...a.cell, text, raw: text, start: a.cell.start + a.at, end, value: { kind: "number", value: Number(text) } },
    );
  }
  return { values: values.slice(), cells, whole };
}

/** The source cell and offset of the k-th digit over all chunks. */
function locate(chunks: readonly Cell[], k: number): { cell: Cell; at: number } {
  for (const c of chunks) {
    if (k < c.text.length) return { cell: c, at: k };
    k -= c.text.length;
  }
  const last = chunks[chunks.length - 1]!;
  return { cell: last, at: last.text.length - 1 };
}
