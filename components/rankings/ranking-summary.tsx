import type { Ranking } from "@/lib/db/rankings";
import { SMALL_SAMPLE_THRESHOLD } from "@/lib/figures/figures";
import { formatNumber } from "@/lib/format";

/** How many peers are ranked, what was left out and why, how to read 百分位, and where the highlighted agency stands. */
export function RankingSummary({ ranking, highlight }: { ranking: Ranking; highlight?: number }) {
  const { peers, leftOut, query, highlighted } = ranking;
  const excluded = [
    leftOut.smallSample > 0 ? `样本较小（少于 ${SMALL_SAMPLE_THRESHOLD} 件）${leftOut.smallSample} 份` : null,
    leftOut.identityFailed > 0 ? `勾稽关系不符 ${leftOut.identityFailed} 份` : null,
  ].filter(Boolean);
  return (
    <div className="space-y-1 text-sm text-slate-700" data-testid="ranking-summary">
      <p>
        共 <strong data-testid="peer-count">{formatNumber(peers)}</strong>{" "}
        个同类机关参与排名；并列者名次相同（下一名次顺延）。百分位表示领先于多少比例的其他同类机关。
      </p>
      {leftOut.notReported > 0 ? <p>另有 {formatNumber(leftOut.notReported)} 份报告未填报该项，不参与排名。</p> : null}
      {leftOut.noneHandled > 0 ? (
        <p data-testid="none-handled">
          另有 {formatNumber(leftOut.noneHandled)} 份报告该项为 —（无办结：分母为 0，比率无法计算），不参与排名。
        </p>
      ) : null}
      {excluded.length > 0 && !query.include ? <p>默认排除：{excluded.join("，")}。勾选“纳入”可将其计入并标出。</p> : null}
      {highlight !== undefined && !highlighted ? (
        <p role="status" className="text-amber-800">
          所查机关（编号 {highlight}）不在本排名中：可能未填报、被排除，或不属于这一同类组。
        </p>
      ) : null}
      {highlighted ? (
        <p role="status">
          所查机关位列第 <strong>{highlighted.rank}</strong> 名（共 {peers} 个）。
        </p>
      ) : null}
    </div>
  );
}
