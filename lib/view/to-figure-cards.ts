/**
 * Shapes one report's figures (from lib/figures, the one definition) into the figure cards of the
 * agency page: formatted value, counts, small-sample mark, reading guide and a link to the source line. Pure.
 */
import { getFigure, type AnyFigureKey, type Figures, type Rate } from "../figures/figures";
import { formatCount, formatWanYuan, toRateDisplay } from "../format";
import type { Provenance } from "../report/types";

export type FigureCardData = {
  id: string;
  label: string;
  value: string;
  counts: string | null;
  isSmallSample: boolean;
  guide: string | null;
  /** "#L12" when the value's source line is known */
  sourceHref: string | null;
  /** the canonical path the value comes from */
  sourcePath: string;
  /** PDF only: the 1-based page the value is printed on */
  sourcePage: number | null;
  isInferred: boolean;
  note: string | null;
};

/** A card shows one registry figure; a note may add what another figure says (e.g. 复议纠错率 on the 行政复议 card). */
function toCard(key: AnyFigureKey, f: Figures, provenance: Provenance, note: string | null = null): FigureCardData {
  const def = getFigure(key);
  const path = def.sources[0] ?? "";
  const p = provenance[path];
  const line = p?.loc?.line;
  const base = {
    id: def.key,
    label: def.cardLabel ?? def.label,
    guide: def.guide,
    sourceHref: line ? `#L${line}` : null,
    sourcePath: path,
    sourcePage: p?.loc?.page ?? null,
    isInferred: p?.status === "inferred",
    note,
  };
  const v = f[key];
  if (v !== null && typeof v === "object") {
    const d = toRateDisplay(v);
    return { ...base, value: d.text, counts: d.counts, isSmallSample: d.isSmall };
  }
  const value = def.unit === "万元" ? formatWanYuan(v) : formatCount(v);
  return { ...base, value, counts: null, isSmallSample: false };
}

/** The cards in page order: requests first, then review/litigation, then section 二. */
export function toFigureCards(f: Figures, provenance: Provenance): FigureCardData[] {
  const rateNote = (r: Rate, label: string) => (r.value === null ? `${label}为 0 或未知，无法计算` : null);
  const rateSuffix = (key: "reviewCorrectionRate" | "litigationCorrectionRate") =>
    `${getFigure(key).label} ${toRateDisplay(f[key]).text}${countsSuffix(f[key])}`;
  return [
    toCard("requestsReceived", f, provenance),
    toCard("requestsHandled", f, provenance),
    toCard("notHeldRate", f, provenance, rateNote(f.notHeldRate, getFigure("requestsHandled").label)),
    toCard("disclosureRate", f, provenance, rateNote(f.disclosureRate, getFigure("requestsHandled").label)),
    toCard("reviewTotal", f, provenance, rateSuffix("reviewCorrectionRate")),
    toCard("litigationTotal", f, provenance, rateSuffix("litigationCorrectionRate")),
    toCard("licensing", f, provenance),
    toCard("penalty", f, provenance),
    toCard("coercion", f, provenance),
    toCard("feesWanYuan", f, provenance),
    toCard("normativeDocumentsIssued", f, provenance, `本年制发；现行有效 ${formatCount(f.normativeDocumentsInForce)}`),
  ];
}

function countsSuffix(rate: Rate): string {
  const d = toRateDisplay(rate);
  if (!d.counts) return "";
  return d.isSmall ? `（${d.counts}，样本较小）` : `（${d.counts}）`;
}
