import Link from "next/link";
import type { PeerGroup, PeerRank } from "@/lib/db/agencies";

export type PeerRankItem = { figure: string; label: string; order: string; result: { group: PeerGroup; rank: PeerRank } | null };

type PeerRanksProps = { agencyId: number; peerGroupLabel: string; items: PeerRankItem[] };

/** The ranking page's URL for this peer group, with the agency highlighted. */
function toRankingHref(figure: string, group: PeerGroup, agencyId: number): string {
  const params = new URLSearchParams({ figure, year: String(group.year), level: group.level, kind: group.kind });
  if (group.scope) params.set("scope", group.scope);
  if (group.reportScope !== "own") params.set("reportScope", group.reportScope);
  params.set("highlight", String(agencyId));
  return `/rankings?${params.toString()}`;
}

/** 第 N / M 名 among peers, each linking to the full ranking with this agency highlighted. */
export function PeerRanks({ agencyId, peerGroupLabel, items }: PeerRanksProps) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-600">
        同级同类机关（{peerGroupLabel}）中的位次，仅比较各机关的最新版本；样本较小或勾稽关系不符的报告默认不参与排名。
      </p>
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <li key={item.figure} className="flex flex-wrap items-baseline gap-x-2" data-testid={`rank-${item.figure}`}>
            <span className="font-medium">{item.label}</span>
            <span className="text-slate-600">（{item.order}）</span>
            <span className="tabular-nums">{describeRank(item.result?.rank ?? null)}</span>
            {item.result ? (
              <Link href={toRankingHref(item.figure, item.result.group, agencyId)} className="text-sky-800 underline">
                查看排名
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function describeRank(rank: PeerRank | null): string {
  if (rank?.status === "ranked") return `第 ${rank.rank} / ${rank.total} 名`;
  if (rank?.status === "small-sample") return "办结量不足 10 件，样本较小，默认不参与排名";
  if (rank?.status === "identity-failed") return "报告勾稽关系不符，默认不参与排名";
  return "本年无可排名的数值（未填报或无法计算），未参与排名";
}
