/**
 * The canonical annual-report document (`ogi-annual-report/v1`) and the parser's result types.
 * The contract is documented in docs/canonical-report.md. Pure types: no runtime imports.
 */

/** A reported number, or null when the report does not state it and no identity forces it. */
export type Num = number | null;

/**
 * One row of section 三 in column order:
 * [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计].
 */
export type Row7 = [Num, Num, Num, Num, Num, Num, Num];

/** 第二十条第（一）项: 本年制发件数 / 本年废止件数 / 现行有效件数. */
export type DocCounts = { issued: Num; repealed: Num; inForce: Num };

/** Section 二 in the form comparable across templates. */
export type ActiveDisclosure = {
  /** 规章 */
  regulations: DocCounts;
  /** 行政规范性文件 (also printed as 规范性文件) */
  normativeDocuments: DocCounts;
  /** 行政许可 本年处理决定数量 */
  licensing: Num;
  /** 行政处罚 本年处理决定数量 */
  penalty: Num;
  /** 行政强制 本年处理决定数量 */
  coercion: Num;
  /** 行政事业性收费 本年收费金额（万元）; null in the 2019 template */
  feesWanYuan: Num;
};

/** Section 二 as the 2019 template prints it. */
export type Legacy2019 = {
  regulations: { newlyMade: Num; newlyPublished: Num; totalPublished: Num };
  normativeDocuments: { newlyMade: Num; newlyPublished: Num; totalPublished: Num };
  licensing: LegacyItems;
  /** 其他对外管理服务事项 */
  otherServices: LegacyItems;
  penalty: LegacyItems;
  coercion: LegacyItems;
  fees: { previousYearItems: Num; change: Num };
  /** 政府集中采购 */
  procurement: { projects: Num; amountWanYuan: Num };
};
/** 上一年项目数量 / 本年增/减 / 处理决定数量 */
export type LegacyItems = { previousYearItems: Num; change: Num; decisions: Num };

/** Section 三. */
export type Requests = {
  /** 一、本年新收政府信息公开申请数量 */
  newReceived: Row7;
  /** 二、上年结转政府信息公开申请数量 */
  carriedOver: Row7;
  /** （一）予以公开 */
  granted: Row7;
  /** （二）部分公开 */
  partiallyGranted: Row7;
  /** （三）不予公开 */
  denied: {
    stateSecret: Row7;
    prohibitedByLaw: Row7;
    endangersSafety: Row7;
    thirdPartyRights: Row7;
    internalAffairs: Row7;
    processInformation: Row7;
    lawEnforcementFile: Row7;
    administrativeQuery: Row7;
  };
  /** （四）无法提供 */
  unableToProvide: { notHeld: Row7; needsCreation: Row7; unclear: Row7 };
  /** （五）不予处理 */
  notProcessed: { complaint: Row7; repeated: Row7; publication: Row7; excessive: Row7; confirmation: Row7 };
  /** （六）其他处理; a row the report does not print (2019 template: only `other`) is null */
  otherHandling: { noCorrection: Row7 | null; unpaidFee: Row7 | null; other: Row7 };
  /** （七）总计 */
  totalProcessed: Row7;
  /** 四、结转下年度继续办理 */
  carriedForward: Row7;
};

/** 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计 */
export type CaseOutcomes = { upheld: Num; corrected: Num; other: Num; pending: Num; total: Num };

/** Section 四. A group is null when the report prints no numbers for it. */
export type ReviewLitigation = {
  /** 行政复议 */
  review: CaseOutcomes | null;
  /** 行政诉讼 未经复议直接起诉 */
  litigationDirect: CaseOutcomes | null;
  /** 行政诉讼 复议后起诉 */
  litigationAfterReview: CaseOutcomes | null;
};

export type TemplateVersion = "2021" | "2019";

/**
 * 报告口径: "summary" = a region's totals over its bodies (全市/全县/全区/全旗汇总, e.g. 淮安市人民政府 2024: "全市共受理…"),
 * "own" = the body's own report. Read from the report's own statement (see parse-scope.ts); not in the shared spec
 * (docs/canonical-report.md, "Extensions").
 */
export type ReportScope = "summary" | "own";

export type CanonicalReport = {
  schema: "ogi-annual-report/v1";
  /** 统计期限's year, not the publication year */
  year: number;
  templateVersion: TemplateVersion;
  agency: { name: string; regionCode: string | null };
  /** 落款日期 or the page's 发文日期, YYYY-MM-DD */
  publishedOn: string | null;
  /** summary (汇总报告) or own (本机关报告); documents stored before this field existed are "own" */
  scope: ReportScope;
  active: ActiveDisclosure;
  /** present only when templateVersion is "2019" */
  legacy2019?: Legacy2019;
  requests: Requests;
  reviewLitigation: ReviewLitigation;
};

/** Where a value stands in the source: lines are 1-based in `ParseSuccess.sourceText`, chars 0-based, end exclusive. */
export type SourceLocation = {
  line: number;
  start: number;
  end: number;
  /** PDF only: 1-based page and the cell's box in PDF points [x0, y0, x1, y1], origin top-left */
  page?: number;
  box?: [number, number, number, number];
};

export type ValueStatus = "stated" | "inferred" | "missing";

/** Provenance of one value of the canonical document. */
export type ValueProvenance = {
  status: ValueStatus;
  /** the raw cell text as printed ("22（其中修订16件）", "1.83亿", "") */
  raw?: string;
  loc?: SourceLocation;
  /** for inferred values: the id of the identity that forced it (see identities.ts) */
  rule?: string;
  /** "ocr": read from a scan (识别自扫描件); loc then has the page and box */
  source?: "ocr";
  /** OCR only: the word confidence of the value's digits, 0–100 */
  confidence?: number;
};

