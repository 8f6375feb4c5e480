import type { ReactNode } from "react";

/** Badge tones as full Tailwind class names (so Tailwind keeps them). */
const BADGE_TONES = {
  neutral: "bg-slate-100 text-slate-700",
  ok: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
  warn: "bg-amber-50 text-amber-900 ring-1 ring-amber-200",
  error: "bg-red-50 text-red-800 ring-1 ring-red-200",
  info: "bg-sky-50 text-sky-800 ring-1 ring-sky-200",
} as const satisfies Record<string, string>;

export type BadgeTone = keyof typeof BADGE_TONES;

/** A small inline label (通过 / 未通过 / 样本较小 …). */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${BADGE_TONES[tone]}`}>{children}</span>;
}
