import { describe, expect, it } from "vitest";
import { scoreDocument, tally } from "./score-document";

const expected = {
  schema: "ogi-annual-report/v1",
  year: 2021,
  agency: { name: ["甲管理委员会", "甲管委会"], regionCode: "350128" },
  active: { licensing: 5, penalty: null },
  requests: { granted: [1, 0, 1], otherHandling: { noCorrection: null } },
};

describe("scoreDocument", () => {
  it("counts right, missing and wrong values; agency.name is one of the accepted names", () => {
    const actual = {
      year: 2021,
      agency: { name: "甲管委会", regionCode: "350128" },
      active: { licensing: null, penalty: 3 },
      requests: { granted: [1, 9], otherHandling: { noCorrection: [0, 0] } },
    };
    const scored = scoreDocument(expected, actual);
    const byPath = Object.fromEntries(scored.map((s) => [s.path, s.outcome]));
    expect(byPath).toEqual({
      "agency.name": "right",
      year: "right",
      "agency.regionCode": "right",
      "active.licensing": "missing",
      "active.penalty": "wrong", // a number where the report states none
      "requests.granted[0]": "right",
      "requests.granted[1]": "wrong",
      "requests.granted[2]": "missing",
      "requests.otherHandling.noCorrection": "wrong",
    });
    expect(tally(scored)).toEqual({ right: 4, missing: 2, wrong: 3 });
  });

  it("a refused input has every value missing, none wrong", () => {
    const t = tally(scoreDocument(expected, null));
    expect(t).toEqual({ right: 0, missing: 9, wrong: 0 });
  });

  it("a wrong agency name is wrong, floats compare with a tolerance", () => {
    const scored = scoreDocument(
      { agency: { name: "乙人民政府" }, fee: 24252.311082 },
      { agency: { name: "丙" }, fee: 24252.311082000001 },
    );
    expect(scored.map((s) => s.outcome)).toEqual(["wrong", "right"]);
  });
});

describe("isTableValue", () => {
  it("table numbers are values; year, template, agency and dates are metadata", async () => {
    const { isTableValue } = await import("./score-document");
    expect(["active.licensing", "legacy2019.fees.change", "requests.granted[6]", "reviewLitigation.review.total"].every(isTableValue)).toBe(
      true,
    );
    expect(["year", "templateVersion", "agency.name", "agency.regionCode", "publishedOn"].some(isTableValue)).toBe(false);
  });
});
