import { describe, expect, it } from "vitest";
import { toAnyWordQuery, toBigrams, toGroupsQuery, toWordQuery } from "@/lib/search/token-query";

describe("toBigrams", () => {
  it("cuts a word into its two-character pieces, lower-cased, each once", () => {
    expect(toBigrams("鄂托克旗")).toEqual(["鄂托", "托克", "克旗"]);
    expect(toBigrams("鄂鄂鄂鄂")).toEqual(["鄂鄂"]);
    expect(toBigrams("XyZ")).toEqual(["xy", "yz"]);
    expect(toBigrams("鄂")).toEqual([]);
  });

  it("counts characters, not UTF-16 units (𬌗 is one character)", () => {
    expect(toBigrams("𬌗州")).toEqual(["𬌗州"]);
  });
});

describe("toWordQuery", () => {
  it("needs every piece of a word, and one character as the start of a piece", () => {
    expect(toWordQuery("鄂托克")).toBe("'鄂托' & '托克'");
    expect(toWordQuery("鄂")).toBe("'鄂':*");
    expect(toWordQuery("")).toBeNull();
  });

  it("quotes what tsquery would read as syntax", () => {
    expect(toWordQuery("a'b")).toBe("'a''' & '''b'");
    expect(toWordQuery("a\\")).toBe("'a\\\\'");
    expect(toWordQuery("a|")).toBe("'a|'");
  });
});

describe("toGroupsQuery", () => {
  it("needs every group, each by any of its alternatives", () => {
    expect(toGroupsQuery([["淮安"], ["鄂托克旗", "鄂托克前旗"]])).toBe(
      "(('淮安')) & (('鄂托' & '托克' & '克旗') | ('鄂托' & '托克' & '克前' & '前旗'))",
    );
  });

  it("is null without groups or with an empty group", () => {
    expect(toGroupsQuery([])).toBeNull();
    expect(toGroupsQuery([["淮安"], []])).toBeNull();
    expect(toAnyWordQuery(["", ""])).toBeNull();
  });
});
