/**
 * Shapes the chosen agencies' values across years into rows for the line chart: one row per year,
 * one column per agency (`a<id>`), null where the agency has no report or leaves the figure blank. Pure.
 */
import type { ChartCategory, ChartRow } from "@/lib/view/chart-types";

export type TrendPoint = { agencyId: number; agencyName: string; year: number; value: number | null };

/** Rows by year (oldest first) and one category per agency, in the order the agencies were chosen. */
export function toTrendData(points: TrendPoint[], agencyOrder: number[]): { data: ChartRow[]; categories: ChartCategory[] } {
  const names = new Map(points.map((p) => [p.agencyId, p.agencyName]));
  const categories = agencyOrder.filter((id) => names.has(id)).map((id) => ({ key: `a${id}`, label: names.get(id) ?? String(id) }));
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const data = years.map((year) => {
    const row: ChartRow = { year: String(year) };
    for (const c of categories) row[c.key] = null;
    for (const p of points) if (p.year === year) row[`a${p.agencyId}`] = p.value;
    return row;
  });
  return { data, categories };
}