/** Keyed by the value's JSON path in the canonical document, e.g. "requests.granted[6]", "active.licensing". */
export type Provenance = Record<string, ValueProvenance>;

export type FindingSeverity = "error" | "warning" | "info";

/**
 * Something the parser wants a person to know: a failed identity, a cell it could not place,
 * a narrative figure that contradicts the table, a missing section. Message in Chinese, code in English.
 */
/** Every kind of finding the parser reports (English code; the message says it in Chinese). */
export type FindingCode =
  /** an accounting identity (勾稽关系) does not hold; `rule` names it (lib/report/identities.ts) */
  | "identity-failed"
  /** a figure in the narrative (正文) contradicts the table */
  | "narrative-mismatch"
  | "section-missing"
  | "template-unknown"
  | "year-missing"
  | "agency-missing"
  | "region-unresolved"
  /** the agency's place is a managed area (平潭综合实验区) resolved through lib/regions/area-aliases */
  | "region-alias"
  /** a section 二 cell whose unit does not fit its column (money in a count, a count in 万元), left null */
  | "unit-mismatch"
  | "cells-unplaced"
  /** a run of digits too long to be read as cells (parse-number MAX_NUMBER_CHARS): its row is left null */
  | "digits-overlong"
  /** numbers right below a row (or one too many in section 四) that may be the tails of cells wrapped onto the next
   *  line (12 / 34 for 1234): the row is read with and without joining them, and only a reading the identities confirm
   *  is taken (lib/report/wrapped-cells.ts) */
  | "cell-wrapped"
  | "row-missing"
  /** section 三: another row's label text stands on this row's label line (a wrapped or misread label): which row the
   *  numbers belong to is not certain, so the row (and the row it is crossed with) is left to the identities, else null */
  | "row-label-crossed"
  /** rows of numbers in section 三 printed apart from their labels, placed by the template's row order (class 2) */
  | "labels-detached"
  | "group-subtotal"
  | "scope-summary"
  /** a titled report whose tables came out with no numbers */
  | "tables-empty"
  /** the repair step (repair.ts) could not settle a row */
  | "repair-ambiguous"
  | "repair-inconsistent"
  | "repair-gave-up"
  /** OCR (lib/report/ocr): a misread digit put right by an identity */
  | "ocr-corrected"
  /** OCR: a value no identity confirms, left null */
  | "ocr-unconfirmed"
  /** OCR: an identity still fails on the OCR numbers: they are withheld (null) */
  | "ocr-identity-failed"
  /** OCR: a misread place name in the agency's title put right by the gazetteer */
  | "ocr-place-corrected"
  /** a PDF whose text is an OCR program's hidden layer over scanned pages: its numbers are checked as OCR readings */
  | "pdf-ocr-text-layer"
  /** a UTF-8 file with a few invalid bytes: read as UTF-8, each bad sequence replaced by U+FFFD */
  | "encoding-replaced";

export type Finding = {
  code: FindingCode;
  severity: FindingSeverity;
  message: string;
  /** 二 | 三 | 四 */
  table?: string;
  /** the row's canonical path or label */
  row?: string;
  /** column index (section 三: 0–6) or field name */
  column?: number | string;
  expected?: number;
  actual?: number;
  /** the identity id for identity failures */
  rule?: string;
  loc?: SourceLocation;
};

export type SourceKind = "text" | "html" | "docx" | "pdf" | "doc" | "ocr";

export type ParseSuccess = {
  ok: true;
  document: CanonicalReport;
  provenance: Provenance;
  findings: Finding[];
  /** the text the locations point into, one report line per line (for HTML/DOCX/PDF: the extracted text) */
  sourceText: string;
  sourceKind: SourceKind;
};

/** The input is not an annual report at all (empty, unrelated page, binary junk, scanned PDF). */
export type ParseFailure = {
  ok: false;
  error: { code: ParseFailureCode; message: string };
};

export type ParseFailureCode =
  | "empty"
  | "not-a-report"
  | "unsupported-media-type"
  | "unreadable"
  | "pdf-no-text-layer"
  | "pdf-encrypted"
  | "pdf-damaged"
  /** the parse ran past its wall-clock limit (the parse worker was stopped), or OCR past its own */
  | "timeout"
  /** over a declared-size limit (see limits.ts): PDF pages, zip unpacked size / entries, HTML depth, text length */
  | "too-many-pages"
  | "too-large-unpacked"
  | "too-deep"
  | "too-long-text"
  /** the parse worker ran out of its memory limit and was stopped */
  | "out-of-memory"
  /** the parse worker died for another reason (the file still cost only that worker) */
  | "worker-crashed"
  /** a scan with more pages than OCR_MAX_PAGES */
  | "ocr-page-limit"
  | "ocr-unavailable";

export type ParseResult = ParseSuccess | ParseFailure;

/** What `parseReport` accepts. */
export type ReportInput =
  | { text: string }
  | { html: string }
  /** raw bytes: mediaType or fileName picks the decoder; text bytes may be UTF-8 or GB18030/GBK */
  | { bytes: Uint8Array; mediaType?: string; fileName?: string };

/** Options of `parseReport`: the OCR engine for scans (injected, so the parser stays pure). */
export type ParseOptions = { ocr?: import("./ocr/types").OcrRecognizer };
