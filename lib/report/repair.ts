/**
 * Repair by the identities, as one constraint step over the whole document: choose one reading per
 * uncertain row, propagate the equations, keep every combination that satisfies them all, and fill
 * a cell only when every such combination gives it the same value. Bounded: beyond
 * MAX_COMBINATIONS the step gives up and leaves the uncertain cells null.
 */
import type { Candidate } from "./candidates";
import type { Equation } from "./identities";
import { propagate, type Forced, type Values } from "./propagate";
import type { Cell } from "./tokenize";

/** One printed row (or group) with its value paths and its possible readings. */
export type RowReadings = {
  key: string;
  slots: string[];
  candidates: Candidate[];
  /** readings tried when the first ones break an identity (blanks that may be layout artefacts) */
  fallback?: Candidate[];
  /** values placed by position (class 2): always checked against the identities, and null when no reading satisfies them */
  confirm?: boolean;
};

/** How an uncertain row ended. */
export type RepairOutcome = "solved" | "ambiguous" | "inconsistent" | "gave-up";

export type RepairResult = {
  values: Values;
  /** path → the identity id that forced it (inferred values) */
  forced: Forced;
  /** path → the source cell of a stated value */
  cells: Map<string, Cell>;
  /** row key → outcome, for rows that had more than one reading or unknown cells */
  outcomes: Map<string, RepairOutcome>;
  /** row key → the distinct readings of an ambiguous row that satisfy every identity (at most 3) */
  readings: Map<string, string[]>;
};

/** Upper bound on search nodes (row readings tried) per document. */
export const MAX_SEARCH_NODES = 100_000;

/** The search bound when rows are placed by position (class 2): their readings are many and each costs more to check. */
export const MAX_SEARCH_NODES_WITH_GAP = 100_000;

type Solution = { values: Values; forced: Forced; choice: number[] };

/** Upper bound on distinct solutions kept: beyond it the cells that differ are null anyway. */
export const MAX_SOLUTIONS = 64;

/**
 * Can the equation still hold? Known sums on both sides, and every unknown is a non-negative
 * count: a side whose cells are all known cannot be smaller than the other side's known part.
 */
function feasible(values: Values, e: Equation): boolean {
  let l = 0;
  let r = 0;
  let ul = 0;
  let ur = 0;
  for (const p of e.lhs) {
    const v = values.get(p);
    if (v == null) ul++;
    else l += v;
  }
  for (const p of e.rhs) {
    const v = values.get(p);
    if (v == null) ur++;
    else r += v;
  }
  if (ul === 0 && ur === 0) return Math.abs(l - r) <= 1e-6;
  if (ul === 0) return r <= l + 1e-6;
  if (ur === 0) return l <= r + 1e-6;
  return true;
}

/**
 * Depth-first search over one reading per uncertain row (fewest readings first), pruning a branch
 * as soon as an equation it touches can no longer hold; each complete choice is propagated and
 * kept if every equation holds. null when the node budget runs out or there are more than
 * MAX_SOLUTIONS solutions (the search is then incomplete and decides nothing).
 */
function enumerate(
  multi: RowReadings[],
  base: Values,
  eqs: Equation[],
  budget: { left: number },
  cellDiffers: Set<string>,
): Solution[] | null {
  const solutions: Solution[] = [];
  const seen = new Set<string>();
  const firstCells: Array<Array<Cell | null> | null> = multi.map(() => null);
  const uncertainPaths = multi.flatMap((row) => row.slots);
  // a gap of rows placed by position first: it touches the most equations, so its readings prune the rest early
  const order = multi
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number(!!multi[b]!.confirm) - Number(!!multi[a]!.confirm) || multi[a]!.candidates.length - multi[b]!.candidates.length || a - b,
    );
  const byPath = new Map<string, Equation[]>();
  const slotsOfMulti = new Set(multi.flatMap((row) => row.slots));
  for (const e of eqs) {
    for (const side of [e.lhs, e.rhs]) {
      for (const p of side) {
        if (!slotsOfMulti.has(p)) continue;
        const list = byPath.get(p);
        if (list) list.push(e);
        else byPath.set(p, [e]);
      }
    }
  }
  const rowEqs = multi.map((row) => [...new Set(row.slots.flatMap((p) => byPath.get(p) ?? []))]);
  const choice: number[] = new Array<number>(multi.length).fill(0);
  const values: Values = new Map(base);
  let overflow = false;
  const walk = (k: number): boolean => {
    if (budget.left-- <= 0) return false;
    if (k === order.length) {
      const leaf: Values = new Map(values);
      const forced: Forced = new Map();
      if (propagate(leaf, eqs, forced)) {
        // Which printed cell each slot came from: a value read from different cells in different solutions is not "stated".
        multi.forEach((row, r) => {
          const cells = row.candidates[choice[r]!]!.cells;
          const first = firstCells[r];
          if (!first) firstCells[r] = cells;
          else cells.forEach((c, s) => c !== first[s] && cellDiffers.add(`${r}:${s}`));
        });
        const key = uncertainPaths.map((p) => leaf.get(p) ?? "?").join(",");
        if (seen.has(key)) return true;
        seen.add(key);
        solutions.push({ values: leaf, forced, choice: choice.slice() });
        if (solutions.length > MAX_SOLUTIONS) return !(overflow = true);
      }
      return true;
    }
    const r = order[k]!;
    const row = multi[r]!;
    for (let c = 0; c < row.candidates.length; c++) {
      // a gap of rows placed by position (class 2) has many readings, each checked against many equations: every one
      // tried counts against the budget, so the search stays bounded in time, not only in depth
      if (row.confirm && budget.left-- <= 0) return false;
      choice[r] = c;
      const cand = row.candidates[c]!;
      row.slots.forEach((p, s) => values.set(p, cand.values[s] ?? null));
      if (rowEqs[r]!.every((e) => feasible(values, e)) && !walk(k + 1)) return false;
    }
    row.slots.forEach((p) => values.set(p, base.get(p) ?? null));
    return true;
  };
  return walk(0) && !overflow ? solutions : null;
}

