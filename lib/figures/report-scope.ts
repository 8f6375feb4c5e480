/** 报告口径 choices of a peer group: own = 本机关报告, summary = 汇总报告, all = both. */
export const REPORT_SCOPES = ["own", "summary", "all"] as const;
export type ReportScopeChoice = (typeof REPORT_SCOPES)[number];
export const REPORT_SCOPE_NAMES: Record<ReportScopeChoice, string> = {
  own: "本机关报告",
  summary: "汇总报告",
  all: "本机关报告和汇总报告",
};
