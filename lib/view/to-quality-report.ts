/**
 * Shapes a report's findings and provenance into the data-quality panel (数据质量): each family of
 * accounting identities (勾稽关系) passed or failed, inferred cells, narrative-vs-table mismatches,
 * other findings, and the cross-year check. Pure: it reads what the parser reported and never re-checks.
 */
import { IDENTITY_FAMILIES, toIdentityFamily } from "../report/identities";
import type { Finding, Provenance } from "../report/types";
import { REPORT_SCOPE_NAMES } from "../figures/report-scope";
import { describeField, getFieldValue } from "./report-fields";

/** The template's identity families, labelled for the panel (defined with the identities in lib/report/identities.ts). */
export { IDENTITY_FAMILIES };

export type IdentityCheck = { id: string; label: string; failures: Finding[] };
export type InferredCell = { path: string; label: string; value: unknown; rule: string | null; line: number | null };
export type QualityReport = {
  identities: IdentityCheck[];
  inferred: InferredCell[];
  missingCount: number;
  narrativeMismatches: Finding[];
  otherFindings: Finding[];
};

function isIdentityFinding(f: Finding): boolean {
  return f.code === "identity-failed";
}

/** Groups findings and provenance for display. A family with no failing finding counts as passed. */
export function toQualityReport({
  findings,
  provenance,
  document,
}: {
  findings: Finding[];
  provenance: Provenance;
  document: unknown;
}): QualityReport {
  const identityFindings = findings.filter(isIdentityFinding);
  const identities: IdentityCheck[] = IDENTITY_FAMILIES.map((fam) => ({
    id: fam.id,
    label: fam.label,
    failures: identityFindings.filter((f) => toIdentityFamily(f.rule) === fam.id),
  }));
  const unplaced = identityFindings.filter((f) => toIdentityFamily(f.rule) === null);
  if (unplaced.length > 0) identities.push({ id: "other", label: "其他核对", failures: unplaced });
  const narrativeMismatches = findings.filter((f) => !isIdentityFinding(f) && f.code === "narrative-mismatch");
  const otherFindings = findings.filter((f) => !isIdentityFinding(f) && !narrativeMismatches.includes(f));
  const entries = Object.entries(provenance);
  const inferred = entries
    .filter(([, p]) => p.status === "inferred")
    .map(([path, p]) => ({
      path,
      label: describeField(path),
      value:
        path === "scope"
          ? (REPORT_SCOPE_NAMES[getFieldValue(document, path) as "own" | "summary"] ?? getFieldValue(document, path))
          : getFieldValue(document, path),
      rule: p.rule ?? null,
      line: p.loc?.line ?? null,
    }));
  const missingCount = entries.filter(([, p]) => p.status === "missing").length;
  return { identities, inferred, missingCount, narrativeMismatches, otherFindings };
}

/** 跨年核对: this year's 上年结转 against last year's 结转下年度继续办理 (总计 column). */
export type CrossYearCheck =
  | { status: "no-previous-year"; year: number }
  | { status: "unknown"; year: number; previousYear: number }
  | { status: "match" | "mismatch"; year: number; previousYear: number; carriedOver: number; previousCarriedForward: number };

type YearRow = { year: number; carriedOver: number | null; carriedForward: number | null };

/** Compares a year with the year right before it, when the agency published both. */
export function toCrossYearCheck(year: number, rows: YearRow[]): CrossYearCheck {
  const current = rows.find((r) => r.year === year);
  const previous = rows.find((r) => r.year === year - 1);
  if (!previous) return { status: "no-previous-year", year };
  const carriedOver = current?.carriedOver ?? null;
  const previousCarriedForward = previous.carriedForward;
  if (carriedOver === null || previousCarriedForward === null) return { status: "unknown", year, previousYear: previous.year };
  const status = carriedOver === previousCarriedForward ? "match" : "mismatch";
  return { status, year, previousYear: previous.year, carriedOver, previousCarriedForward };
}
