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
import type { CanonicalReport } from "@/lib/report/types";
import { listIdentities, readValue, type SynthIdentity } from "./check-identities";
import type { LossyEdit } from "./corrupt-tables";

/** Identities compiled to indexes into a values array (NaN = unknown). */
type Compiled = { terms: Int32Array; signs: Int8Array }[];

function compile(identities: SynthIdentity[], index: Map<string, number>): Compiled {
  return identities.map(({ lhs, rhs }) => ({
    terms: Int32Array.from([...lhs, ...rhs].map((p) => index.get(p) ?? -1)),
    signs: Int8Array.from([...lhs.map(() => 1), ...rhs.map(() => -1)]),
  }));
}

/** Solves single-unknown identities until nothing changes; false if a solution is impossible. */
function propagate(values: Float64Array, identities: Compiled): boolean {
  let changed = true;
  while (changed) {
    changed = false;
    for (const { terms, signs } of identities) {
      let unknown = -1;
      let unknowns = 0;
      let rest = 0;
      for (let t = 0; t < terms.length; t++) {
        const v = values[terms[t]!]!;
        if (Number.isNaN(v)) {
          unknowns++;
          unknown = t;
        } else rest += signs[t]! * v;
      }
      if (unknowns !== 1) continue;
      const solved = -rest * signs[unknown]!;
      if (solved < 0 || !Number.isInteger(solved)) return false;
      values[terms[unknown]!] = solved;
      changed = true;
    }
  }
  return true;
}

function allHold(values: Float64Array, identities: Compiled): boolean {
  return identities.every(({ terms, signs }) => terms.reduce((s, t, k) => s + signs[k]! * values[t]!, 0) === 0);
}

function placements(edit: LossyEdit): number[] {
  return edit.positionKnown ? [edit.index] : edit.rowPaths.map((_, i) => i);
}

/** Lays the row's surviving numbers around a gap at `gap` (the gap itself unknown). */
function applyPlacement(values: Float64Array, original: Float64Array, rowIdx: number[], lost: number, gap: number): void {
  // a blank in its own place: only that cell is unknown (so several blanks of one row compose)
  if (gap === lost) {
    values[rowIdx[lost]!] = NaN;
    return;
  }
  const surviving = rowIdx.filter((_, i) => i !== lost).map((k) => original[k]!);
  let s = 0;
  rowIdx.forEach((k, i) => {
    values[k] = i === gap ? NaN : surviving[s++]!;
  });
}

/** True when the identities force every lost value back to one assignment (see the module comment). */
export function isForcedRecovery(doc: CanonicalReport, edits: LossyEdit[], maxCombinations = 5000): boolean {
  if (edits.length === 0) return true;
  // two whole rows whose labels cannot tell them apart; a whole row printed as an unreadable digit run
  // a number wrapped inside its cell: its head and tail may be read as two cells, so only soundness is checked
  if (
    edits.some((e) => e.kind === "crossed" || e.kind === "overlong" || e.kind === "transposed" || e.kind === "split" || e.kind === "stray")
  )
    return false;
  const identities = listIdentities(doc);
  const index = new Map<string, number>();
  for (const id of identities) for (const p of [...id.lhs, ...id.rhs]) if (!index.has(p)) index.set(p, index.size);
  const original = new Float64Array(index.size);
  for (const [p, k] of index) original[k] = readValue(doc, p) ?? NaN;
  const compiled = compile(identities, index);
  const rows = edits.map((e) => e.rowPaths.map((p) => index.get(p) ?? -1));
  const options = edits.map(placements);
  const total = options.reduce((n, o) => n * o.length, 1);
  if (total > maxCombinations) return false;
  let outcome: string | null = null;
  for (let combo = 0; combo < total; combo++) {
    const values = original.slice();
    let rest = combo;
    edits.forEach((edit, e) => {
      const opts = options[e] ?? [];
      applyPlacement(values, original, rows[e] ?? [], edit.index, opts[rest % opts.length] ?? 0);
      rest = Math.floor(rest / opts.length);
    });
    if (!propagate(values, compiled)) continue;
    if (values.some((v) => Number.isNaN(v))) return false;
    if (!allHold(values, compiled)) continue;
    const key = rows
      .flat()
      .map((k) => values[k])
      .join(",");
    if (outcome !== null && outcome !== key) return false;
    outcome = key;
  }
  return outcome !== null;
}
