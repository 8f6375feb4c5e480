import { describe, expect, it } from "vitest";
import { toRate } from "../figures/figures";
import { toRegionYearTotals, toTrendSeries } from "./to-trend-series";

/** A stored row: the rate columns as ingest writes them (lib/figures). */
const row = (year: number, handled: number | null, notHeld: number | null) => ({
  year,
  requestsReceived: handled,
  requestsHandled: handled,
  notHeld,
  disclosed: null,
  notHeldRate: toRate(notHeld, handled).value,
  disclosureRate: toRate(null, handled).value,
});

describe("toTrendSeries", () => {
  it("fills unpublished years with nulls so the chart shows a gap", () => {
    const series = toTrendSeries([row(2025, 66, 30), row(2022, 2, 0)]);
    expect(series.map((r) => r.year)).toEqual(["2022", "2023", "2024", "2025"]);
    expect(series[1]).toEqual({ year: "2023", requestsReceived: null, requestsHandled: null, notHeldRate: null, disclosureRate: null });
    expect(series[3]?.notHeldRate).toBeCloseTo(30 / 66);
  });
  it("keeps an undefined rate null (0 handled), never 0", () => {
    expect(toTrendSeries([row(2025, 0, 0)])[0]?.notHeldRate).toBeNull();
  });
});

describe("toRegionYearTotals", () => {
  it("sums known values, counts reports that left 申请量 out, and pools rates over reports that state both", () => {
    const [t] = toRegionYearTotals([row(2025, 66, 30), row(2025, 4, null), row(2025, null, null)]);
    expect(t).toMatchObject({ year: 2025, reports: 3, requestsHandled: 70, missingReceived: 1 });
    expect(t?.notHeldRate).toMatchObject({ numerator: 30, denominator: 66 });
  });
});