/** The value every candidate of a row agrees on in this slot, or null. */
function commonValue(row: RowReadings, s: number): number | null {
  const first = row.candidates[0]?.values[s] ?? null;
  return row.candidates.every((c) => c.values[s] === first) ? first : null;
}

/** Runs the repair. `eqs` are all equations of the document; only those touching uncertain cells steer it. */
export function repair(rows: RowReadings[], eqs: Equation[]): RepairResult {
  const values: Values = new Map();
  const cells = new Map<string, Cell>();
  const forced: Forced = new Map();
  const outcomes = new Map<string, RepairOutcome>();
  const readings = new Map<string, string[]>();
  const uncertain = new Set<string>();
  const multi: RowReadings[] = [];
  for (const row of rows) {
    const single = row.candidates.length === 1 && !row.confirm ? row.candidates[0]! : null;
    row.slots.forEach((p, s) => {
      const v = single ? (single.values[s] ?? null) : null;
      values.set(p, v);
      const cell = single?.cells[s];
      if (cell) cells.set(p, cell);
      const rule = single?.rules?.[s];
      if (v !== null && rule) forced.set(p, rule);
      if (!single || v === null) uncertain.add(p);
    });
    if (!single) multi.push(row);
  }
  if (uncertain.size === 0) return { values, forced, cells, outcomes, readings };
  const active = eqs.filter((e) => e.lhs.some((p) => uncertain.has(p)) || e.rhs.some((p) => uncertain.has(p)));
  const touched = rows.filter((r) => r.slots.some((p) => uncertain.has(p)));
  const cellDiffers = new Set<string>();
  const budget = { left: multi.some((r) => r.confirm) ? MAX_SEARCH_NODES_WITH_GAP : MAX_SEARCH_NODES };
  const solutions = enumerate(multi, values, active, budget, cellDiffers);
  if (solutions === null || solutions.length === 0) {
    for (const row of multi) row.slots.forEach((p, s) => values.set(p, row.confirm ? null : commonValue(row, s)));
    for (const row of touched) outcomes.set(row.key, solutions === null ? "gave-up" : "inconsistent");
    return { values, forced, cells, outcomes, readings };
  }
  const first = solutions[0]!;
  for (const row of touched) {
    let solved = true;
    const r = multi.indexOf(row);
    row.slots.forEach((p, s) => {
      if (!uncertain.has(p)) return;
      const v = first.values.get(p) ?? null;
      const agreed = v !== null && solutions.every((sol) => sol.values.get(p) === v);
      values.set(p, agreed ? v : null);
      if (!agreed) return void (solved = false);
      const cand = r >= 0 ? row.candidates[first.choice[r]!]! : null;
      const cell = cand?.cells[s];
      // Stated only when every solution read this slot from the same printed cell: a value the
      // solutions agree on but take from different cells (a 0 placed in one of several blanks) is inferred.
      const sameCell = r < 0 || !cellDiffers.has(`${r}:${s}`);
      const stated = sameCell && cand !== null && cand.values[s] !== null && !cand.rules?.[s];
      if (cell && (sameCell || !stated)) cells.set(p, cell);
      if (!sameCell) cells.delete(p);
      if (!stated) forced.set(p, first.forced.get(p) ?? cand?.rules?.[s] ?? "placement");
    });
    outcomes.set(row.key, solved ? "solved" : "ambiguous");
    if (!solved) {
      const distinct = [...new Set(solutions.map((sol) => row.slots.map((p) => sol.values.get(p) ?? "?").join(" ")))];
      readings.set(row.key, distinct.slice(0, 3));
    }
  }
  return { values, forced, cells, outcomes, readings };
}

function failing(values: Values, eqs: readonly Equation[]): Equation[] {
  return eqs.filter((e) => {
    let sum = 0;
    for (const p of e.lhs) {
      const v = values.get(p);
      if (v == null) return false;
      sum += v;
    }
    for (const p of e.rhs) {
      const v = values.get(p);
      if (v == null) return false;
      sum -= v;
    }
    return Math.abs(sum) > 1e-6;
  });
}

/** Lower is better: broken identities first, then cells left null. */
function score(result: RepairResult, eqs: readonly Equation[]): number {
  let nulls = 0;
  for (const v of result.values.values()) if (v === null) nulls++;
  return failing(result.values, eqs).length * 1000 + nulls;
}

/**
 * Repair, and when the result breaks an identity (or no reading fits at all) while some row was
 * read with its blanks in place, once more with those rows' fallback readings; the second result
 * is kept only if it breaks fewer identities or leaves fewer cells null.
 */
export function repairWithFallback(rows: RowReadings[], eqs: Equation[]): RepairResult {
  const first = repair(rows, eqs);
  const broken = failing(first.values, eqs);
  const stuck = [...first.outcomes.values()].some((o) => o === "inconsistent");
  if (broken.length === 0 && !stuck) return first;
  const touched = new Set(broken.flatMap((e) => [...e.lhs, ...e.rhs]));
  let changed = false;
  const retry = rows.map((r) => {
    if (!r.fallback || !(stuck || r.slots.some((p) => touched.has(p)))) return r;
    changed = true;
    return { ...r, candidates: r.fallback };
  });
  if (!changed) return first;
  const second = repair(retry, eqs);
  return score(second, eqs) < score(first, eqs) ? second : first;
}
