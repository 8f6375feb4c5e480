/**
 * The figures regions are compared on (地区比较): counts that add up across bodies, and rates recomputed from summed
 * counts. 复议纠错率 and 收费 are left out: a region's review cases and fees are not reported in a way that adds up.
 */
import type { AnyFigureKey, FigureKey, Figures } from "./figures";

export const REGION_FIGURE_KEYS = [
  "requestsReceived",
  "requestsHandled",
  "notHeldRate",
  "disclosureRate",
  "licensing",
  "penalty",
  "coercion",
] as const satisfies readonly FigureKey[];
export type RegionFigureKey = (typeof REGION_FIGURE_KEYS)[number];

/** The figures the region page shows for each agency's latest year and for each year of the region (机关表、历年表). */
export const REGION_PAGE_FIGURE_KEYS = [
  "requestsReceived",
  "requestsHandled",
  "notHeldRate",
  "disclosureRate",
] as const satisfies readonly AnyFigureKey[];
export type RegionPageFigureKey = (typeof REGION_PAGE_FIGURE_KEYS)[number];
/** Those figures of one report or one region-year: counts, and rates with their counts. */
export type RegionPageFigures = Pick<Figures, RegionPageFigureKey>;
