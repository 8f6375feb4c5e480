/**
 * Generates random, internally consistent canonical reports: all four identities hold by
 * construction (row totals are sums, 总计 is the sum of the outcomes, 一 + 二 = 三 + 四, section 四
 * groups add up). Distributions follow real reports: mostly zeros, a few large numbers,
 * money in 万元 with decimals, negative 本年增/减 in the 2019 template.
 */
import type { CanonicalReport, CaseOutcomes, Legacy2019, LegacyItems, Requests, Row7 } from "@/lib/report/types";
import { agencyOfRegion, pickAgency, pickManagedAreaAgency, type SynthAgency } from "./pick-agency";
import { createRng, skewedCount, type Rng } from "./prng";
import { listRequestRows } from "./request-rows";

/** Which printed template: 2021, 2021 with a single （六）其他处理 row, or 2019 (with legacy2019). */
export type TemplateVariant = "2021" | "2021-single-other" | "2019";

/** A generated report: the canonical document plus the context the renderers print. */
export type SynthReport = {
  seed: number;
  variant: TemplateVariant;
  document: CanonicalReport;
  agency: SynthAgency;
};

/** Options for `generateReport`; anything left out is drawn from the seed. */
export type GenerateOptions = {
  seed: number;
  variant?: TemplateVariant;
  year?: number;
  /** "managed": the body of a managed area from the alias table (平潭综合实验区管理委员会 …) */
  agencyKind?: "any" | "managed";
  /** the reporting body is this region's government (GB/T 2260 code); overrides agencyKind */
  regionCode?: string;
};

/** A money amount in 万元 with at most two decimals (709.48), often 0. */
function money(rng: Rng, max: number): number {
  if (rng.chance(0.4)) return 0;
  const cents = rng.int(1, max * 100);
  return rng.chance(0.3) ? Math.round(cents / 100) : cents / 100;
}

/** Splits `total` over `slots` weighted parts, sparse (most parts 0). */
function splitCount(rng: Rng, total: number, weights: number[]): number[] {
  const parts = weights.map(() => 0);
  const active = weights.map((w) => (rng.chance(Math.min(1, w * 2)) ? w : 0));
  if (!active.some((w) => w > 0)) active[0] = 1;
  const sum = active.reduce((a, b) => a + b, 0);
  let left = total;
  active.forEach((w, i) => {
    if (i === active.length - 1 || left === 0) return;
    const share = Math.min(left, Math.round(((total * w) / sum) * (0.5 + rng.next())));
    parts[i] = share;
    left -= share;
  });
  parts[parts.length - 1]! += left;
  return parts;
}

const emptyRow = (): Row7 => [0, 0, 0, 0, 0, 0, 0];
const withTotal = (six: number[]): Row7 => [...six, six.reduce((a, b) => a + b, 0)] as Row7;

/** Section 三 for one document; `singleOther` leaves the two first （六） rows null. */
function generateRequests(rng: Rng, singleOther: boolean): Requests {
  const size = rng.pick([5, 20, 80, 400, 3000]);
  const columnScale = [1, 0.3, 0.05, 0.05, 0.08, 0.1];
  const outcomeRows = listRequestRows(singleOther).filter((r) => r.isOutcome);
  const weights = outcomeRows.map((r) => (r.path.endsWith("granted") ? 0.5 : r.path.endsWith("notHeld") ? 0.35 : 0.06));
  const cols = columnScale.map((scale) => {
    const fresh = rng.chance(scale) ? skewedCount(rng, Math.max(2, Math.round(size * scale))) : 0;
    const carried = rng.chance(0.3) ? rng.int(0, Math.ceil(fresh / 5)) : 0;
    const forward = rng.chance(0.35) ? rng.int(0, Math.ceil((fresh + carried) / 4)) : 0;
    const handled = fresh + carried - forward;
    return { fresh, carried, forward, outcomes: splitCount(rng, handled, weights), handled };
  });
  const byRow = new Map<string, Row7>();
  outcomeRows.forEach((row, i) => byRow.set(row.path, withTotal(cols.map((c) => c.outcomes[i] ?? 0))));
  const row = (path: string): Row7 => byRow.get(path) ?? emptyRow();
  return {
    newReceived: withTotal(cols.map((c) => c.fresh)),
    carriedOver: withTotal(cols.map((c) => c.carried)),
    granted: row("requests.granted"),
    partiallyGranted: row("requests.partiallyGranted"),
    denied: {
      stateSecret: row("requests.denied.stateSecret"),
      prohibitedByLaw: row("requests.denied.prohibitedByLaw"),
      endangersSafety: row("requests.denied.endangersSafety"),
      thirdPartyRights: row("requests.denied.thirdPartyRights"),
      internalAffairs: row("requests.denied.internalAffairs"),
      processInformation: row("requests.denied.processInformation"),
      lawEnforcementFile: row("requests.denied.lawEnforcementFile"),
      administrativeQuery: row("requests.denied.administrativeQuery"),
    },
    unableToProvide: {
      notHeld: row("requests.unableToProvide.notHeld"),
      needsCreation: row("requests.unableToProvide.needsCreation"),
      unclear: row("requests.unableToProvide.unclear"),
    },
    notProcessed: {
      complaint: row("requests.notProcessed.complaint"),
      repeated: row("requests.notProcessed.repeated"),
      publication: row("requests.notProcessed.publication"),
      excessive: row("requests.notProcessed.excessive"),
      confirmation: row("requests.notProcessed.confirmation"),
    },
    otherHandling: {
      noCorrection: singleOther ? null : row("requests.otherHandling.noCorrection"),
      unpaidFee: singleOther ? null : row("requests.otherHandling.unpaidFee"),
      other: row("requests.otherHandling.other"),
    },
    totalProcessed: withTotal(cols.map((c) => c.handled)),
    carriedForward: withTotal(cols.map((c) => c.forward)),
  };
}

