import { describe, expect, it } from "vitest";
import { radicalsToIdeographs, toHalfWidth } from "./normalize";

describe("radical code points (Chromium/Skia PDF text layers)", () => {
  it("reads Kangxi and supplement radicals as the ideographs of simplified Chinese, keeping every index", () => {
    const printed = "⼀、本年新收政府信息公开申请数量 ⾏政许可 ⻔⼾⽹站 ⺠意 ⻓期 ⽆法提供";
    const read = toHalfWidth(printed);
    expect(read).toBe("一、本年新收政府信息公开申请数量 行政许可 门户网站 民意 长期 无法提供");
    expect(read.length).toBe(printed.length);
    expect(radicalsToIdeographs("⼯作年度报告")).toBe("工作年度报告");
  });

  it("reads a typographic minus as a sign and leaves other text alone", () => {
    expect(toHalfWidth("−185")).toBe("-185");
    expect(toHalfWidth("行政许可")).toBe("行政许可");
  });
});
