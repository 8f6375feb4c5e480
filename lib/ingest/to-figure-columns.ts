/**
 * The typed, indexed figure columns of a Report row, from lib/figures (the one definition of every figure).
 */
import { computeFigures, type Figures } from "@/lib/figures/figures";
import type { CanonicalReport } from "@/lib/report/types";

/** Column values as stored on Report (counts as Int, rates as Float in [0, 1], 万元 as Float). */
export type FigureColumns = {
  requestsReceived: number | null;
  requestsHandled: number | null;
  carriedOver: number | null;
  carriedForward: number | null;
  notHeld: number | null;
  disclosed: number | null;
  notHeldRate: number | null;
  disclosureRate: number | null;
  reviewTotal: number | null;
  reviewCorrected: number | null;
  reviewDecided: number | null;
  reviewCorrectionRate: number | null;
  litigationTotal: number | null;
  litigationCorrected: number | null;
  litigationDecided: number | null;
  litigationCorrectionRate: number | null;
  licensing: number | null;
  penalty: number | null;
  coercion: number | null;
  feesWanYuan: number | null;
  normativeDocumentsIssued: number | null;
  normativeDocumentsInForce: number | null;
};

/** Flatten `Figures` into Report columns: a rate becomes its value plus its numerator / denominator counts. */
export function toFigureColumns(figures: Figures): FigureColumns {
  const f = figures;
  return {
    requestsReceived: f.requestsReceived,
    requestsHandled: f.requestsHandled,
    carriedOver: f.carriedOver,
    carriedForward: f.carriedForward,
    notHeld: f.notHeldRate.numerator,
    disclosed: f.disclosureRate.numerator,
    notHeldRate: f.notHeldRate.value,
    disclosureRate: f.disclosureRate.value,
    reviewTotal: f.reviewTotal,
    reviewCorrected: f.reviewCorrectionRate.numerator,
    reviewDecided: f.reviewCorrectionRate.denominator,
    reviewCorrectionRate: f.reviewCorrectionRate.value,
    litigationTotal: f.litigationTotal,
    litigationCorrected: f.litigationCorrectionRate.numerator,
    litigationDecided: f.litigationCorrectionRate.denominator,
    litigationCorrectionRate: f.litigationCorrectionRate.value,
    licensing: f.licensing,
    penalty: f.penalty,
    coercion: f.coercion,
    feesWanYuan: f.feesWanYuan,
    normativeDocumentsIssued: f.normativeDocumentsIssued,
    normativeDocumentsInForce: f.normativeDocumentsInForce,
  };
}

/** `computeFigures` + `toFigureColumns`. */
export function toReportFigureColumns(doc: CanonicalReport): FigureColumns {
  return toFigureColumns(computeFigures(doc));
}
