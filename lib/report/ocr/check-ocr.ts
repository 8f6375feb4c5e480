/**
 * The identities check OCR values (识别结果核验). Every number read from a scan is a reading, not a fact:
 *  - a typical misread (8↔3↔6, 1↔7, 0↔8, a dropped or doubled digit, 〇/O for 0) gives candidate readings;
 *  - where identities fail, the one set of candidate readings (fewest changes) that makes every identity
 *    touching the changed cells hold is taken, as "inferred" with the identities that forced it; two or more
 *    such readings → nothing is changed and the doubtful cells become null with a finding;
 *  - a low-confidence number that no identity confirms is null with a finding; never guessed;
 *  - an identity that still fails nulls every OCR number in it (a misread, a shifted row or the report's own error:
 *    a scan cannot tell them apart), with a finding.
 */
import { expandEquations, type Equation } from "../identities";
import { REQUEST_ROWS, REVIEW_GROUPS } from "../template";
import type { CanonicalReport, Finding, Provenance } from "../types";
import { validateIdentities } from "../validate-identities";

/** Below this word confidence a number needs an identity to confirm it. */
export const LOW_CONFIDENCE = 75;
/** At or above this, a number is trusted as read (kept for callers; corrections need LOW_CONFIDENCE or a disagreement). */
export const TRUSTED_CONFIDENCE = 93;
/** Bound on the correction search (pairs of cells × their candidates). */
const MAX_PAIR_CHECKS = 200_000;

/** Misread pairs of Tesseract on printed digits, both directions. */
const CONFUSABLE: Record<string, string[]> = {
  "0": ["8"],
  "1": ["7"],
  "3": ["8", "6"],
  "6": ["8", "3"],
  "7": ["1"],
  "8": ["3", "6", "0"],
};

/** Other readings of a printed integer: one confusable digit swapped, one digit dropped (doubled) or added (dropped by OCR). */
export function misreadCandidates(raw: string): number[] {
  const digits = raw.replace(/[^0-9]/g, "");
  if (digits === "" || digits.length > 9 || /[.．]/.test(raw)) return [];
  const out = new Set<string>();
  for (let i = 0; i < digits.length; i++) {
    for (const alt of CONFUSABLE[digits[i]!] ?? []) out.add(digits.slice(0, i) + alt + digits.slice(i + 1));
    // a doubled digit: "110" read for "10"
    if (i > 0 && digits[i] === digits[i - 1]) out.add(digits.slice(0, i) + digits.slice(i + 1));
  }
  // a dropped digit: any digit inserted anywhere
  for (let i = 0; i <= digits.length; i++) {
    for (let d = 0; d <= 9; d++) out.add(digits.slice(0, i) + String(d) + digits.slice(i));
  }
  out.delete(digits);
  return [...out].filter((s) => s === "0" || !s.startsWith("0")).map(Number);
}

type Path = string;
type Values = Map<Path, number | null>;

const PATH_PART = /([^.[\]]+)|\[(\d+)\]/g;

function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(PATH_PART)) parts.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return parts;
}

export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const k of splitPath(path)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

