/**
 * The generator's own small oracle: do the accounting identities force the values a corruption
 * lost back to exactly one assignment?
 *
 * Method (deliberately simple, brute force): every lossy edit contributes its possible gap
 * placements (one when the gap's position is known, one per position of the row when it is
 * not). For every combination of placements, the row's remaining numbers are laid around the
 * gap, the unknowns are solved by repeatedly applying any identity with exactly one unknown
 * term (unknowns must come out as non-negative integers), and the result is kept if every
 * identity then holds. The loss is "forced" when all combinations that survive agree on one
 * assignment and none is left underdetermined. This can miss forcing that needs solving
 * several identities jointly; such cases are only checked for soundness, never for exactness.
 */
import type { CanonicalReport } from "../types";
import { listIdentities, readValue, type SynthIdentity } from "./check-identities";
import type { LossyEdit } from "./corrupt-tables";

type Values = Map<string, number | null>;

/** Solves single-unknown identities until nothing changes; false if a solution is impossible. */
function propagate(values: Values, identities: SynthIdentity[]): boolean {
  let changed = true;
  while (changed) {
    changed = false;
    for (const { lhs, rhs } of identities) {
      const terms = [...lhs.map((p) => ({ p, sign: 1 })), ...rhs.map((p) => ({ p, sign: -1 }))];
      const unknown = terms.filter((t) => values.get(t.p) === null);
      if (unknown.length !== 1) continue;
      const [u] = unknown as [{ p: string; sign: number }];
      const rest = terms.reduce((sum, t) => (t === u ? sum : sum + t.sign * (values.get(t.p) ?? 0)), 0);
      const solved = -rest * u.sign;
      if (solved < 0 || !Number.isInteger(solved)) return false;
      values.set(u.p, solved);
      changed = true;
    }
  }
  return true;
}

function allHold(values: Values, identities: SynthIdentity[]): boolean {
  const sum = (ps: string[]) => ps.reduce((s, p) => s + (values.get(p) ?? NaN), 0);
  return identities.every(({ lhs, rhs }) => sum(lhs) === sum(rhs));
}

function placements(edit: LossyEdit): number[] {
  return edit.positionKnown ? [edit.index] : edit.rowPaths.map((_, i) => i);
}

/** Lays the row's surviving numbers around a gap at `gap` (the gap itself unknown). */
function applyPlacement(values: Values, original: Values, edit: LossyEdit, gap: number): void {
  const surviving = edit.rowPaths.filter((_, i) => i !== edit.index).map((p) => original.get(p) ?? null);
  let k = 0;
  edit.rowPaths.forEach((p, i) => values.set(p, i === gap ? null : (surviving[k++] ?? null)));
}

/** True when the identities force every lost value back to one assignment (see the module comment). */
export function isForcedRecovery(doc: CanonicalReport, edits: LossyEdit[], maxCombinations = 5000): boolean {
  if (edits.length === 0) return true;
  const identities = listIdentities(doc);
  const original: Values = new Map();
  for (const id of identities) for (const p of [...id.lhs, ...id.rhs]) original.set(p, readValue(doc, p) ?? null);
  const options = edits.map(placements);
  const total = options.reduce((n, o) => n * o.length, 1);
  if (total > maxCombinations) return false;
  const outcomes = new Set<string>();
  for (let combo = 0; combo < total; combo++) {
    const values: Values = new Map(original);
    let rest = combo;
    edits.forEach((edit, e) => {
      const opts = options[e] ?? [];
      applyPlacement(values, original, edit, opts[rest % opts.length] ?? 0);
      rest = Math.floor(rest / opts.length);
    });
    if (!propagate(values, identities)) continue;
    if ([...values.values()].some((v) => v === null)) return false;
    if (!allHold(values, identities)) continue;
    outcomes.add(JSON.stringify(edits.flatMap((e) => e.rowPaths.map((p) => values.get(p)))));
  }
  return outcomes.size === 1;
}
