/**
 * The look of a badge (通过 / 未通过 / 样本较小 …): components/ui/badge for React, and the pages' rows built as HTML
 * strings (lib/view/to-region-agency-rows-html), one definition for both. Full Tailwind class names, so Tailwind keeps them.
 */
export const BADGE_TONES = {
  neutral: "bg-slate-100 text-slate-700",
  ok: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
  warn: "bg-amber-50 text-amber-900 ring-1 ring-amber-200",
  error: "bg-red-50 text-red-800 ring-1 ring-red-200",
  info: "bg-sky-50 text-sky-800 ring-1 ring-sky-200",
} as const satisfies Record<string, string>;

export type BadgeTone = keyof typeof BADGE_TONES;

/** The class attribute of a badge of this tone. */
export function badgeClassName(tone: BadgeTone = "neutral"): string {
  return `inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${BADGE_TONES[tone]}`;
}
