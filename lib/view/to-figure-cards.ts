/**
 * Shapes one report's figures (from lib/figures, the one definition) into the figure cards of the
 * agency page: formatted value, counts, small-sample mark, reading guide and a link to the source line. Pure.
 */
import { FIGURE_META, type Figures, type Rate } from "../figures/figures";
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

type CardSpec = { id: string; label: string; path: string; guide?: string | null } & (
  | { kind: "count"; value: number | null }
  | { kind: "wanYuan"; value: number | null }
  | { kind: "rate"; rate: Rate }
);

function toCard(spec: CardSpec, provenance: Provenance, note: string | null = null): FigureCardData {
  const p = provenance[spec.path];
  const line = p?.loc?.line;
  const base = {
    id: spec.id,
    label: spec.label,
    guide: spec.guide ?? null,
    sourceHref: line ? `#L${line}` : null,
    sourcePath: spec.path,
    sourcePage: p?.loc?.page ?? null,
    isInferred: p?.status === "inferred",
    note,
  };
  if (spec.kind === "rate") {
    const d = toRateDisplay(spec.rate);
    return { ...base, value: d.text, counts: d.counts, isSmallSample: d.isSmall };
  }
  const value = spec.kind === "wanYuan" ? formatWanYuan(spec.value) : formatCount(spec.value);
  return { ...base, value, counts: null, isSmallSample: false };
}

/** The twelve cards in page order: requests first, then review/litigation, then section 二. */
export function toFigureCards(f: Figures, provenance: Provenance): FigureCardData[] {
  const rateNote = (r: Rate, label: string) => (r.value === null ? `${label}为 0 或未知，无法计算` : null);
  return [
    toCard({ id: "requestsReceived", label: "申请量", kind: "count", value: f.requestsReceived, path: "requests.newReceived[6]", guide: FIGURE_META.requestsReceived.guide }, provenance),
    toCard({ id: "requestsHandled", label: "办结量", kind: "count", value: f.requestsHandled, path: "requests.totalProcessed[6]", guide: FIGURE_META.requestsHandled.guide }, provenance),
    toCard({ id: "notHeldRate", label: "不掌握信息率", kind: "rate", rate: f.notHeldRate, path: "requests.unableToProvide.notHeld[6]", guide: FIGURE_META.notHeldRate.guide }, provenance, rateNote(f.notHeldRate, "办结量")),
    toCard({ id: "disclosureRate", label: "公开率", kind: "rate", rate: f.disclosureRate, path: "requests.granted[6]", guide: FIGURE_META.disclosureRate.guide }, provenance, rateNote(f.disclosureRate, "办结量")),
    toCard({ id: "reviewTotal", label: "行政复议", kind: "count", value: f.reviewTotal, path: "reviewLitigation.review.total" }, provenance, `复议纠错率 ${toRateDisplay(f.reviewCorrectionRate).text}${countsSuffix(f.reviewCorrectionRate)}`),
    toCard({ id: "litigationTotal", label: "行政诉讼", kind: "count", value: f.litigationTotal, path: "reviewLitigation.litigationDirect.total" }, provenance, `诉讼纠错率 ${toRateDisplay(f.litigationCorrectionRate).text}${countsSuffix(f.litigationCorrectionRate)}`),
    toCard({ id: "licensing", label: "行政许可", kind: "count", value: f.licensing, path: "active.licensing", guide: FIGURE_META.licensing.guide }, provenance),
    toCard({ id: "penalty", label: "行政处罚", kind: "count", value: f.penalty, path: "active.penalty", guide: FIGURE_META.penalty.guide }, provenance),
    toCard({ id: "coercion", label: "行政强制", kind: "count", value: f.coercion, path: "active.coercion", guide: FIGURE_META.coercion.guide }, provenance),
    toCard({ id: "feesWanYuan", label: "收费（万元）", kind: "wanYuan", value: f.feesWanYuan, path: "active.feesWanYuan", guide: FIGURE_META.feesWanYuan.guide }, provenance),
    toCard({ id: "normativeDocumentsIssued", label: "规范性文件", kind: "count", value: f.normativeDocumentsIssued, path: "active.normativeDocuments.issued" }, provenance, `本年制发；现行有效 ${formatCount(f.normativeDocumentsInForce)}`),
  ];
}

function countsSuffix(rate: Rate): string {
  const d = toRateDisplay(rate);
  if (!d.counts) return "";
  return d.isSmall ? `（${d.counts}，样本较小）` : `（${d.counts}）`;
}
