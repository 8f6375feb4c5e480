import { describe, expect, it } from "vitest";
import { toTrendData } from "./to-trend-data";

describe("toTrendData", () => {
  it("makes one row per year with a gap where an agency has no report", () => {
    const { data, categories } = toTrendData(
      [
        { agencyId: 1, agencyName: "甲", year: 2020, value: 2 },
        { agencyId: 1, agencyName: "甲", year: 2025, value: 72 },
        { agencyId: 2, agencyName: "乙", year: 2025, value: null },
      ],
      [2, 1],
    );
    expect(categories).toEqual([
      { key: "a2", label: "乙" },
      { key: "a1", label: "甲" },
    ]);
    expect(data).toEqual([
      { year: "2020", a1: 2, a2: null },
      { year: "2025", a1: 72, a2: null },
    ]);
  });
});
