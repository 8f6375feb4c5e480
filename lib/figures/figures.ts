/**
 * The one definition of every derived figure (docs/canonical-report.md, "Derived figures"): the registry `FIGURES`.
 * Everything else derives from it: the stored column list and types (`FIGURE_COLUMNS`, `FigureColumns`), the column values
 * at ingest (`toFigureColumns`), the ranking / compare SQL (lib/db/figure-sql.ts), the API's figure list, the cards,
 * chart, table and CSV headers. Ingest stores the columns; pages, exports and the API read them (`readFigures`) and never
 * compute their own. Adding a figure = one entry here + a migration adding its columns (ARCHITECTURE.md).
 * Pure: takes a canonical document, returns plain values.
 */
import type { CanonicalReport, Num } from "../report/types";

/** A ratio with the counts it came from; `value` is null when undefined (denominator 0 or unknown). */
export type Rate = { value: number | null; numerator: Num; denominator: Num };

/** Rates over fewer handled requests than this are shown with their counts and left out of rankings by default. */
export const SMALL_SAMPLE_THRESHOLD = 10;

/** numerator / denominator, or null when either is null or the denominator is not positive. Never NaN. */
export function toRate(numerator: Num, denominator: Num): Rate {
  const value = numerator === null || denominator === null || denominator <= 0 ? null : numerator / denominator;
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
  // 1–9 cases; 0 cases is no sample at all (—（无办结）), not a small one
  return rate.denominator !== null && rate.denominator > 0 && rate.denominator < SMALL_SAMPLE_THRESHOLD;
}

function litigationSums(doc: CanonicalReport): { total: Num; corrected: Num; pending: Num } {
  const direct = doc.reviewLitigation.litigationDirect;
  const after = doc.reviewLitigation.litigationAfterReview;
  if (!direct && !after) return { total: null, corrected: null, pending: null };
  return {
    total: sumOrNull(direct?.total ?? 0, after?.total ?? 0),
    corrected: sumOrNull(direct?.corrected ?? 0, after?.corrected ?? 0),
    pending: sumOrNull(direct?.pending ?? 0, after?.pending ?? 0),
  };
}

/** Which accounting identity (lib/report/identities.ts, by id) a figure's inputs take part in. */
type IdentityId = "row-total" | "outcomes-total" | "balance" | "review-total";

/** One derived figure. */
export type FigureDefinition = {
  key: string;
  /** Chinese label shown in the UI, tables and CSV headers */
  label: string;
  /** shorter or more specific label on the agency page's figure card, when it differs */
  cardLabel?: string;
  unit: "件" | "%" | "万元";
  /** one line on how to read it (null: none written yet) */
  guide: string | null;
  /** canonical paths it is computed from, the first one is where the card links to in the source */
  sources: readonly string[];
  /** identities its inputs take part in (a broken one makes the figure suspect) */
  identities: readonly IdentityId[];
  /** true: higher is better; false: lower is better; null: neither (a size, not a grade) */
  highIsGood: boolean | null;
  /** offered for ranking and comparison (FIGURE_KEYS) */
  ranked: boolean;
  /** stored columns on "Report": the value, and for a rate the counts it rests on */
  columns: { readonly value: string; readonly numerator?: string; readonly denominator?: string };
  /** a rate's counts in Chinese (分子、分母), for the dataset's columns and dictionary */
  countLabels?: { readonly numerator: string; readonly denominator: string };
  /** the figure from one document: a count / amount, or a rate with its counts */
  compute(doc: CanonicalReport): Num | Rate;
};

