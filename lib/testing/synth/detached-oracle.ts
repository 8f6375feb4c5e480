/**
 * Brute-force oracle for labels detached from their numbers (class 2 of issue 10), written independently of the parser:
 * which values of section 三 does a print with detached labels still determine?
 *
 * Rows of numbers printed beside their own label are fixed to their row. The others keep the template's order: each run
 * of them between two labelled rows fills, in order, some of the template rows between those two (every choice of rows
 * is tried: a label printed in a block apart does not say which row of numbers is its own). A row printed with fewer than
 * 7 numbers (a dropped cell) or a blank at its edge could have its gap anywhere; a blank inside stands in place. For every
 * combination, unknowns are solved by identities with one unknown term, and the combination is kept if no identity over
 * known values fails. A value is forced when it is known in every kept combination and they all agree on it.
 * Above `maxCombinations` nothing is claimed forced (only soundness is checked).
 */
import type { CanonicalReport } from "@/lib/report/types";
import { listIdentities, readValue } from "./check-identities";
import type { PrintedRow } from "./render-detached";
import { listRequestRows } from "./request-rows";

const parseCount = (text: string): number | null => {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/,/g, "");
  return /^\d+$/.test(t) ? Number(t) : null;
};

/** The possible 7-value readings of one printed row (NaN = unknown). */
function readings(row: PrintedRow): number[][] {
  const nums = row.texts.map(parseCount);
  if (nums.length === 7) {
    const edge = nums[0] === null || nums[6] === null;
    if (!edge) return [nums.map((v) => (v === null ? NaN : v))];
  }
  const present = nums.filter((v): v is number => v !== null);
  const gaps = 7 - present.length;
  if (gaps !== 1) return gaps === 0 ? [present] : [];
  return [0, 1, 2, 3, 4, 5, 6].map((g) => {
    const out: number[] = [];
    let k = 0;
    for (let i = 0; i < 7; i++) out.push(i === g ? NaN : present[k++]!);
    return out;
  });
}

const rowOf = (row: PrintedRow): string => row.paths[0]!.replace(/\[\d\]$/, "");

/** The value paths of section 三 the print determines (see the module comment). */
export function forcedByDetached(doc: CanonicalReport, printed: PrintedRow[], maxCombinations = 20_000): Set<string> {
  const singleOther = doc.requests.otherHandling.noCorrection === null;
  const order = listRequestRows(singleOther).map((r) => r.path);
  // with no label of （六）其他处理's rows printed, the print does not say whether it has one row or three: claim nothing
  const printedLabel = (row: string): boolean => printed.some((p) => rowOf(p) === row && p.labelPrinted);
  if (
    singleOther
      ? !printedLabel("requests.otherHandling.other")
      : !printedLabel("requests.otherHandling.noCorrection") && !printedLabel("requests.otherHandling.unpaidFee")
  )
    return new Set();
  const identities = listIdentities(doc);
  // segments: unlabelled rows between two labelled ones, with the template rows they may fill
  type Segment = { units: PrintedRow[]; rows: string[] };
  const segments: Segment[] = [];
  const fixed: PrintedRow[] = [];
  let prev = -1;
  let pending: PrintedRow[] = [];
  const anchored = new Set(printed.filter((p) => p.labelled).map(rowOf));
  const close = (next: number): boolean => {
    if (pending.length > 0) {
      const rows = order.slice(prev + 1, next).filter((r) => !anchored.has(r));
      if (rows.length < pending.length) return false;
      segments.push({ units: pending, rows });
    }
    pending = [];
    return true;
  };
  for (const p of printed) {
    if (!p.labelled) {
      pending.push(p);
      continue;
    }
    const at = order.indexOf(rowOf(p));
    if (!close(at)) return new Set();
    fixed.push(p);
    prev = at;
  }
  if (!close(order.length)) return new Set();
  // every option of a segment: rows chosen (in order) × each unit's reading
  const options: Array<Array<Map<string, number>>> = segments.map((seg) => {
    const out: Array<Map<string, number>> = [];
    const unitReadings = seg.units.map(readings);
    const rec = (u: number, from: number, acc: Map<string, number>): void => {
      if (out.length > maxCombinations) return;
      if (u === seg.units.length) return void out.push(new Map(acc));
      for (let r = from; r <= seg.rows.length - (seg.units.length - u); r++) {
        for (const reading of unitReadings[u]!) {
          reading.forEach((v, c) => acc.set(`${seg.rows[r]}[${c}]`, v));
          rec(u + 1, r + 1, acc);
          for (let c = 0; c < 7; c++) acc.delete(`${seg.rows[r]}[${c}]`);
        }
      }
    };
    rec(0, 0, new Map());
    return out;
  });
  const fixedReadings = fixed.map(readings);
  if (fixedReadings.some((r) => r.length === 0) || options.some((o) => o.length === 0)) return new Set();
  const dims = [...fixedReadings.map((r) => r.length), ...options.map((o) => o.length)];
  const total = dims.reduce((a, b) => a * b, 1);
  if (total > maxCombinations) return new Set();
  const section3 = order.flatMap((r) => [0, 1, 2, 3, 4, 5, 6].map((c) => `${r}[${c}]`));
  let agreed: Map<string, number> | null = null;
  const disagree = new Set<string>();
  for (let combo = 0; combo < total; combo++) {
    const values = new Map<string, number>();
    let rest = combo;
    fixed.forEach((p, i) => {
      const opts = fixedReadings[i]!;
      const o = opts[rest % opts.length]!;
      rest = Math.floor(rest / opts.length);
      o.forEach((v, c) => values.set(`${rowOf(p)}[${c}]`, v));
    });
    options.forEach((opts) => {
      const o = opts[rest % opts.length]!;
      rest = Math.floor(rest / opts.length);
      for (const [k, v] of o) values.set(k, v);
    });
    const value = (p: string): number => (values.has(p) ? values.get(p)! : p.startsWith("requests.") ? NaN : (readValue(doc, p) ?? NaN));
    // solve identities with one unknown term until nothing changes
    let changed = true;
    let ok = true;
    while (changed && ok) {
      changed = false;
      for (const id of identities) {
        const terms = [...id.lhs.map((p) => [p, 1] as const), ...id.rhs.map((p) => [p, -1] as const)];
        const unknown = terms.filter(([p]) => Number.isNaN(value(p)));
        if (unknown.length !== 1) continue;
        const [p, sign] = unknown[0]!;
        const rest = terms.reduce((s, [q, g]) => (q === p ? s : s + g * value(q)), 0);
        const solved = -rest * sign;
        if (solved < 0 || !Number.isInteger(solved)) {
          ok = false;
          break;
        }
        values.set(p, solved);
        changed = true;
      }
    }
    if (!ok) continue;
    // an identity over known values that fails rules the combination out; one with unknowns left says nothing
    const sum = (ps: string[]): number => ps.reduce((s, p) => s + value(p), 0);
    if (identities.some((id) => !Number.isNaN(sum(id.lhs) - sum(id.rhs)) && sum(id.lhs) !== sum(id.rhs))) continue;
    const mine = new Map(section3.map((p) => [p, value(p)]));
    for (const [p, v] of mine) if (Number.isNaN(v)) disagree.add(p);
    if (agreed === null) agreed = mine;
    else for (const [p, v] of mine) if (agreed.get(p) !== v) disagree.add(p);
  }
  if (agreed === null) return new Set();
  return new Set([...agreed.keys()].filter((p) => !disagree.has(p)));
}
