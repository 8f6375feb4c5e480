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
};

/** Upper bound on combinations of row readings tried. */
export const MAX_COMBINATIONS = 2000;

type Solution = { values: Values; forced: Forced; choice: number[] };

function enumerate(multi: RowReadings[], base: Values, eqs: Equation[], budget: { left: number }): Solution[] | null {
  const solutions: Solution[] = [];
  const choice: number[] = new Array<number>(multi.length).fill(0);
  const walk = (i: number): boolean => {
    if (budget.left-- <= 0) return false;
    if (i === multi.length) {
      const values: Values = new Map(base);
      multi.forEach((row, r) => row.slots.forEach((p, s) => values.set(p, row.candidates[choice[r]!]!.values[s] ?? null)));
      const forced: Forced = new Map();
      if (propagate(values, eqs, forced)) solutions.push({ values, forced, choice: choice.slice() });
      return true;
    }
    for (let c = 0; c < multi[i]!.candidates.length; c++) {
      choice[i] = c;
      if (!walk(i + 1)) return false;
    }
    return true;
  };
  return walk(0) ? solutions : null;
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
  const uncertain = new Set<string>();
  const multi: RowReadings[] = [];
  for (const row of rows) {
    const single = row.candidates.length === 1 ? row.candidates[0]! : null;
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
  if (uncertain.size === 0) return { values, forced, cells, outcomes };
  const active = eqs.filter((e) => e.lhs.some((p) => uncertain.has(p)) || e.rhs.some((p) => uncertain.has(p)));
  const touched = rows.filter((r) => r.slots.some((p) => uncertain.has(p)));
  const combinations = multi.reduce((n, row) => n * row.candidates.length, 1);
  const solutions = combinations > MAX_COMBINATIONS ? null : enumerate(multi, values, active, { left: MAX_COMBINATIONS * 2 });
  if (solutions === null || solutions.length === 0) {
    for (const row of multi) row.slots.forEach((p, s) => values.set(p, commonValue(row, s)));
    for (const row of touched) outcomes.set(row.key, solutions === null ? "gave-up" : "inconsistent");
    return { values, forced, cells, outcomes };
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
      if (cell) cells.set(p, cell);
      const stated = cand !== null && cand.values[s] !== null && !cand.rules?.[s];
      if (!stated) forced.set(p, first.forced.get(p) ?? cand?.rules?.[s] ?? "placement");
    });
    outcomes.set(row.key, solved ? "solved" : "ambiguous");
  }
  return { values, forced, cells, outcomes };
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
