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

/**
 * Propagates until nothing changes. Returns false when an equation over known values fails or
 * forces a negative / fractional count. Only the given equations are used.
 */
export function propagate(values: Values, eqs: readonly Equation[], forced?: Forced): boolean {
  return propagateOver<string, Equation>(
    eqs,
    (eq) => eq.identity.id,
    (path) => values.get(path),
    (path, value, rule) => {
      values.set(path, value);
      forced?.set(path, rule);
    },
  );
}

/**
 * The one propagation loop behind `propagate` (paths in a map) and `propagateSlots` (indices in an array): until
 * nothing changes (at most 50 rounds), each equation with one unknown fixes it, one whose unknowns all stand on one side
 * and must add up to 0 fixes each to 0 (non-negativity), and one with none must hold. `set` gets the rule that fixed
 * the key. Returns false when an equation over known values fails or forces a negative / fractional count.
 */
function propagateOver<K, E extends { readonly lhs: readonly K[]; readonly rhs: readonly K[] }>(
  eqs: readonly E[],
  idOf: (eq: E) => string,
  get: (key: K) => number | null | undefined,
  set: (key: K, value: number, rule: string) => void,
): boolean {
  let changed = true;
  let rounds = 0;
  const unknownL: K[] = [];
  const unknownR: K[] = [];
  const side = (keys: readonly K[], unknown: K[]): number => {
    let sum = 0;
    for (const k of keys) {
      const v = get(k);
      if (v === null || v === undefined) unknown.push(k);
      else sum += v;
    }
    return sum;
  };
  while (changed && rounds++ < 50) {
    changed = false;
    for (const eq of eqs) {
      unknownL.length = 0;
      unknownR.length = 0;
      const l = side(eq.lhs, unknownL);
      const r = side(eq.rhs, unknownR);
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
        const rule = `${idOf(eq)}${ZERO_RULE_SUFFIX}`;
        for (const key of unknownL.length > 0 ? unknownL : unknownR) set(key, 0, rule);
        changed = true;
        continue;
      }
      const value = unknownL.length === 1 ? r - l : l - r;
      const rounded = Math.round(value);
      if (value < -EPS || Math.abs(value - rounded) > EPS) return false;
      set(unknownL.length === 1 ? unknownL[0]! : unknownR[0]!, rounded, idOf(eq));
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

/**
 * `propagate` over slot indices: the same rules in the same order, on `values` (null = unknown); `rules[i]` gets the
 * identity that fixed slot i.
 */
export function propagateSlots(values: Array<number | null>, eqs: readonly SlotEquation[], rules?: Array<string | null>): boolean {
  return propagateOver<number, SlotEquation>(
    eqs,
    (eq) => eq.id,
    (i) => values[i],
    (i, value, rule) => {
      values[i] = value;
      if (rules) rules[i] = rule;
    },
  );
}
