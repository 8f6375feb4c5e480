/**
 * Whole views for download (全部结果): every row of a league table or comparison, not one page, read through the
 * same lib/db calls the pages use (listRanking, getComparison) with one page as large as the group, plus each row's
 * 报告口径 (own / summary) so a CSV of a mixed group says which report each number comes from.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { getComparison, type CompareQuery, type Comparison } from "@/lib/db/compare";
import { listRanking, type Ranking, type RankingQuery } from "@/lib/db/rankings";

/** One page holding the whole group: larger than any peer group can be (the page SQL reads positions ≤ this). */
const WHOLE_VIEW_PAGE_SIZE = 10_000_000;

/** 报告口径 of each report: "own" (本机关报告) or "summary" (汇总报告). */
export type ReportScopes = ReadonlyMap<number, string>;

/** The 报告口径 of these reports, by report id. */
export async function listReportScopes(reportIds: readonly number[]): Promise<ReportScopes> {
  if (reportIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.report.findMany({ where: { id: { in: [...reportIds] } }, select: { id: true, scope: true } });
  return new Map(rows.map((r) => [r.id, r.scope]));
}

/** Every ranked row of the league table (all pages), in the table's order, with each row's 报告口径. */
export async function listWholeRanking(query: RankingQuery): Promise<{ ranking: Ranking; reportScopes: ReportScopes }> {
  const ranking = await listRanking({ ...query, page: 1, pageSize: WHOLE_VIEW_PAGE_SIZE, highlight: undefined });
  return { ranking, reportScopes: await listReportScopes(ranking.rows.map((r) => r.reportId)) };
}

/** Every row of the comparison table (all pages), in the table's sort order, with each row's 报告口径. */
export async function getWholeComparison(query: CompareQuery): Promise<{ comparison: Comparison; reportScopes: ReportScopes }> {
  const comparison = await getComparison({ ...query, page: 1, pageSize: WHOLE_VIEW_PAGE_SIZE });
  return { comparison, reportScopes: await listReportScopes(comparison.rows.map((r) => r.reportId)) };
}
