/**
 * The one definition of every derived figure (docs/canonical-report.md, "Derived figures").
 * Ingest stores these as typed columns; pages, exports and the API read them and never compute their own.
 * Pure: takes a canonical document, returns plain values.
 */
import type { CanonicalReport, Num } from "../report/types";

/** A ratio with the counts it came from; `value` is null when undefined (denominator 0 or unknown). */
export type Rate = { value: number | null; numerator: Num; denominator: Num };

/** Rates over fewer handled requests than this are shown with their counts and left out of rankings by default. */
export const SMALL_SAMPLE_THRESHOLD = 10;

export type Figures = {
  /** 申请量: requests.newReceived[6] */
  requestsReceived: Num;
  /** 办结量: requests.totalProcessed[6] */
  requestsHandled: Num;
  /** 上年结转 总计 */
  carriedOver: Num;
  /** 结转下年度继续办理 总计 */
  carriedForward: Num;
  /** 不掌握信息率: unableToProvide.notHeld[6] / totalProcessed[6] */
  notHeldRate: Rate;
  /** 公开率: (granted[6] + partiallyGranted[6]) / totalProcessed[6] */
  disclosureRate: Rate;
  /** 复议纠错率: review.corrected / (review.total − review.pending) */
  reviewCorrectionRate: Rate;
  /** 诉讼纠错率: corrected / (total − pending) over both litigation groups */
  litigationCorrectionRate: Rate;
  /** 行政复议 总计 */
  reviewTotal: Num;
  /** 行政诉讼 总计 (直接起诉 + 复议后起诉) */
  litigationTotal: Num;
  /** 行政许可 */
  licensing: Num;
  /** 行政处罚 */
  penalty: Num;
  /** 行政强制 */
  coercion: Num;
  /** 行政事业性收费 (万元) */
  feesWanYuan: Num;
  /** 本年制发 行政规范性文件 */
  normativeDocumentsIssued: Num;
  /** 现行有效 行政规范性文件 */
  normativeDocumentsInForce: Num;
};

/** numerator / denominator, or null when either is null or the denominator is not positive. Never NaN. */
export function toRate(numerator: Num, denominator: Num): Rate {
  const value =
    numerator === null || denominator === null || denominator <= 0 ? null : numerator / denominator;
  return { value, numerator, denominator };
}

/** Sum of values, or null when any is null. */
export function sumOrNull(...values: Num[]): Num {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

function minusOrNull(a: Num, b: Num): Num {
  return a === null || b === null ? null : a - b;
}

/** True when a rate rests on fewer than SMALL_SAMPLE_THRESHOLD cases (and so is marked and left out of rankings by default). */
export function isSmallSample(rate: Rate): boolean {
  return rate.denominator !== null && rate.denominator < SMALL_SAMPLE_THRESHOLD;
}

/** Every derived figure of one report. */
export function computeFigures(doc: CanonicalReport): Figures {
  const r = doc.requests;
  const handled = r.totalProcessed[6];
  const review = doc.reviewLitigation.review;
  const direct = doc.reviewLitigation.litigationDirect;
  const after = doc.reviewLitigation.litigationAfterReview;
  const litigationTotal = direct || after ? sumOrNull(direct?.total ?? 0, after?.total ?? 0) : null;
  const litigationCorrected = direct || after ? sumOrNull(direct?.corrected ?? 0, after?.corrected ?? 0) : null;
  const litigationPending = direct || after ? sumOrNull(direct?.pending ?? 0, after?.pending ?? 0) : null;
  return {
    requestsReceived: r.newReceived[6],
    requestsHandled: handled,
    carriedOver: r.carriedOver[6],
    carriedForward: r.carriedForward[6],
    notHeldRate: toRate(r.unableToProvide.notHeld[6], handled),
    disclosureRate: toRate(sumOrNull(r.granted[6], r.partiallyGranted[6]), handled),
    reviewCorrectionRate: toRate(review?.corrected ?? null, minusOrNull(review?.total ?? null, review?.pending ?? null)),
    litigationCorrectionRate: toRate(litigationCorrected, minusOrNull(litigationTotal, litigationPending)),
    reviewTotal: review?.total ?? null,
    litigationTotal,
    licensing: doc.active.licensing,
    penalty: doc.active.penalty,
    coercion: doc.active.coercion,
    feesWanYuan: doc.active.feesWanYuan,
    normativeDocumentsIssued: doc.active.normativeDocuments.issued,
    normativeDocumentsInForce: doc.active.normativeDocuments.inForce,
  };
}

/** The figures a user can rank and compare by, with their Chinese names and how to read them. */
export const FIGURE_KEYS = [
  "requestsReceived",
  "requestsHandled",
  "notHeldRate",
  "disclosureRate",
  "reviewCorrectionRate",
  "licensing",
  "penalty",
  "coercion",
  "feesWanYuan",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export type FigureMeta = {
  key: FigureKey;
  /** Chinese label shown in the UI */
  label: string;
  unit: "件" | "%" | "万元";
  isRate: boolean;
  /** one line on how to read it */
  guide: string;
};

export const FIGURE_META: Record<FigureKey, FigureMeta> = {
  requestsReceived: { key: "requestsReceived", label: "申请量", unit: "件", isRate: false, guide: "本年新收政府信息公开申请总数。数量多少反映公众关注度，也与辖区人口和机关职能有关，本身无好坏之分。" },
  requestsHandled: { key: "requestsHandled", label: "办结量", unit: "件", isRate: false, guide: "本年度办理结果总计（含上年结转）。" },
  notHeldRate: { key: "notHeldRate", label: "不掌握信息率", unit: "%", isRate: true, guide: "以“本机关不掌握相关政府信息”答复的申请占办结量的比例。偏高可能说明申请投错机关，也可能说明机关以“不掌握”推脱；样本小时波动很大，需结合件数阅读。" },
  disclosureRate: { key: "disclosureRate", label: "公开率", unit: "%", isRate: true, guide: "予以公开与部分公开之和占办结量的比例。越高通常说明公开越充分，但申请内容不同，机关之间不能简单比较。" },
  reviewCorrectionRate: { key: "reviewCorrectionRate", label: "复议纠错率", unit: "%", isRate: true, guide: "行政复议中结果被纠正的案件占已审结案件的比例。越低通常说明答复越合法，但案件很少时一件即可大幅改变比例。" },
  licensing: { key: "licensing", label: "行政许可", unit: "件", isRate: false, guide: "本年行政许可处理决定数量。与机关职能和辖区规模相关，不宜直接评优劣。" },
  penalty: { key: "penalty", label: "行政处罚", unit: "件", isRate: false, guide: "本年行政处罚处理决定数量。与执法职能和辖区规模相关，不宜直接评优劣。" },
  coercion: { key: "coercion", label: "行政强制", unit: "件", isRate: false, guide: "本年行政强制处理决定数量。" },
  feesWanYuan: { key: "feesWanYuan", label: "行政事业性收费", unit: "万元", isRate: false, guide: "本年行政事业性收费金额（万元）。2019 年版模板不填金额。" },
};
