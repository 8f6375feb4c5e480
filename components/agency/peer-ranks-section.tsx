import { getPeerRanks } from "@/lib/db/agencies";
import { FIGURE_KEYS, getFigure } from "@/lib/figures/figures";
import { PeerRanks } from "./peer-ranks";

type PeerRanksSectionProps = { agencyId: number; year: number; peerGroupLabel: string };

/** Loads the agency's peer rank on every rankable figure (streamed in behind a loading placeholder) and shows them. */
export async function PeerRanksSection({ agencyId, year, peerGroupLabel }: PeerRanksSectionProps) {
  const results = await getPeerRanks({ agencyId, year, figures: [...FIGURE_KEYS] });
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
