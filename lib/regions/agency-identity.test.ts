import { describe, expect, it } from "vitest";
import { getRegion } from "@/lib/regions/gazetteer";
import {
  toAgencyIdentity,
  toAgencyIdentityName,
  toAgencyKind,
  toCanonicalAgencyName,
  toPeerGroupCodes,
} from "@/lib/regions/agency-identity";

describe("toAgencyKind", () => {
  it.each([
    ["鄂托克旗人民政府", "人民政府"],
    ["阿拉善盟行政公署", "行政公署"],
    ["内蒙古自治区人民政府办公厅", "办公厅"],
    ["阿拉善盟行政公署办公室", "办公室"],
    ["东城区东华门街道办事处", "街道"],
    ["鄂尔多斯市公安局", "部门"],
  ])("%s → %s", (name, kind) => {
    expect(toAgencyKind(name)).toBe(kind);
  });
});

describe("toCanonicalAgencyName", () => {
  it("turns a bare place name into that place's 人民政府, a 盟 into its 行政公署", () => {
    expect(toCanonicalAgencyName("鄂托克旗", getRegion("150624"))).toBe("鄂托克旗人民政府");
    expect(toCanonicalAgencyName("阿拉善盟", getRegion("152900"))).toBe("阿拉善盟行政公署");
  });
  it("completes X政府 and removes whitespace, leaves full names alone", () => {
    expect(toCanonicalAgencyName("鄂托克旗 政府", getRegion("150624"))).toBe("鄂托克旗人民政府");
    expect(toCanonicalAgencyName("阿拉善盟行政公署办公室", getRegion("152900"))).toBe("阿拉善盟行政公署办公室");
  });
});

describe("toPeerGroupCodes", () => {
  it("gives province, prefecture and county codes by level", () => {
    expect(toPeerGroupCodes(getRegion("152223202"))).toEqual({ provinceCode: "150000", prefectureCode: "152200", countyCode: "152223" });
    expect(toPeerGroupCodes(getRegion("152900"))).toEqual({ provinceCode: "150000", prefectureCode: "152900", countyCode: null });
    expect(toPeerGroupCodes(undefined)).toEqual({ provinceCode: null, prefectureCode: null, countyCode: null });
  });
});

describe("toAgencyIdentityName", () => {
  it("drops the ancestors' names printed before the body's own name", () => {
    expect(toAgencyIdentityName("淮安市洪泽区人民政府", getRegion("320813"))).toBe("洪泽区人民政府");
    expect(toAgencyIdentityName("江苏省淮安市洪泽区人民政府", getRegion("320813"))).toBe("洪泽区人民政府");
    expect(toAgencyIdentityName("洪泽区人民政府", getRegion("320813"))).toBe("洪泽区人民政府");
  });
  it("keeps the region's own name and names of other places", () => {
    expect(toAgencyIdentityName("淮安市人民政府", getRegion("320800"))).toBe("淮安市人民政府");
    expect(toAgencyIdentityName("扎赉特旗宝力根花苏木人民政府", getRegion("152223202"))).toBe("宝力根花苏木人民政府");
    expect(toAgencyIdentityName("鄂托克旗人民政府", undefined)).toBe("鄂托克旗人民政府");
  });
});

describe("toAgencyIdentity", () => {
  it("names a body the same whichever printed form of it arrives first (the stored name never depends on ingest order)", () => {
    const long = toAgencyIdentity({ name: "淮安市洪泽区人民政府", regionCode: "320813" });
    const short = toAgencyIdentity({ name: "洪泽区人民政府", regionCode: "320813" });
    expect(long.name).toBe("洪泽区人民政府");
    expect(short.name).toBe(long.name);
    expect(short.key).toBe(long.key);
    expect(long.printed).toBe("淮安市洪泽区人民政府");
    expect(toAgencyIdentity({ name: "内蒙古自治区鄂尔多斯市鄂托克旗人民政府", regionCode: "150624" }).name).toBe("鄂托克旗人民政府");
  });

  it("keeps a department's own place prefix, dropping only the ancestors printed before it", () => {
    expect(toAgencyIdentity({ name: "江苏省淮安市财政局", regionCode: "320800" }).name).toBe("淮安市财政局");
    expect(toAgencyIdentity({ name: "淮安市财政局", regionCode: "320800" }).name).toBe("淮安市财政局");
  });
});
