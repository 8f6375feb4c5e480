import { describe, expect, it } from "vitest";
import { parseScope, scopeFinding } from "./parse-scope";
import { tokenize } from "./tokenize";

const scopeOf = (text: string) => parseScope(tokenize(text));

describe("parseScope", () => {
  it.each([
    [
      "全市共受理 (淮安市 2024, the phrase broken across PDF lines)",
      "2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件）",
      "region-total",
      "全市共受理政府信息公开申请3119件",
    ],
    [
      "全区各级行政机关共受理 (平潭 2020)",
      "4.认真办理依申请公开2020年全区各级行政机关共受理政府信息公开申请21件，受理的申请件已按规定答复。",
      "region-total",
      "全区各级行政机关共受理政府信息公开申请21件",
    ],
    ["全区共收到 N 件申请 (平潭 2021)", "本年度全区共收到70件申请，及时依法依规办结69件。", "region-total", "全区共收到70件申请"],
    ["汇总…各有关单位", "本报告由县人民政府办公室汇总各有关单位年度报告数据编制而成。", "compiled-from-units", null],
    ["数据包括各部门、各乡镇", "本报告所列数据包括县政府各部门和各乡镇人民政府。", "covers-units", null],
  ])("%s is a summary report, with the phrase as evidence", (_name, text, rule, phrase) => {
    const scope = scopeOf(text);
    expect(scope.value).toBe("summary");
    expect(scope.evidence?.rule).toBe(rule);
    if (phrase) expect(scope.evidence?.text).toBe(phrase);
    const [finding] = scopeFinding(scope);
    expect(finding).toMatchObject({ code: "scope-summary", severity: "info" });
    expect(finding!.loc!.line).toBe(1);
  });

  it.each([
    ["a body's own count", "三是依法依规办理申请。全年共受理政府信息公开申请 72 件，已依法办结 66 件。"],
    ["全区 without a request count", "进一步提升全区依申请公开受理答复的规范性、严谨性。"],
    ["全旗 about other information", "全旗各地各部门累计上报政务信息报送系统信息1693条。"],
    ["汇总 without other units", "二是加强对典型案例的研究、梳理和汇总。"],
    ["the report's parts listed", "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。"],
    ["安全 is not 全市", "开展安全市场检查，受理投诉申请 12 件。"],
    ["the office on the government's behalf", "2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。"],
  ])("%s is the body's own report", (_name, text) => {
    expect(scopeOf(text)).toEqual({ value: "own", evidence: null });
    expect(scopeFinding(scopeOf(text))).toEqual([]);
  });
});
