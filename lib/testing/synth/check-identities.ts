/**
 * The four accounting identities (勾稽关系) of docs/canonical-report.md, written independently of
 * the parser's own table so the tests check the parser against a second opinion.
 * Each identity is a list of value paths ("requests.granted[3]") on each side.
 */
import type { CanonicalReport } from "@/lib/report/types";
import { getRow, listRequestRows } from "./request-rows";

/** lhs paths sum to rhs paths. */
export type SynthIdentity = { id: string; lhs: string[]; rhs: string[] };

const CASE_GROUPS = ["review", "litigationDirect", "litigationAfterReview"] as const;
const COLUMNS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Every identity that applies to the rows the document prints. */
export function listIdentities(doc: CanonicalReport): SynthIdentity[] {
  const rows = listRequestRows(false).filter((r) => getRow(doc, r.path) !== null);
  const out: SynthIdentity[] = [];
  // 1. Every row: the six applicant columns add up to 总计.
  for (const row of rows) {
    out.push({ id: `row:${row.path}`, lhs: [0, 1, 2, 3, 4, 5].map((c) => `${row.path}[${c}]`), rhs: [`${row.path}[6]`] });
  }
  const outcomes = rows.filter((r) => r.isOutcome);
  for (const c of COLUMNS) {
    // 2. Every column: （七）总计 = sum of the outcome rows.
    out.push({ id: `outcomes:${c}`, lhs: outcomes.map((r) => `${r.path}[${c}]`), rhs: [`requests.totalProcessed[${c}]`] });
    // 3. Every column: 一 + 二 = 三（七） + 四.
    out.push({
      id: `balance:${c}`,
      lhs: [`requests.newReceived[${c}]`, `requests.carriedOver[${c}]`],
      rhs: [`requests.totalProcessed[${c}]`, `requests.carriedForward[${c}]`],
    });
  }
  // 4. Section 四: upheld + corrected + other + pending = total.
  for (const group of CASE_GROUPS) {
    if (!doc.reviewLitigation[group]) continue;
    const p = `reviewLitigation.${group}`;
    out.push({ id: `cases:${group}`, lhs: ["upheld", "corrected", "other", "pending"].map((k) => `${p}.${k}`), rhs: [`${p}.total`] });
  }
  return out;
}

/** The value at a path like "requests.granted[3]" or "reviewLitigation.review.total" (undefined if absent). */
export function readValue(doc: CanonicalReport, path: string): number | null | undefined {
  const m = /^(.*)\[(\d)\]$/.exec(path);
  if (m) {
    const row = getRow(doc, m[1] ?? "");
    return row ? row[Number(m[2])] : undefined;
  }
  let node: unknown = doc;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "number" || node === null ? node : undefined;
}

/** One identity whose every term is a number and whose sides differ. */
export type IdentityFailure = { id: string; lhs: number; rhs: number };

/** Identities that fail over the numbers present (an identity with a null term is skipped). */
export function findIdentityFailures(doc: CanonicalReport): IdentityFailure[] {
  const failures: IdentityFailure[] = [];
  for (const identity of listIdentities(doc)) {
    const lhs = identity.lhs.map((p) => readValue(doc, p));
    const rhs = identity.rhs.map((p) => readValue(doc, p));
    if ([...lhs, ...rhs].some((v) => typeof v !== "number")) continue;
    const sum = (xs: (number | null | undefined)[]): number => xs.reduce<number>((a, b) => a + (b as number), 0);
    if (sum(lhs) !== sum(rhs)) failures.push({ id: identity.id, lhs: sum(lhs), rhs: sum(rhs) });
  }
  return failures;
}

/** Every table value path of a document ("requests.granted[3]", "legacy2019.fees.change", …), for property tests. */
export function valuePaths(doc: CanonicalReport): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((_, i) => out.push(`${path}[${i}]`));
    else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
    else out.push(path);
  };
  for (const key of ["active", "legacy2019", "requests", "reviewLitigation"] as const) if (doc[key]) walk(doc[key], key);
  return out;
}
