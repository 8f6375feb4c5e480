import { describe, expect, it } from "vitest";
import { isMixedGroup, toOrderReading, toPeerGroupName, toPercentileSentence } from "./peer-group-words";

describe("peer group in words", () => {
  it("names level, kind, region and 口径", () => {
    expect(toPeerGroupName({ scope: "320000", level: "县", kind: "人民政府", reportScope: "own" })).toBe(
      "江苏省的县级人民政府（本机关报告）",
    );
    expect(toPeerGroupName({ level: "all", kind: "all", reportScope: "summary" })).toBe("全国各层级机关（汇总报告）");
    expect(isMixedGroup({ level: "县", kind: "人民政府", reportScope: "own" })).toBe(false);
    expect(isMixedGroup({ level: "县", kind: "all", reportScope: "own" })).toBe(true);
  });

  it("says plainly whether high is good or bad", () => {
    expect(toOrderReading("notHeldRate", "desc")).toBe("排第一的是不掌握信息率最高的机关。不掌握信息率越高越值得关注（越高越不好）。");
    expect(toOrderReading("disclosureRate", "desc")).toContain("公开率越高越好");
    expect(toOrderReading("requestsReceived", "asc")).toContain("排第一的是申请量最低的机关");
    expect(toPercentileSentence("notHeldRate", "desc", 3, 40, 92.5)).toBe("第 3 / 40 名，不掌握信息率高于 92.5% 的同类机关（越高越不好）");
    expect(toPercentileSentence("requestsReceived", "desc", 1, 2, 100)).toContain("高低本身无好坏之分");
  });
});
