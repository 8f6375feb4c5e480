import { describe, expect, it } from "vitest";
import { compareQuerySchema, parseParams, rankingQuerySchema } from "./params";

describe("parseParams", () => {
  it("fills defaults and treats empty values as unset", () => {
    const p = parseParams(rankingQuerySchema, new URLSearchParams("figure=&year=2025&scope=&level=县"));
    expect(p).toMatchObject({
      figure: "requestsReceived",
      year: 2025,
      scope: undefined,
      level: "县",
      include: false,
      page: 1,
      pageSize: 50,
    });
  });

  it("takes the narrower of the two scope selects (last non-empty value)", () => {
    expect(parseParams(rankingQuerySchema, new URLSearchParams("scope=150000&scope=150600")).scope).toBe("150600");
    expect(parseParams(rankingQuerySchema, new URLSearchParams("scope=150000&scope=")).scope).toBe("150000");
    expect(parseParams(rankingQuerySchema, { scope: ["150000", "150600"] }).scope).toBe("150600");
  });

  it("reads up to ten distinct agency ids", () => {
    expect(parseParams(compareQuerySchema, new URLSearchParams("agencies=3,5,3")).agencies).toEqual([3, 5]);
    expect(() => parseParams(compareQuerySchema, new URLSearchParams("agencies=1,2,3,4,5,6,7,8,9,10,11"))).toThrow(/最多 10/);
  });

  it("names every bad parameter in one message", () => {
    expect(() => parseParams(rankingQuerySchema, new URLSearchParams("figure=x&year=abc"))).toThrow(/figure.*year/);
  });
});
