/**
 * The figures regions are compared on (地区比较): counts that add up across bodies, and rates recomputed from summed
 * counts. 复议纠错率 and 收费 are left out: a region's review cases and fees are not reported in a way that adds up.
 */
import type { FigureKey } from "./figures";

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
