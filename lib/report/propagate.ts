/**
 * Constraint propagation over equations: an equation with exactly one unknown fixes it; one with
 * none must hold. Values are counts: a forced value must be a non-negative integer, so unknowns on
 * one side whose known parts already balance are all 0, and a known part larger than its total fails.
 */
import type { Equation } from "./identities";

/** Values by path; null = unknown. */
export type Values = Map<string, number | null>;

/** Which equation fixed which path. */
export type Forced = Map<string, string>;

const EPS = 1e-6;

/** Appended to an identity id when non-negativity forced the value to 0 ("row-total/non-negative"). */
export const ZERO_RULE_SUFFIX = "/non-negative";

/** Sum of known terms and the unknown paths of one side. */
function side(values: Values, paths: string[], unknown: string[]): number {
  let sum = 0;
  for (const p of paths) {
    const v = values.get(p);
    if (v === null || v === undefined) unknown.push(p);
    else sum += v;
  }
  return sum;
}

/**
 * Propagates until nothing changes. Returns false when an equation over known values fails or
 * forces a negative / fractional count. Only the given equations are used.
 */
export function propagate(values: Values, eqs: readonly Equation[], forced?: Forced): boolean {
  let changed = true;
  let rounds = 0;
  while (changed && rounds++ < 50) {
    changed = false;
    for (const eq of eqs) {
      const unknownL: string[] = [];
      const unknownR: string[] = [];
      const l = side(values, eq.lhs, unknownL);
      const r = side(values, eq.rhs, unknownR);
      const count = unknownL.length + unknownR.length;
      if (count === 0) {
        if (Math.abs(l - r) > EPS) return false;
        continue;
      }
      if (count > 1) {
        // Non-negativity (class 3, blank cells): unknowns all on one side that must add up to 0 are
        // each 0 ("总计 28 = 28 + blanks" forces every blank to 0); a negative remainder is impossible.
        const rest = unknownL.length > 0 && unknownR.length === 0 ? r - l : unknownR.length > 0 && unknownL.length === 0 ? l - r : null;
        if (rest === null) continue;
        if (rest < -EPS) return false;
        if (rest > EPS) continue;
        for (const path of unknownL.length > 0 ? unknownL : unknownR) {
          values.set(path, 0);
          forced?.set(path, `${eq.identity.id}${ZERO_RULE_SUFFIX}`);
        }
        changed = true;
        continue;
      }
      const value = unknownL.length === 1 ? r - l : l - r;
      const rounded = Math.round(value);
      if (value < -EPS || Math.abs(value - rounded) > EPS) return false;
      const path = unknownL[0] ?? unknownR[0]!;
      values.set(path, rounded);
      forced?.set(path, eq.identity.id);
      changed = true;
    }
  }
  return true;
}

/** An equation over slot indices (see `toSlotEquations`). */
export type SlotEquation = { id: string; lhs: number[]; rhs: number[] };

/**
 * The equations over the indices of `slots` (a path they name that is no slot gets an index after the slots), so one
 * row's readings are checked on an array instead of a map per reading. `width` is the array length they need.
 */
export function toSlotEquations(slots: readonly string[], eqs: readonly Equation[]): { width: number; eqs: SlotEquation[] } {
  const index = new Map<string, number>();
  slots.forEach((p, i) => index.set(p, i));
  const at = (p: string): number => {
    let i = index.get(p);
    if (i === undefined) index.set(p, (i = index.size));
    return i;
  };
  const out = eqs.map((e) => ({ id: e.identity.id, lhs: e.lhs.map(at), rhs: e.rhs.map(at) }));
  return { width: index.size, eqs: out };
}

function sideAt(values: ReadonlyArray<number | null>, paths: readonly number[], unknown: number[]): number {
  let sum = 0;
  for (const p of paths) {
    const v = values[p];
    if (v === null || v === undefined) unknown.push(p);
    else sum += v;
  }
  return sum;
}

/**
 * `propagate` over slot indices: the same rules in the same order, on `values` (null = unknown); `rules[i]` gets the
 * identity that fixed slot i.
 */
export function propagateSlots(values: Array<number | null>, eqs: readonly SlotEquation[], rules?: Array<string | null>): boolean {
  let changed = true;
  let rounds = 0;
  const unknownL: number[] = [];
  const unknownR: number[] = [];
  while (changed && rounds++ < 50) {
    changed = false;
    for (const eq of eqs) {
      unknownL.length = 0;
      unknownR.length = 0;
      const l = sideAt(values, eq.lhs, unknownL);
      const r = sideAt(values, eq.rhs, unknownR);
      const count = unknownL.length + unknownR.length;
      if (count === 0) {
        if (Math.abs(l - r) > EPS) return false;
        continue;
      }
      if (count > 1) {
        const rest = unknownL.length > 0 && unknownR.length === 0 ? r - l : unknownR.length > 0 && unknownL.length === 0 ? l - r : null;
        if (rest === null) continue;
        if (rest < -EPS) return false;
        if (rest > EPS) continue;
        for (const path of unknownL.length > 0 ? unknownL : unknownR) {
          values[path] = 0;
          if (rules) rules[path] = `${eq.id}${ZERO_RULE_SUFFIX}`;
        }
        changed = true;
        continue;
      }
      const value = unknownL.length === 1 ? r - l : l - r;
      const rounded = Math.round(value);
      if (value < -EPS || Math.abs(value - rounded) > EPS) return false;
      const path = unknownL[0] ?? unknownR[0]!;
      values[path] = rounded;
      if (rules) rules[path] = eq.id;
      changed = true;
    }
  }
  return true;
}
