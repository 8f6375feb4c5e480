/**
 * Flat values by path → the canonical document (`ogi-annual-report/v1`) and its provenance.
 */
import type { ParsedMetadata } from "./parse-metadata";
import type { Forced, Values } from "./propagate";
import { REVIEW_PATHS } from "./parse-review";
import { REQUEST_ROWS, REVIEW_GROUPS } from "./template";
import type { Cell } from "./tokenize";
import type { CanonicalReport, CaseOutcomes, Num, Provenance, Row7, TemplateVersion } from "./types";

/** Everything the document is built from. */
export type DocumentParts = {
  values: Values;
  cells: Map<string, Cell>;
  forced: Forced;
  meta: ParsedMetadata;
  template: TemplateVersion;
  /** section 三 row paths the report prints */
  rows: readonly string[];
  /** section 四 printed numbers */
  hasReview: boolean;
};

const ACTIVE_PATHS = [
  "active.regulations.issued",
  "active.regulations.repealed",
  "active.regulations.inForce",
  "active.normativeDocuments.issued",
  "active.normativeDocuments.repealed",
  "active.normativeDocuments.inForce",
  "active.licensing",
  "active.penalty",
  "active.coercion",
  "active.feesWanYuan",
];
const LEGACY_PATHS = [
  ...["regulations", "normativeDocuments"].flatMap((g) =>
    ["newlyMade", "newlyPublished", "totalPublished"].map((k) => `legacy2019.${g}.${k}`),
  ),
  ...["licensing", "otherServices", "penalty", "coercion"].flatMap((g) =>
    ["previousYearItems", "change", "decisions"].map((k) => `legacy2019.${g}.${k}`),
  ),
  "legacy2019.fees.previousYearItems",
  "legacy2019.fees.change",
  "legacy2019.procurement.projects",
  "legacy2019.procurement.amountWanYuan",
];

const PATH_CACHE = new Map<string, string[]>();

function valuePaths(parts: DocumentParts): string[] {
  const key = `${parts.template}|${parts.rows.length}`;
  let paths = PATH_CACHE.get(key);
  if (paths) return paths;
  const rowPaths = parts.rows.flatMap((r) => rowSlots(r));
  paths = [...ACTIVE_PATHS, ...(parts.template === "2019" ? LEGACY_PATHS : []), ...rowPaths, ...REVIEW_PATHS];
  PATH_CACHE.set(key, paths);
  return paths;
}

const SLOT_CACHE = new Map<string, string[]>();

/** The 7 value paths of a section 三 row ("requests.granted[0]" …), built once. */
export function rowSlots(row: string): string[] {
  let slots = SLOT_CACHE.get(row);
  if (!slots) SLOT_CACHE.set(row, (slots = [0, 1, 2, 3, 4, 5, 6].map((c) => `requests.${row}[${c}]`)));
  return slots;
}

/** Provenance of every value path, plus year / agency / publishedOn. */
export function toProvenance(parts: DocumentParts): Provenance {
  const prov: Provenance = {};
  for (const path of valuePaths(parts)) {
    const v = parts.values.get(path) ?? null;
    const cell = parts.cells.get(path);
    const rule = parts.forced.get(path);
    const entry: Provenance[string] = { status: v === null ? "missing" : rule ? "inferred" : "stated" };
    if (v !== null && rule) entry.rule = rule;
    if (cell) {
      entry.raw = cell.raw;
      entry.loc = { line: cell.line, start: cell.start, end: cell.end };
    }
    prov[path] = entry;
  }
  const meta: Array<[string, { raw: string; loc: Cell | { line: number; start: number; end: number } } | null]> = [
    ["year", parts.meta.year],
    ["agency.name", parts.meta.agencyName],
    ["publishedOn", parts.meta.publishedOn],
  ];
  for (const [path, m] of meta) {
    prov[path] = m
      ? { status: "stated", raw: m.raw, loc: { line: m.loc.line, start: m.loc.start, end: m.loc.end } }
      : { status: "missing" };
  }
  const scope = parts.meta.scope.evidence;
  prov["scope"] = scope
    ? { status: "stated", raw: scope.text, loc: scope.loc, rule: `scope-${scope.rule}` }
    : { status: "inferred", rule: "scope-default-own" };
  prov["agency.regionCode"] = parts.meta.regionCode ? { status: "inferred", rule: "gazetteer" } : { status: "missing" };
  return prov;
}

