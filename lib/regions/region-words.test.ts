import { describe, expect, it } from "vitest";
import { getRegion, listRegions } from "./gazetteer";
import { CHILD_LEVEL_NAMES, toProvinceKind, toWholeRegionWord } from "./region-words";

const region = (code: string) => {
  const r = getRegion(code);
  if (!r) throw new Error(`no region ${code}`);
  return r;
};

describe("toWholeRegionWord", () => {
  it("says 全市 for the four municipalities (直辖市), 全区 for autonomous regions and 全省 for provinces", () => {
    const provinces = listRegions().filter((r) => r.level === 1);
    const byWord = (word: string) =>
      provinces
        .filter((p) => toWholeRegionWord(p) === word)
        .map((p) => p.name)
        .sort();
    expect(byWord("全市")).toEqual(["上海市", "北京市", "天津市", "重庆市"].sort());
    expect(byWord("全区")).toEqual(["内蒙古自治区", "宁夏回族自治区", "广西壮族自治区", "新疆维吾尔自治区", "西藏自治区"].sort());
    expect(byWord("全省")).toHaveLength(provinces.length - 9);
    expect(byWord("全省")).not.toContain("北京市");
  });

  it("names a special administrative region 全区, though the gazetteer lists none", () => {
    expect(toProvinceKind("香港特别行政区")).toBe("特别行政区");
    expect(toWholeRegionWord({ name: "澳门特别行政区", level: 1 })).toBe("全区");
  });

  it("reads a lower region's kind from its name's ending", () => {
    expect(toWholeRegionWord(region("150600"))).toBe("全市"); // 鄂尔多斯市
    expect(toWholeRegionWord(region("152900"))).toBe("全盟"); // 阿拉善盟
    expect(toWholeRegionWord(region("150624"))).toBe("全旗"); // 鄂托克旗
    expect(toWholeRegionWord(region("433100"))).toBe("全州"); // 湘西土家族苗族自治州
    expect(toWholeRegionWord(region("320803"))).toBe("全区"); // 淮安区
    expect(toWholeRegionWord({ name: "大兴安岭地区", level: 2 })).toBe("全区");
    expect(toWholeRegionWord({ name: "某某农场", level: 4 })).toBe("全乡镇");
  });
});

describe("CHILD_LEVEL_NAMES", () => {
  it("names children by their own level", () => {
    expect(CHILD_LEVEL_NAMES[region("110101").level]).toBe("县区"); // 东城区, a child of 北京市
    expect(CHILD_LEVEL_NAMES[1]).toBe("省（区、市）");
  });
});
