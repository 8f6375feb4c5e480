import { describe, expect, it } from "vitest";
import { toRate } from "./figures/figures";
import { formatCount, formatPercent, formatRateValue, formatWanYuan, toRateDisplay } from "./format";

describe("format", () => {
  it("shows null as 未填报, never 0", () => {
    expect(formatCount(null)).toBe("未填报");
    expect(formatWanYuan(null)).toBe("未填报");
    expect(formatCount(0)).toBe("0 件");
  });

  it("shows an undefined rate as —, never NaN or 0%", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(Number.NaN)).toBe("—");
    expect(toRateDisplay(toRate(1, null)).text).toBe("—");
  });

  it("shows 0/0 as —（无办结）: neither 未填报 nor 样本较小", () => {
    expect(toRateDisplay(toRate(0, 0))).toEqual({ text: "—（无办结）", counts: null, isSmall: false });
    expect(formatRateValue(null, 0)).toBe("—（无办结）");
    expect(formatRateValue(null, null)).toBe("—");
  });

  it("calls 1–9 cases a small sample and 0 or 10 not", () => {
    expect(toRateDisplay(toRate(0, 1)).isSmall).toBe(true);
    expect(toRateDisplay(toRate(9, 9)).isSmall).toBe(true);
    expect(toRateDisplay(toRate(0, 10)).isSmall).toBe(false);
    expect(toRateDisplay(toRate(0, 0)).isSmall).toBe(false);
  });

  it("rounds to one decimal and keeps the counts", () => {
    const display = toRateDisplay(toRate(30, 66));
    expect(display).toEqual({ text: "45.5%", counts: "30/66", isSmall: false });
  });

  it("marks a rate over fewer than 10 handled as a small sample", () => {
    expect(toRateDisplay(toRate(2, 4))).toEqual({ text: "50.0%", counts: "2/4", isSmall: true });
  });

  it("formats 万元 with up to two decimals", () => {
    expect(formatWanYuan(709.48)).toBe("709.48 万元");
    expect(formatWanYuan(18300)).toBe("18,300 万元");
  });
});
