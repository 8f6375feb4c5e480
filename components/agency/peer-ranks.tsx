import Link from "next/link";
import type { PeerRank } from "@/lib/db/agencies";

export type PeerRankItem = { figure: string; label: string; order: string; rank: PeerRank };

type PeerRanksProps = { agencyId: number; year: number; peerGroup: string; items: PeerRankItem[] };

/** 第 N / M 名 among peers, each linking to the full ranking with this agency highlighted. */
export function PeerRanks({ agencyId, year, peerGroup, items }: PeerRanksProps) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-600">同级同类机关（{peerGroup}）中的位次，仅比较各机关的最新版本。</p>
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <li key={item.figure} className="flex flex-wrap items-baseline gap-x-2" data-testid={`rank-${item.figure}`}>
            <span className="font-medium">{item.label}</span>
            <span className="text-slate-600">（{item.order}）</span>
            <span className="tabular-nums">{describeRank(item.rank)}</span>
            <Link href={`/rankings?figure=${item.figure}&year=${year}&highlight=${agencyId}`} className="text-sky-800 underline">
              查看排名
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describeRank(rank: PeerRank): string {
  if (!rank) return "本年无可排名的数值（未填报或无法计算），未参与排名";
  if (rank.excludedAsSmall) return "办结量不足 10 件，样本较小，默认不参与排名";
  return `第 ${rank.rank} / ${rank.total} 名`;
}