/** The registry: every derived figure, in the order of the agency page and the API. */
export const FIGURES = [
  {
    key: "requestsReceived",
    label: "申请量",
    unit: "件",
    highIsGood: null,
    ranked: true,
    guide: "本年新收政府信息公开申请总数。数量多少反映公众关注度，也与辖区人口和机关职能有关，本身无好坏之分。",
    sources: ["requests.newReceived[6]"],
    identities: ["row-total", "balance"],
    columns: { value: "requestsReceived" },
    compute: (doc: CanonicalReport): Num => doc.requests.newReceived[6],
  },
  {
    key: "requestsHandled",
    label: "办结量",
    unit: "件",
    highIsGood: null,
    ranked: true,
    guide: "本年度已作出答复的申请数（表三“（七）总计”，含上年结转的申请）。比率均以它为分母。",
    sources: ["requests.totalProcessed[6]"],
    identities: ["outcomes-total", "balance"],
    columns: { value: "requestsHandled" },
    compute: (doc: CanonicalReport): Num => doc.requests.totalProcessed[6],
  },
  {
    key: "carriedOver",
    label: "上年结转",
    unit: "件",
    highIsGood: null,
    ranked: false,
    guide: "上一年度未办结、转入本年度继续办理的申请数。",
    sources: ["requests.carriedOver[6]"],
    identities: ["balance"],
    columns: { value: "carriedOver" },
    compute: (doc: CanonicalReport): Num => doc.requests.carriedOver[6],
  },
  {
    key: "carriedForward",
    label: "结转下年度继续办理",
    unit: "件",
    highIsGood: null,
    ranked: false,
    guide: "本年度未办结、转入下一年度继续办理的申请数。申请量 + 上年结转 = 办结量 + 结转下年度。",
    sources: ["requests.carriedForward[6]"],
    identities: ["balance"],
    columns: { value: "carriedForward" },
    compute: (doc: CanonicalReport): Num => doc.requests.carriedForward[6],
  },
  {
    key: "notHeldRate",
    label: "不掌握信息率",
    unit: "%",
    highIsGood: false,
    ranked: true,
    guide:
      "以“本机关不掌握相关政府信息”答复的申请占办结量的比例。偏高可能说明申请投错机关，也可能说明机关以“不掌握”推脱；样本小时波动很大，需结合件数阅读。",
    sources: ["requests.unableToProvide.notHeld[6]", "requests.totalProcessed[6]"],
    identities: ["outcomes-total", "row-total"],
    columns: { value: "notHeldRate", numerator: "notHeld", denominator: "requestsHandled" },
    countLabels: { numerator: "以“本机关不掌握相关政府信息”答复的申请", denominator: "办结量" },
    compute: (doc: CanonicalReport): Rate => toRate(doc.requests.unableToProvide.notHeld[6], doc.requests.totalProcessed[6]),
  },
  {
    key: "disclosureRate",
    label: "公开率",
    unit: "%",
    highIsGood: true,
    ranked: true,
    guide: "予以公开与部分公开之和占办结量的比例。越高通常说明公开越充分，但申请内容不同，机关之间不能简单比较。",
    sources: ["requests.granted[6]", "requests.partiallyGranted[6]", "requests.totalProcessed[6]"],
    identities: ["outcomes-total", "row-total"],
    columns: { value: "disclosureRate", numerator: "disclosed", denominator: "requestsHandled" },
    countLabels: { numerator: "予以公开与部分公开的申请", denominator: "办结量" },
    compute: (doc: CanonicalReport): Rate =>
      toRate(sumOrNull(doc.requests.granted[6], doc.requests.partiallyGranted[6]), doc.requests.totalProcessed[6]),
  },
  {
    key: "reviewCorrectionRate",
    label: "复议纠错率",
    unit: "%",
    highIsGood: false,
    ranked: true,
    guide: "行政复议中结果被纠正的案件占已审结案件的比例。越低通常说明答复越合法，但案件很少时一件即可大幅改变比例。",
    sources: ["reviewLitigation.review.corrected", "reviewLitigation.review.total", "reviewLitigation.review.pending"],
    identities: ["review-total"],
    columns: { value: "reviewCorrectionRate", numerator: "reviewCorrected", denominator: "reviewDecided" },
    countLabels: { numerator: "行政复议结果被纠正的案件", denominator: "行政复议已审结的案件（总计减尚未审结）" },
    compute: (doc: CanonicalReport): Rate => {
      const review = doc.reviewLitigation.review;
      return toRate(review?.corrected ?? null, minusOrNull(review?.total ?? null, review?.pending ?? null));
    },
  },
  {
    key: "litigationCorrectionRate",
    label: "诉讼纠错率",
    unit: "%",
    highIsGood: false,
    ranked: false,
    guide: "行政诉讼（含直接起诉与复议后起诉）中结果被纠正的案件占已审结案件的比例。案件很少时一件即可大幅改变比例。",
    sources: ["reviewLitigation.litigationDirect.corrected", "reviewLitigation.litigationAfterReview.corrected"],
    identities: ["review-total"],
    columns: { value: "litigationCorrectionRate", numerator: "litigationCorrected", denominator: "litigationDecided" },
    countLabels: { numerator: "行政诉讼结果被纠正的案件", denominator: "行政诉讼已审结的案件（总计减尚未审结）" },
    compute: (doc: CanonicalReport): Rate => {
      const l = litigationSums(doc);
      return toRate(l.corrected, minusOrNull(l.total, l.pending));
    },
  },
  {
    key: "reviewTotal",
    label: "行政复议",
    unit: "件",
    highIsGood: null,
    ranked: false,
    guide: "因政府信息公开工作被申请行政复议的案件总数（表四：维持、纠正、其他结果、尚未审结之和）。",
    sources: ["reviewLitigation.review.total"],
    identities: ["review-total"],
    columns: { value: "reviewTotal" },
    compute: (doc: CanonicalReport): Num => doc.reviewLitigation.review?.total ?? null,
  },
  {
    key: "litigationTotal",
    label: "行政诉讼",
    unit: "件",
    highIsGood: null,
    ranked: false,
    guide: "因政府信息公开工作被提起行政诉讼的案件总数，含未经复议直接起诉和复议后起诉。",
    sources: ["reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total"],
    identities: ["review-total"],
    columns: { value: "litigationTotal" },
    compute: (doc: CanonicalReport): Num => litigationSums(doc).total,
  },
  {
    key: "licensing",
    label: "行政许可",
    unit: "件",
    highIsGood: null,
    ranked: true,
    guide: "本年行政许可处理决定数量。与机关职能和辖区规模相关，不宜直接评优劣。",
    sources: ["active.licensing"],
    identities: [],
    columns: { value: "licensing" },
    compute: (doc: CanonicalReport): Num => doc.active.licensing,
  },
  {
    key: "penalty",
    label: "行政处罚",
    unit: "件",
    highIsGood: null,
    ranked: true,
    guide: "本年行政处罚处理决定数量。与执法职能和辖区规模相关，不宜直接评优劣。",
    sources: ["active.penalty"],
    identities: [],
    columns: { value: "penalty" },
    compute: (doc: CanonicalReport): Num => doc.active.penalty,
  },
  {
    key: "coercion",
    label: "行政强制",
    unit: "件",
    highIsGood: null,
    ranked: true,
    guide: "本年行政强制处理决定数量。",
    sources: ["active.coercion"],
    identities: [],
    columns: { value: "coercion" },
    compute: (doc: CanonicalReport): Num => doc.active.coercion,
  },
  {
    key: "feesWanYuan",
    label: "行政事业性收费",
    cardLabel: "收费（万元）",
    unit: "万元",
    highIsGood: null,
    ranked: true,
    guide: "本年行政事业性收费金额（万元）。2019 年版模板不填金额。",
    sources: ["active.feesWanYuan"],
    identities: [],
    columns: { value: "feesWanYuan" },
    compute: (doc: CanonicalReport): Num => doc.active.feesWanYuan,
  },
  {
    key: "normativeDocumentsIssued",
    label: "本年制发规范性文件",
    cardLabel: "规范性文件",
    unit: "件",
    highIsGood: null,
    ranked: false,
    guide: "本年度新制发的规范性文件数（表二第一项）。",
    sources: ["active.normativeDocuments.issued"],
    identities: [],
    columns: { value: "normativeDocumentsIssued" },
    compute: (doc: CanonicalReport): Num => doc.active.normativeDocuments.issued,
  },
  {
    key: "normativeDocumentsInForce",
    label: "现行有效规范性文件",
    unit: "件",
    highIsGood: null,
    ranked: false,
    guide: "截至年底仍然有效的规范性文件总数（表二第一项）。",
    sources: ["active.normativeDocuments.inForce"],
    identities: [],
    columns: { value: "normativeDocumentsInForce" },
    compute: (doc: CanonicalReport): Num => doc.active.normativeDocuments.inForce,
  },
] as const satisfies readonly FigureDefinition[];

