import { describe, expect, it } from "vitest";
import { toAxisNameLines } from "./axis-name-tick";

describe("toAxisNameLines", () => {
  it("keeps a short name on one line and balances a longer one instead of leaving one character alone", () => {
    expect(toAxisNameLines("额敏县人民政府")).toEqual(["额敏县人民政府"]);
    expect(toAxisNameLines("阿拉善盟行政公署办公室")).toEqual(["阿拉善盟行政", "公署办公室"]);
  });

  it("never drops characters up to three lines, and ends a longer name in …", () => {
    const name = "内蒙古自治区鄂尔多斯市鄂托克旗人民政府办公室";
    expect(toAxisNameLines(name).join("")).toBe(name);
    const long = "新疆维吾尔自治区塔城地区额敏县人民政府办公室政务公开与信息化工作领导小组";
    const lines = toAxisNameLines(long);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => [...l].length <= 10)).toBe(true);
    expect(lines[2]!.endsWith("…")).toBe(true);
  });
});
