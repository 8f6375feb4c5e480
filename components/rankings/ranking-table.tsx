import Link from "next/link";
import { RegionPath } from "@/components/ui/region-path";
import { FigureValue } from "@/components/compare/figure-value";
import { Badge } from "@/components/ui/badge";
import type { RankingRow } from "@/lib/db/rankings";
import { FIGURE_META, type FigureKey } from "@/lib/figures/figures";

type RankingTableProps = {
  figure: FigureKey;
  rows: RankingRow[];
  peers: number;
  highlightId?: number;
};

/** The id of an agency's row, for ?highlight= and links. */
export function toRowId(agencyId: number): string {
  return `agency-${agencyId}`;
}

/** The league table: 名次 (ties share), 机关, value with counts, 百分位, and marks for small samples and failed checks. */
export function RankingTable({ figure, rows, peers, highlightId }: RankingTableProps) {
  const meta = FIGURE_META[figure];
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="ranking-table">
        <caption className="sr-only">
          {meta.label}排名，共 {peers} 个同类机关
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">
              名次
            </th>
            <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
              较上年
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              机关
            </th>
            <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
              层级 / 类别
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {meta.label}（{meta.unit}）
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              百分位
            </th>
            <th scope="col" className="py-2 font-medium">
              标记
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const isHighlighted = r.agencyId === highlightId;
            return (
              <tr
                key={r.reportId}
                id={toRowId(r.agencyId)}
                aria-current={isHighlighted ? "true" : undefined}
                data-highlighted={isHighlighted ? "true" : undefined}
                className={`border-b border-slate-100 ${isHighlighted ? "bg-amber-100 font-semibold" : ""}`}
              >
                <td className="py-1.5 pr-3 tabular-nums">{r.rank}</td>
                <td className="hidden py-1.5 pr-3 whitespace-nowrap tabular-nums sm:table-cell" data-testid="rank-change">
                  <RankChange rank={r.rank} previous={r.previousRank} />
                </td>
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <Link href={`/agencies/${r.agencyId}`} className="text-sky-800 hover:underline">
                    {r.agencyName}
                  </Link>
                  <RegionPath code={r.regionCode} />
                  {/* on a phone the two narrow columns would squeeze the name to three characters a line: shown here instead */}
                  <span className="block text-xs text-slate-600 sm:hidden">
                    {r.level} / {r.kind} · 较上年 <RankChange rank={r.rank} previous={r.previousRank} />
                  </span>
                </th>
                <td className="hidden py-1.5 pr-3 text-slate-600 sm:table-cell">
                  {r.level} / {r.kind}
                </td>
                <td className="py-1.5 pr-3 text-right">
                  <FigureValue
                    figure={figure}
                    value={r.value}
                    numerator={r.numerator}
                    denominator={r.denominator}
                    isSmallSample={r.isSmallSample}
                  />
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{r.percentile.toFixed(1)}</td>
                <td className="py-1.5">{r.identitiesOk ? null : <Badge tone="error">勾稽关系不符</Badge>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** 较上年: ↑3 (moved up three places), ↓2, 持平, or 上年未排名 (not ranked in the same group the year before). */
function RankChange({ rank, previous }: { rank: number; previous: number | null }) {
  if (previous === null) return <span className="text-slate-600">上年未排名</span>;
  const up = previous - rank;
  if (up === 0) return <span className="text-slate-600">持平</span>;
  return up > 0 ? (
    <span className="text-emerald-800" aria-label={`上升 ${up} 名（上年第 ${previous} 名）`}>
      ↑{up}
    </span>
  ) : (
    <span className="text-red-800" aria-label={`下降 ${-up} 名（上年第 ${previous} 名）`}>
      ↓{-up}
    </span>
  );
}