type FigureEntry = (typeof FIGURES)[number];
/** Every figure's key. */
export type AnyFigureKey = FigureEntry["key"];
type EntryOf<K extends AnyFigureKey> = Extract<FigureEntry, { key: K }>;

/** Every derived figure of one report: counts and amounts as numbers (or null), rates with their counts. */
export type Figures = { [K in AnyFigureKey]: ReturnType<EntryOf<K>["compute"]> };

/** Every derived figure of one report (for ingest; pages read the stored columns through `readFigures`). */
export function computeFigures(doc: CanonicalReport): Figures {
  return Object.fromEntries(FIGURES.map((f) => [f.key, f.compute(doc)])) as Figures;
}

type ColumnsOf<E> = E extends { columns: infer C } ? C[keyof C] : never;
/** Name of a stored figure column on "Report". */
export type FigureColumnName = Extract<ColumnsOf<FigureEntry>, string>;
/** Column values as stored on Report (counts as Int, rates as Float in [0, 1], 万元 as Float). */
export type FigureColumns = Record<FigureColumnName, number | null>;

/** Every stored figure column with its SQL type, each once (a rate's denominator may be another figure's value). */
export const FIGURE_COLUMNS: readonly { name: FigureColumnName; sqlType: "int" | "float8" }[] = (() => {
  const out = new Map<FigureColumnName, "int" | "float8">();
  for (const f of FIGURES as readonly FigureDefinition[]) {
    const c = f.columns;
    out.set(c.value as FigureColumnName, f.unit === "件" ? "int" : "float8");
    if (c.numerator) out.set(c.numerator as FigureColumnName, "int");
    if (c.denominator && !out.has(c.denominator as FigureColumnName)) out.set(c.denominator as FigureColumnName, "int");
  }
  return [...out].map(([name, sqlType]) => ({ name, sqlType }));
})();

