import { describe, expect, it } from "vitest";
import { countOutliers, toBarView } from "./to-bar-view";

const bars = (values: number[]) => values.map((value, i) => ({ id: i + 1, name: `机关${i + 1}`, value }));

describe("toBarView", () => {
  it("clips one huge outlier beside hundreds of two-digit values, keeping its real value, and never flattens the rest", () => {
    const values = [3_985_758, ...Array.from({ length: 300 }, (_, i) => 10 + (i % 90))];
    const view = toBarView(bars(values), 20);
    expect(view.bars).toHaveLength(20);
    expect(view.bars[0]).toMatchObject({ value: 3_985_758, isClipped: true });
    expect(view.clipAt).not.toBeNull();
    expect(view.bars[0]!.drawn).toBe(view.clipAt);
    // the second bar takes most of the axis (≥ 3/4 of it), not 1/40000 of it
    expect(view.bars[1]!.drawn / view.clipAt!).toBeGreaterThanOrEqual(0.75);
    expect(view.bars.slice(1).every((b) => !b.isClipped && b.drawn === b.value)).toBe(true);
    expect(view.rest).toEqual({ count: 281, max: expect.any(Number), median: expect.any(Number), min: 10 });
    expect(view.rest!.max).toBeLessThanOrEqual(view.bars[19]!.value);
  });

  it("does not clip an even spread or a gap below the first few bars", () => {
    expect(countOutliers([100, 90, 80, 10])).toBe(0);
    expect(countOutliers([100, 90, 80, 70, 1])).toBe(0);
    expect(toBarView(bars([5, 4, 3]), 20)).toMatchObject({ clipAt: null, rest: null });
  });

  it("clips the top two when both stand far above the rest, at the largest jump", () => {
    expect(countOutliers([50_000, 40_000, 30, 20])).toBe(2);
    expect(countOutliers([1000, 40, 39])).toBe(1);
    expect(countOutliers([1000, 100, 10, 9])).toBe(0);
  });

  it("counts the rest from the total when the bars are a sample, and gives no median it cannot know", () => {
    const sample = bars([900, 800, 700, 600, 10]);
    expect(toBarView(sample, 3, 500).rest).toEqual({ count: 497, max: 600, median: null, min: 10 });
    expect(toBarView(sample, 3).rest).toEqual({ count: 2, max: 600, median: 305, min: 10 });
  });

  it("does not clip above zeros (no scale to save) and shows every bar with topN null", () => {
    expect(countOutliers([7, 0, 0])).toBe(0);
    expect(toBarView(bars([3, 2, 1]), null).bars.map((b) => b.value)).toEqual([3, 2, 1]);
  });
});