export function setPath(doc: unknown, path: string, value: number | null): void {
  const parts = splitPath(path);
  let cur = doc as Record<string | number, unknown>;
  for (const k of parts.slice(0, -1)) {
    const next = cur[k];
    if (next === null || typeof next !== "object") return;
    cur = next as Record<string | number, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** The identity equations of this document's shape. */
export function documentEquations(doc: CanonicalReport): Equation[] {
  const rows = REQUEST_ROWS.map((r) => r.path).filter((p) => Array.isArray(getPath(doc.requests, p)));
  const groups = REVIEW_GROUPS.filter((g) => doc.reviewLitigation[g] !== null);
  return expandEquations(rows, groups);
}

function holds(eq: Equation, values: Values): boolean | null {
  let sum = 0;
  for (const p of eq.lhs) {
    const v = values.get(p);
    if (v == null) return null;
    sum += v;
  }
  for (const p of eq.rhs) {
    const v = values.get(p);
    if (v == null) return null;
    sum -= v;
  }
  return Math.abs(sum) < 1e-6;
}

/** What the check did, for the note and the tests. */
export type OcrCorrection = { path: string; read: number; value: number; rules: string[] };

export type OcrCheckResult = {
  document: CanonicalReport;
  provenance: Provenance;
  findings: Finding[];
  corrections: OcrCorrection[];
  nulled: string[];
};

/**
 * Runs the check over a parsed OCR document. `confidence` gives each stated value's word confidence
 * (path → 0–100); values without one (inferred by the parser, metadata) are left alone.
 */
export function checkOcrValues(
  input: { document: CanonicalReport; provenance: Provenance; findings: Finding[] },
  confidence: Map<string, number>,
  /** second readings of a value that disagreed with the first: candidates too */
  alternatives: Map<string, number[]> = new Map(),
): OcrCheckResult {
  const document = structuredClone(input.document);
  const provenance: Provenance = structuredClone(input.provenance);
  const eqs = documentEquations(document);
  const values: Values = new Map();
  for (const path of Object.keys(provenance)) {
    const v = getPath(document, path);
    if (typeof v === "number" || v === null) values.set(path, v as number | null);
  }
  const eqsOf = new Map<string, Equation[]>();
  for (const eq of eqs) for (const p of [...eq.lhs, ...eq.rhs]) eqsOf.set(p, [...(eqsOf.get(p) ?? []), eq]);
  const failing = () => eqs.filter((e) => holds(e, values) === false);
  const corrections: OcrCorrection[] = [];
  const nulled = new Set<string>();
  const findings: Finding[] = [];
  const conf = (p: string) => confidence.get(p) ?? 100;
  // only a doubtful reading (low confidence, or two readings that disagree) may be corrected: a confident misread
  // that an identity "fixes" by inserting a digit was seen to produce a wrong number where the report itself is wrong
  const suspect = (p: string) => provenance[p]?.status === "stated" && confidence.has(p) && conf(p) < LOW_CONFIDENCE;

  // 1. corrections where identities fail
  const broken = failing();
  if (broken.length > 0) {
    const cells = [...new Set(broken.flatMap((e) => [...e.lhs, ...e.rhs]))].filter(suspect);
    const alts = new Map(
      cells.map((p) => [
        p,
        [...new Set([...(alternatives.get(p) ?? []), ...misreadCandidates(provenance[p]?.raw ?? String(values.get(p)))])],
      ]),
    );
    const brokenSet = new Set(broken);
    /** a change set is a solution when every equation it touches holds and it repairs at least one broken equation */
    const solves = (changed: string[]): boolean => {
      const touched = new Set(changed.flatMap((p) => eqsOf.get(p) ?? []));
      let repaired = false;
      for (const eq of touched) {
        if (holds(eq, values) !== true) return false;
        if (brokenSet.has(eq)) repaired = true;
      }
      return repaired;
    };
    type Solution = { changes: [string, number][] };
    const solutions: Solution[] = [];
    for (const p of cells) {
      const read = values.get(p)!;
      for (const a of alts.get(p)!) {
        values.set(p, a);
        if (solves([p])) solutions.push({ changes: [[p, a]] });
      }
      values.set(p, read);
    }
    if (solutions.length === 0) {
      let checks = 0;
      outer: for (let i = 0; i < cells.length; i++) {
        for (let j = i + 1; j < cells.length; j++) {
          const p = cells[i]!;
          const q = cells[j]!;
          // only pairs that share a broken equation can repair it together
          if (!(eqsOf.get(p) ?? []).some((e) => brokenSet.has(e) && (eqsOf.get(q) ?? []).includes(e))) continue;
          const rp = values.get(p)!;
          const rq = values.get(q)!;
          for (const a of alts.get(p)!) {
            values.set(p, a);
            for (const b of alts.get(q)!) {
              if (++checks > MAX_PAIR_CHECKS) break outer;
              values.set(q, b);
              if (solves([p, q]))
                solutions.push({
                  changes: [
                    [p, a],
                    [q, b],
                  ],
                });
            }
            values.set(q, rq);
          }
          values.set(p, rp);
        }
      }
    }
    // group solutions by the broken equations they repair: each group must have exactly one solution
    const byTarget = new Map<string, Solution[]>();
    for (const s of solutions) {
      const key = [...new Set(s.changes.flatMap(([p]) => (eqsOf.get(p) ?? []).filter((e) => brokenSet.has(e))))]
        .map((e) => eqs.indexOf(e))
        .sort((a, b) => a - b)
        .join(",");
      byTarget.set(key, [...(byTarget.get(key) ?? []), s]);
    }
    const changedAlready = new Set<string>();
    for (const [, group] of byTarget) {
      if (group.length !== 1) continue;
      const s = group[0]!;
      if (s.changes.some(([p]) => changedAlready.has(p))) continue;
      // still a unique solution once applied together with the others
      const before = s.changes.map(([p]) => [p, values.get(p)!] as const);
      for (const [p, v] of s.changes) values.set(p, v);
      if (!solves(s.changes.map(([p]) => p))) {
        for (const [p, v] of before) values.set(p, v);
        continue;
      }
      for (const [p, v] of s.changes) {
        changedAlready.add(p);
        const rules = [...new Set((eqsOf.get(p) ?? []).filter((e) => brokenSet.has(e)).map((e) => e.identity.id))];
        const read = before.find(([q]) => q === p)![1];
        corrections.push({ path: p, read, value: v, rules });
        const entry = provenance[p]!;
        provenance[p] = { ...entry, status: "inferred", rule: rules.join("+") };
        setPath(document, p, v);
        findings.push({
          code: "ocr-corrected",
          severity: "info",
          message: `识别值 ${read} 不满足勾稽关系，按唯一满足全部勾稽关系的读法更正为 ${v}（${rules.join("、")}）`,
          rule: rules.join("+"),
          ...locOf(entry),
        });
      }
    }
  }

  // 2. low-confidence numbers that no identity confirms → null
  for (const [p, c] of confidence) {
    if (c >= LOW_CONFIDENCE || provenance[p]?.status !== "stated") continue;
    const v = values.get(p);
    if (v === null || v === undefined) continue;
    const confirmed = (eqsOf.get(p) ?? []).some(
      (eq) =>
        holds(eq, values) === true &&
        [...eq.lhs, ...eq.rhs].every((q) => q === p || conf(q) >= LOW_CONFIDENCE || provenance[q]?.status !== "stated"),
    );
    if (confirmed) continue;
    nulled.add(p);
  }
  // 3. identities that still fail: on a scan this is as likely a misread or a misplaced cell (a number lost from a
  // row shifts the rest) as a report that contradicts itself, so none of the OCR numbers in it is kept
  const stillFailing = failing();
  for (const eq of stillFailing) {
    for (const p of [...eq.lhs, ...eq.rhs]) if (provenance[p]?.source === "ocr" && provenance[p]?.status !== "missing") nulled.add(p);
  }
  for (const eq of stillFailing) {
    const sum = (ps: string[]) => ps.reduce((n, p) => n + (values.get(p) ?? 0), 0);
    findings.push({
      code: "ocr-identity-failed",
      severity: "warning",
      message: `表${eq.identity.table}识别出的数字不满足勾稽关系（${eq.identity.label}：${sum(eq.rhs)} 与 ${sum(eq.lhs)}），可能是识别或错位，也可能是报告本身有误；这些数字按缺失处理，请以原件为准`,
      table: eq.identity.table,
      ...(eq.row !== null ? { row: eq.row } : {}),
      ...(eq.column !== null ? { column: eq.column } : {}),
      rule: eq.identity.id,
    });
  }
  for (const p of nulled) {
    const entry = provenance[p]!;
    const read = values.get(p);
    values.set(p, null);
    setPath(document, p, null);
    provenance[p] = { ...entry, status: "missing" };
    findings.push({
      code: "ocr-unconfirmed",
      severity: "warning",
      message: `识别值 ${read} 置信度低（${Math.round(conf(p))}%），且没有勾稽关系能够确认，按缺失处理`,
      row: p,
      ...locOf(entry),
    });
  }
  const kept = input.findings.filter((f) => f.code !== "identity-failed");
  return { document, provenance, findings: [...kept, ...validateIdentities(values, eqs), ...findings], corrections, nulled: [...nulled] };
}

function locOf(entry: Provenance[string]): Pick<Finding, "loc"> {
  return entry.loc ? { loc: entry.loc } : {};
}