/** The stored column values of one report: a rate becomes its value plus its numerator / denominator counts. */
export function toFigureColumns(doc: CanonicalReport): FigureColumns {
  const figures = computeFigures(doc);
  const out: Partial<Record<FigureColumnName, number | null>> = {};
  for (const f of FIGURES as readonly FigureDefinition[]) {
    const v = figures[f.key as AnyFigureKey];
    const c = f.columns;
    if (isRateValue(v)) {
      out[c.value as FigureColumnName] = v.value;
      if (c.numerator) out[c.numerator as FigureColumnName] = v.numerator;
      if (c.denominator) out[c.denominator as FigureColumnName] = v.denominator;
    } else {
      out[c.value as FigureColumnName] = v;
    }
  }
  return Object.fromEntries(FIGURE_COLUMNS.map(({ name }) => [name, out[name] ?? null])) as FigureColumns;
}

/** The figures of a stored report, read back from its columns (what pages use: they never compute from the document). */
export function readFigures(columns: FigureColumns): Figures {
  return Object.fromEntries(FIGURES.map((f) => [f.key, readFigure(columns, f.key)])) as Figures;
}

/** One figure of a stored report, read back from its columns (a rate with its stored counts). */
export function readFigure<K extends AnyFigureKey>(columns: Partial<FigureColumns>, key: K): Figures[K] {
  const read = (name: string | undefined): number | null => (name ? (columns[name as FigureColumnName] ?? null) : null);
  const f = getFigure(key);
  const c = f.columns;
  const value = f.unit === "%" ? { value: read(c.value), numerator: read(c.numerator), denominator: read(c.denominator) } : read(c.value);
  return value as Figures[K];
}

/** The stored columns the given figures are read from (a rate's value and counts), each once. */
export function toFigureColumnNames(keys: readonly AnyFigureKey[]): FigureColumnName[] {
  const names = keys.flatMap((k) => {
    const c = getFigure(k).columns;
    return [c.value, c.numerator, c.denominator].filter((n): n is string => n !== undefined);
  });
  return [...new Set(names)] as FigureColumnName[];
}

function isRateValue(v: Num | Rate): v is Rate {
  return v !== null && typeof v === "object";
}

type RankedEntry = Extract<FigureEntry, { ranked: true }>;
/** The figures a user can rank and compare by. */
export type FigureKey = RankedEntry["key"];
/** The keys of the figures a user can rank and compare by, in registry order. */
export const FIGURE_KEYS = FIGURES.filter((f): f is RankedEntry => f.ranked).map((f) => f.key) as readonly FigureKey[] as readonly [
  FigureKey,
  ...FigureKey[],
];

const FIGURE_BY_KEY = new Map<string, FigureDefinition>(FIGURES.map((f) => [f.key, f]));
/** The registry entry of a figure. */
export function getFigure(key: AnyFigureKey): FigureDefinition {
  return FIGURE_BY_KEY.get(key)!;
}

/** What the API, the pages' headers and the CSV headers say about a ranked figure. */
export type FigureMeta = {
  key: FigureKey;
  /** Chinese label shown in the UI */
  label: string;
  unit: "件" | "%" | "万元";
  isRate: boolean;
  /** one line on how to read it */
  guide: string;
};

export const FIGURE_META = Object.fromEntries(
  FIGURES.filter((f): f is RankedEntry => f.ranked).map((f) => [
    f.key,
    { key: f.key, label: f.label, unit: f.unit, isRate: f.unit === "%", guide: f.guide },
  ]),
) as Record<FigureKey, FigureMeta>;
