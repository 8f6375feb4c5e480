import { describe, expect, it } from "vitest";
import { toSearchTerms } from "./to-search-terms";

describe("toSearchTerms", () => {
  it("splits mixed input on spaces and full-width punctuation", () => {
    expect(toSearchTerms("  鄂尔多斯，鄂托克 ")).toEqual(["鄂尔多斯", "鄂托克"]);
  });
  it("drops noise words and years", () => {
    expect(toSearchTerms("额敏县 2025年 政府信息公开工作年度报告")).toEqual(["额敏县"]);
  });
  it("drops a stray single character next to real words", () => {
    expect(toSearchTerms("额敏县政府2025年报")).toEqual(["额敏县政府"]);
  });
  it("normalises full-width letters and returns nothing for blank input", () => {
    expect(toSearchTerms("ＡＢＣ")).toEqual(["ABC"]);
    expect(toSearchTerms("   ")).toEqual([]);
  });
});
