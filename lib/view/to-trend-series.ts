/**
 * Shapes an agency's latest report of each year into trend chart rows (counts and rates per year). Pure.
 * An agency's rates are the stored columns (lib/figures, null when undefined: a gap, never 0); region totals pool
 * counts with lib/figures' `toRate`.
 */
import { sumOrNull, toRate, type Rate } from "../figures/figures";

type YearFigures = {
  year: number;
  requestsReceived: number | null;
  requestsHandled: number | null;
  notHeld: number | null;
  disclosed: number | null;
};
/** A year's stored figure columns, with the rates as stored at ingest (lib/figures), so the trend never recomputes them. */
type YearFigureRow = YearFigures & { notHeldRate: number | null; disclosureRate: number | null };

export type TrendRow = {
  year: string;
  requestsReceived: number | null;
  requestsHandled: number | null;
  notHeldRate: number | null;
  disclosureRate: number | null;
};

/**
 * One row per year from the first to the last published year, oldest first. A year the agency did not
 * publish is a row of nulls, so the chart shows a gap instead of a line straight across it.
 */
export function toTrendSeries(rows: YearFigureRow[]): TrendRow[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const years = [...byYear.keys()];
  if (years.length === 0) return [];
  const out: TrendRow[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const r = byYear.get(year);
    out.push({
      year: String(year),
      requestsReceived: r?.requestsReceived ?? null,
      requestsHandled: r?.requestsHandled ?? null,
      notHeldRate: r?.notHeldRate ?? null,
      disclosureRate: r?.disclosureRate ?? null,
    });
  }
  return out;
}

/** Per-year totals over many agencies' rows (region totals). */
export type RegionYearTotal = {
  year: number;
  reports: number;
  requestsReceived: number | null;
  requestsHandled: number | null;
  notHeld: number | null;
  disclosed: number | null;
  /** reports whose 申请量 is 未填报 (left out of the sum) */
  missingReceived: number;
  /** 不掌握信息率 over the reports that state both 不掌握 and 办结量 */
  notHeldRate: Rate;
  /** 公开率 over the reports that state both 公开 and 办结量 */
  disclosureRate: Rate;
};

function pooledRate(list: YearFigures[], key: "notHeld" | "disclosed"): Rate {
  const usable = list.filter((r) => r[key] !== null && r.requestsHandled !== null);
  if (usable.length === 0) return toRate(null, null);
  return toRate(sumOrNull(...usable.map((r) => r[key])), sumOrNull(...usable.map((r) => r.requestsHandled)));
}

/** Sums each year's figures over the given reports, counting (not hiding) reports that left a value out. */
export function toRegionYearTotals(rows: YearFigures[]): RegionYearTotal[] {
  const byYear = new Map<number, YearFigures[]>();
  for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  const sumKnown = (list: YearFigures[], key: keyof Omit<YearFigures, "year">) => {
    const known = list.map((r) => r[key]).filter((v): v is number => v !== null);
    return known.length === 0 ? null : sumOrNull(...known);
  };
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => ({
      year,
      reports: list.length,
      requestsReceived: sumKnown(list, "requestsReceived"),
      requestsHandled: sumKnown(list, "requestsHandled"),
      notHeld: sumKnown(list, "notHeld"),
      disclosed: sumKnown(list, "disclosed"),
      missingReceived: list.filter((r) => r.requestsReceived === null).length,
      notHeldRate: pooledRate(list, "notHeld"),
      disclosureRate: pooledRate(list, "disclosed"),
    }));
}
