/**
 * Chart series colours. Hex values for recharts (SVG fills) and the matching full Tailwind class
 * names for legends and tables, kept side by side so they never drift apart.
 */
export const CHART_COLORS = {
  sky: { hex: "#0369a1", swatch: "bg-sky-700" },
  amber: { hex: "#b45309", swatch: "bg-amber-700" },
  emerald: { hex: "#047857", swatch: "bg-emerald-700" },
  rose: { hex: "#be123c", swatch: "bg-rose-700" },
  violet: { hex: "#6d28d9", swatch: "bg-violet-700" },
  slate: { hex: "#475569", swatch: "bg-slate-600" },
} as const satisfies Record<string, { hex: string; swatch: string }>;

export type ChartColor = keyof typeof CHART_COLORS;

/** Colours in the order series get them when none is named. */
export const CHART_COLOR_ORDER: readonly ChartColor[] = ["sky", "amber", "emerald", "rose", "violet", "slate"];

/** The colour of the i-th series. */
export function colorAt(i: number): (typeof CHART_COLORS)[ChartColor] {
  return CHART_COLORS[CHART_COLOR_ORDER[i % CHART_COLOR_ORDER.length] ?? "sky"];
}