function generateCases(rng: Rng): CaseOutcomes {
  const [upheld, corrected, other, pending] = [0.3, 0.15, 0.15, 0.15].map((p) => (rng.chance(p) ? rng.int(1, 12) : 0)) as [
    number,
    number,
    number,
    number,
  ];
  return { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
}

function legacyItems(rng: Rng, scale: number): LegacyItems {
  const previousYearItems = skewedCount(rng, 600);
  const change = rng.chance(0.5) ? 0 : rng.int(-Math.min(previousYearItems, 20), 20);
  return { previousYearItems, change, decisions: skewedCount(rng, scale) };
}

function generateLegacy(rng: Rng): Legacy2019 {
  const docs = () => {
    const newlyMade = skewedCount(rng, 40);
    return { newlyMade, newlyPublished: newlyMade, totalPublished: newlyMade + skewedCount(rng, 200) };
  };
  const feesBefore = skewedCount(rng, 40);
  return {
    regulations: rng.chance(0.8) ? { newlyMade: 0, newlyPublished: 0, totalPublished: 0 } : docs(),
    normativeDocuments: docs(),
    licensing: legacyItems(rng, 30000),
    otherServices: legacyItems(rng, 12000),
    penalty: legacyItems(rng, 6000),
    coercion: legacyItems(rng, 400),
    fees: { previousYearItems: feesBefore, change: rng.chance(0.6) ? 0 : rng.int(-feesBefore, 5) },
    // 亿-sized amounts are whole 百万元 so "1.83亿" prints exactly.
    procurement: { projects: skewedCount(rng, 300), amountWanYuan: rng.chance(0.2) ? rng.int(1, 900) * 100 : money(rng, 9000) },
  };
}

function pickYear(rng: Rng, variant: TemplateVariant | undefined): number {
  if (variant === "2019") return rng.int(2019, 2020);
  if (variant) return rng.int(2021, 2025);
  return rng.int(2019, 2025);
}

/**
 * A quarter of the county and prefecture governments publish a summary report (全县/全市汇总); the choice follows
 * from the seed without drawing from `rng`, so every other value of a seed stays what it was.
 */
function toSynthScope(seed: number, agency: SynthAgency): CanonicalReport["scope"] {
  return agency.regionCode.length === 6 && agency.name.endsWith("人民政府") && seed % 4 === 1 ? "summary" : "own";
}

/** One random, internally consistent report; the same options always give the same report. */
export function generateReport({ seed, variant: wanted, year: wantedYear, agencyKind = "any", regionCode }: GenerateOptions): SynthReport {
  const rng = createRng(seed);
  const year = wantedYear ?? pickYear(rng, wanted);
  const variant: TemplateVariant = wanted ?? (year <= 2020 ? "2019" : rng.chance(0.15) ? "2021-single-other" : "2021");
  const agency = regionCode ? agencyOfRegion(rng, regionCode) : agencyKind === "managed" ? pickManagedAreaAgency(rng) : pickAgency(rng);
  const legacy = variant === "2019" ? generateLegacy(rng) : undefined;
  const counts = () => ({ issued: skewedCount(rng, 30), repealed: skewedCount(rng, 15), inForce: skewedCount(rng, 200) });
  const regulations =
    agency.regionCode.length === 6 && agency.regionCode.endsWith("00") && rng.chance(0.5)
      ? counts()
      : { issued: 0, repealed: 0, inForce: 0 };
  const active = legacy
    ? {
        regulations: { issued: legacy.regulations.newlyMade, repealed: null, inForce: null },
        normativeDocuments: { issued: legacy.normativeDocuments.newlyMade, repealed: null, inForce: null },
        licensing: legacy.licensing.decisions,
        penalty: legacy.penalty.decisions,
        coercion: legacy.coercion.decisions,
        feesWanYuan: null,
      }
    : {
        regulations,
        normativeDocuments: counts(),
        licensing: skewedCount(rng, 40000),
        penalty: skewedCount(rng, 5000),
        coercion: skewedCount(rng, 500),
        feesWanYuan: money(rng, 2000),
      };
  const printsCases = rng.chance(0.92);
  const document: CanonicalReport = {
    schema: "ogi-annual-report/v1",
    year,
    templateVersion: variant === "2019" ? "2019" : "2021",
    agency: { name: agency.name, regionCode: agency.regionCode },
    publishedOn: `${year + 1}-${String(rng.int(1, 3)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
    scope: toSynthScope(seed, agency),
    active,
    ...(legacy ? { legacy2019: legacy } : {}),
    requests: generateRequests(rng, variant !== "2021"),
    reviewLitigation: printsCases
      ? { review: generateCases(rng), litigationDirect: generateCases(rng), litigationAfterReview: generateCases(rng) }
      : { review: null, litigationDirect: null, litigationAfterReview: null },
  };
  return { seed, variant, document, agency };
}
