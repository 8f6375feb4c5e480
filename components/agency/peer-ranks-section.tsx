import type { PeerGroup, PeerRank } from "@/lib/db/agencies";
import { FIGURE_KEYS, getFigure } from "@/lib/figures/figures";
import { PeerRanks } from "./peer-ranks";

type PeerRanksSectionProps = {
  agencyId: number;
  /** the agency's place per figure of FIGURE_KEYS (getPeerRanks), started by the page alongside its other reads */
  ranks: Promise<({ group: PeerGroup; rank: PeerRank } | null)[]>;
  peerGroupLabel: string;
};

/** Shows the agency's peer rank on every rankable figure (rendered with the page, not streamed: readers without scripts see it too). */
export async function PeerRanksSection({ agencyId, ranks, peerGroupLabel }: PeerRanksSectionProps) {
  const results = await ranks;
  return (
    <PeerRanks
      agencyId={agencyId}
      peerGroupLabel={peerGroupLabel}
      items={FIGURE_KEYS.map((figure, i) => {
        const def = getFigure(figure);
        return { figure, label: def.label, order: def.unit === "%" ? "由高到低" : "由多到少", result: results[i] ?? null };
      })}
    />
  );
}
