import { describe, expect, it } from "vitest";
import { toViewHref } from "./view-href";

describe("toViewHref", () => {
  it("leaves out defaults and empty values", () => {
    expect(toViewHref("/rankings", { figure: "requestsReceived", year: 2025, scope: undefined, page: 1, include: false })).toBe(
      "/rankings?year=2025",
    );
  });

  it("applies overrides and joins lists", () => {
    expect(toViewHref("/compare", { figure: "notHeldRate", agencies: [3, 5] }, { page: 2 })).toBe(
      "/compare?figure=notHeldRate&agencies=3%2C5&page=2",
    );
  });
});
