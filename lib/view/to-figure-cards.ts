/**
 * Shapes one report's figures (from lib/figures, the one definition) into the figure cards of the
 * agency page: formatted value, counts, small-sample mark, reading guide and a link to the source line. Pure.
 */
import { getFigure, type AnyFigureKey, type Figures, type Rate } from "../figures/figures";
import { formatCount, formatWanYuan, toRateDisplay } from "../format";
import type { Finding, Provenance } from "../report/types";

export type FigureCardData = {
  id: string;
  label: string;
  value: string;
  counts: string | null;
  isSmallSample: boolean;
  guide: string | null;
  /** the value's source line (12) when it is known (else the line of another cell the figure uses) */
  sourceLine: number | null;
  /** every canonical path the figure is computed from (公开率: 予以公开, 部分公开 and 总计); the source view marks them all */
  sourcePaths: string[];
  /** the canonical path the value comes from */
  sourcePath: string;
  /** PDF only: the 1-based page the value is printed on */
  sourcePage: number | null;
  isInferred: boolean;
  /** read from a scan by OCR (识别自扫描件) */
  isOcr: boolean;
  note: string | null;
  /** the report's own check (勾稽关系) that this figure's inputs take part in failed: say so on the card */
  warning: string | null;
};

/** "表四的勾稽关系未通过（复议/诉讼各项结果之和等于总计）" for the first failed identity the figure rests on, or null. */
function toWarning(identities: readonly string[], findings: readonly Finding[]): string | null {
  const failed = findings.find((x) => x.severity === "error" && x.rule !== undefined && identities.includes(x.rule));
  if (!failed) return null;
  const where = failed.table ? `表${failed.table}` : "报告";
  const numbers = failed.expected !== undefined && failed.actual !== undefined ? `：应为 ${failed.expected}，实为 ${failed.actual}` : "";
  return `${where}的勾稽关系未通过${numbers}，本项数字可能有误`;
}

/** A card shows one registry figure; a note may add what another figure says (e.g. 复议纠错率 on the 行政复议 card). */
function toCard(
  key: AnyFigureKey,
  f: Figures,
  provenance: Provenance,
  findings: readonly Finding[],
  note: string | null = null,
): FigureCardData {
  const def = getFigure(key);
  const path = def.sources[0] ?? "";
  const p = provenance[path];
  const line = p?.loc?.line ?? def.sources.map((s) => provenance[s]?.loc?.line).find((l) => l !== undefined);
  const base = {
    id: def.key,
    label: def.cardLabel ?? def.label,
    guide: def.guide,
    sourceLine: line ?? null,
    sourcePath: path,
    sourcePaths: [...def.sources],
    sourcePage: p?.loc?.page ?? null,
    isInferred: p?.status === "inferred",
    isOcr: p?.source === "ocr" && p.status !== "missing",
    note,
    warning: toWarning(def.identities, findings),
  };
  const v = f[key];
  if (v !== null && typeof v === "object") {
    const d = toRateDisplay(v);
    return { ...base, value: d.text, counts: d.counts, isSmallSample: d.isSmall };
  }
  const value = def.unit === "万元" ? formatWanYuan(v) : formatCount(v);
  return { ...base, value, counts: null, isSmallSample: false };
}

/** The figures with a card, in page order: requests first, then review/litigation, then section 二. */
const CARD_KEYS = [
  "requestsReceived",
  "requestsHandled",
  "notHeldRate",
  "disclosureRate",
  "reviewTotal",
  "litigationTotal",
  "licensing",
  "penalty",
  "coercion",
  "feesWanYuan",
  "normativeDocumentsIssued",
] as const satisfies readonly AnyFigureKey[];

/** Every provenance path the cards read (their figures' sources): all the page needs of a report's provenance for them. */
export const FIGURE_CARD_PATHS: readonly string[] = [...new Set(CARD_KEYS.flatMap((key) => getFigure(key).sources))];

/** The cards in page order (CARD_KEYS). */
export function toFigureCards(f: Figures, provenance: Provenance, findings: readonly Finding[] = []): FigureCardData[] {
  const rateNote = (r: Rate, label: string) => (r.value === null ? `${label}为 0 或未知，无法计算` : null);
  const rateSuffix = (key: "reviewCorrectionRate" | "litigationCorrectionRate") =>
    `${getFigure(key).label} ${toRateDisplay(f[key]).text}${countsSuffix(f[key])}`;
  const notes: Partial<Record<(typeof CARD_KEYS)[number], string | null>> = {
    notHeldRate: rateNote(f.notHeldRate, getFigure("requestsHandled").label),
    disclosureRate: rateNote(f.disclosureRate, getFigure("requestsHandled").label),
    reviewTotal: rateSuffix("reviewCorrectionRate"),
    litigationTotal: rateSuffix("litigationCorrectionRate"),
    normativeDocumentsIssued: `本年制发；现行有效 ${formatCount(f.normativeDocumentsInForce)}`,
  };
  return CARD_KEYS.map((key) => toCard(key, f, provenance, findings, notes[key] ?? null));
}

function countsSuffix(rate: Rate): string {
  const d = toRateDisplay(rate);
  if (!d.counts) return "";
  return d.isSmall ? `（${d.counts}，样本较小）` : `（${d.counts}）`;
}
