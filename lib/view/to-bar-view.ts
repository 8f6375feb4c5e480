/**
 * A ranked bar chart that stays readable with hundreds of bars (排名柱状图): the first `topN` bars with their names, the
 * rest summarised (count, highest, median, lowest), and an outlier far above the others (3,985,758 beside two-digit
 * values) drawn clipped at the edge with a marker and its real value, so it never flattens every other bar. Pure.
 */

/** One input bar: an agency or region and its value (sorted, highest first). */
export type RankedBarInput = { id: number; name: string; value: number };

/** One drawn bar: `drawn` is the length on the axis (the value, or the clip level for a clipped outlier). */
export type DrawnBar = RankedBarInput & { drawn: number; isClipped: boolean };

/** The bars after the first `topN`, in numbers; `median` only when every bar is at hand (not a sample of them). */
export type BarRest = { count: number; max: number; median: number | null; min: number };

export type BarView = {
  bars: DrawnBar[];
  rest: BarRest | null;
  /** the axis ends here when outliers are clipped (null: not clipped) */
  clipAt: number | null;
};

/** A bar is an outlier when it is at least this many times the next bar down (which it would flatten to under 5 %) (and at most MAX_CLIPPED bars are). */
export const OUTLIER_RATIO = 20;
/** Never clip more than this many bars: more than a few far above the rest is a spread, not an outlier. */
export const MAX_CLIPPED = 3;

/** How many of the top bars to clip: the largest jump (≥ OUTLIER_RATIO) among the first MAX_CLIPPED + 1 bars, else 0. */
export function countOutliers(values: readonly number[]): number {
  let best = 0;
  let bestRatio = OUTLIER_RATIO;
  for (let i = 1; i <= Math.min(MAX_CLIPPED, values.length - 1); i++) {
    const above = values[i - 1]!;
    const below = values[i]!;
    if (below <= 0) break;
    const ratio = above / below;
    if (ratio >= bestRatio) {
      best = i;
      bestRatio = ratio;
    }
  }
  return best;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The bars to draw: the first `topN` (all when `topN` is null), outliers clipped, the rest summarised. `total` is how many
 * bars there are when `input` is a sample of them (its first places whole, then evenly spaced, the last one kept): the rest
 * is then counted from `total`, its highest and lowest are exact and its median, which a sample cannot give, is null.
 */
export function toBarView(input: readonly RankedBarInput[], topN: number | null, total = input.length): BarView {
  const sorted = [...input].sort((a, b) => b.value - a.value);
  const shown = topN === null ? sorted : sorted.slice(0, topN);
  const others = topN === null ? [] : sorted.slice(topN);
  const outliers = countOutliers(shown.map((b) => b.value));
  const clipAt = outliers > 0 ? shown[outliers]!.value * 1.25 : null;
  const bars = shown.map((b, i) => ({ ...b, drawn: clipAt !== null && i < outliers ? clipAt : b.value, isClipped: i < outliers }));
  const restValues = others.map((b) => b.value).sort((a, b) => a - b);
  const isWhole = total === input.length;
  const rest =
    restValues.length === 0
      ? null
      : {
          count: total - shown.length,
          max: restValues.at(-1)!,
          median: isWhole ? median(restValues) : null,
          min: restValues[0]!,
        };
  return { bars, rest, clipAt };
}
