import { getPeerRank } from "@/lib/db/agencies";
import { PeerRanks } from "./peer-ranks";

type PeerRanksSectionProps = { agencyId: number; year: number; peerGroupLabel: string };

/** Loads the agency's peer ranks (streamed in behind a loading placeholder) and shows them. */
export async function PeerRanksSection({ agencyId, year, peerGroupLabel }: PeerRanksSectionProps) {
  const [requestsRank, disclosureRank] = await Promise.all([
    getPeerRank({ agencyId, year, figure: "requestsReceived" }),
    getPeerRank({ agencyId, year, figure: "disclosureRate" }),
  ]);
  return (
    <PeerRanks
      agencyId={agencyId}
      peerGroupLabel={peerGroupLabel}
      items={[
        { figure: "requestsReceived", label: "申请量", order: "由多到少", result: requestsRank },
        { figure: "disclosureRate", label: "公开率", order: "由高到低", result: disclosureRank },
      ]}
    />
  );
}
