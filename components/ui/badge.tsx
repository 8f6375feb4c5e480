import type { ReactNode } from "react";
import { badgeClassName, type BadgeTone } from "@/lib/view/badge-tones";

export type { BadgeTone } from "@/lib/view/badge-tones";

/** A small inline label (通过 / 未通过 / 样本较小 …). */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={badgeClassName(tone)}>{children}</span>;
}