/** The sub-row keys of a group of section 三 ("denied" → stateSecret, …), in template order, built once. */
const SUB_ROWS = new Map<string, string[]>();
const sub = (g: string): string[] => {
  let keys = SUB_ROWS.get(g);
  if (!keys) SUB_ROWS.set(g, (keys = REQUEST_ROWS.filter((r) => r.path.startsWith(`${g}.`)).map((r) => r.path.slice(g.length + 1))));
  return keys;
};

/** Builds the canonical document. */
export function toDocument(parts: DocumentParts): CanonicalReport {
  const n = (path: string): Num => parts.values.get(path) ?? null;
  const row = (p: string): Row7 => rowSlots(p).map(n) as Row7;
  const rowOrNull = (p: string): Row7 | null => (parts.rows.includes(p) ? row(p) : null);
  const group = <K extends string>(prefix: string, keys: readonly K[]): Record<K, Row7> =>
    Object.fromEntries(keys.map((k) => [k, row(`${prefix}.${k}`)])) as Record<K, Row7>;
  const outcome = (g: string): CaseOutcomes | null => {
    if (!parts.hasReview) return null;
    const o = (k: string): Num => n(`reviewLitigation.${g}.${k}`);
    return { upheld: o("upheld"), corrected: o("corrected"), other: o("other"), pending: o("pending"), total: o("total") };
  };
  const doc: CanonicalReport = {
    schema: "ogi-annual-report/v1",
    year: parts.meta.year?.value ?? 0,
    templateVersion: parts.template,
    agency: { name: parts.meta.agencyName?.value ?? "", regionCode: parts.meta.regionCode },
    publishedOn: parts.meta.publishedOn?.value ?? null,
    scope: parts.meta.scope.value,
    active: {
      regulations: {
        issued: n("active.regulations.issued"),
        repealed: n("active.regulations.repealed"),
        inForce: n("active.regulations.inForce"),
      },
      normativeDocuments: {
        issued: n("active.normativeDocuments.issued"),
        repealed: n("active.normativeDocuments.repealed"),
        inForce: n("active.normativeDocuments.inForce"),
      },
      licensing: n("active.licensing"),
      penalty: n("active.penalty"),
      coercion: n("active.coercion"),
      feesWanYuan: n("active.feesWanYuan"),
    },
    requests: {
      newReceived: row("newReceived"),
      carriedOver: row("carriedOver"),
      granted: row("granted"),
      partiallyGranted: row("partiallyGranted"),
      denied: group("denied", sub("denied")) as CanonicalReport["requests"]["denied"],
      unableToProvide: group("unableToProvide", sub("unableToProvide")) as CanonicalReport["requests"]["unableToProvide"],
      notProcessed: group("notProcessed", sub("notProcessed")) as CanonicalReport["requests"]["notProcessed"],
      otherHandling: {
        noCorrection: rowOrNull("otherHandling.noCorrection"),
        unpaidFee: rowOrNull("otherHandling.unpaidFee"),
        other: row("otherHandling.other"),
      },
      totalProcessed: row("totalProcessed"),
      carriedForward: row("carriedForward"),
    },
    reviewLitigation: {
      review: outcome(REVIEW_GROUPS[0]),
      litigationDirect: outcome(REVIEW_GROUPS[1]),
      litigationAfterReview: outcome(REVIEW_GROUPS[2]),
    },
  };
  if (parts.template === "2019") doc.legacy2019 = toLegacy(n);
  return doc;
}

function toLegacy(n: (path: string) => Num): NonNullable<CanonicalReport["legacy2019"]> {
  const docs = (g: string) => ({
    newlyMade: n(`legacy2019.${g}.newlyMade`),
    newlyPublished: n(`legacy2019.${g}.newlyPublished`),
    totalPublished: n(`legacy2019.${g}.totalPublished`),
  });
  const items = (g: string) => ({
    previousYearItems: n(`legacy2019.${g}.previousYearItems`),
    change: n(`legacy2019.${g}.change`),
    decisions: n(`legacy2019.${g}.decisions`),
  });
  return {
    regulations: docs("regulations"),
    normativeDocuments: docs("normativeDocuments"),
    licensing: items("licensing"),
    otherServices: items("otherServices"),
    penalty: items("penalty"),
    coercion: items("coercion"),
    fees: { previousYearItems: n("legacy2019.fees.previousYearItems"), change: n("legacy2019.fees.change") },
    procurement: { projects: n("legacy2019.procurement.projects"), amountWanYuan: n("legacy2019.procurement.amountWanYuan") },
  };
}
