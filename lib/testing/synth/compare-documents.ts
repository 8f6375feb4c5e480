/**
 * Compares a parsed document with the generated one, value by value, for the property and fuzz
 * tests: exact differences, and the soundness rule (a parsed number is never wrong; a number
 * the parser could not recover is null and comes with a finding).
 */
import { isDeepStrictEqual } from "node:util";
import type { CanonicalReport, Finding } from "@/lib/report/types";

/** One difference: JSON path, parsed value, original value. */
export type ValueDiff = { path: string; got: unknown; want: unknown };

/** Every leaf where `got` and `want` differ (paths like "requests.granted.3"). */
export function diffDocuments(got: unknown, want: unknown, path = ""): ValueDiff[] {
  if (isDeepStrictEqual(got, want)) return [];
  if (got && want && typeof got === "object" && typeof want === "object") {
    const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
    return [...keys].flatMap((k) =>
      diffDocuments((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return [{ path, got, want }];
}

/**
 * Soundness violations of the table values (sections 二, 三, 四): a parsed number that differs
 * from the original, or a null where the original had a number while the parser raised no
 * warning or error finding at all. A row the report does not print that comes back as a row of nulls counts as null.
 * Metadata (agency, dates) is not part of this rule.
 */
export function findUnsoundValues(parsed: CanonicalReport, original: CanonicalReport, findings: Finding[]): ValueDiff[] {
  const flagged = findings.some((f) => f.severity === "error" || f.severity === "warning");
  const tables = (d: CanonicalReport) => ({
    active: d.active,
    legacy2019: d.legacy2019,
    requests: d.requests,
    reviewLitigation: d.reviewLitigation,
  });
  return diffDocuments(tables(parsed), tables(original)).filter(({ got, want }) => {
    if (typeof got === "number") return true;
    // a row the report does not print (2019's （六） sub-rows) read as a row of nulls: no value, so no wrong one
    if (want === null && Array.isArray(got) && got.every((v) => v === null)) return !flagged;
    if (got === null && typeof want === "number") return !flagged;
    return got !== null && got !== undefined;
  });
}
