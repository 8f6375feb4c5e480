import { describe, expect, it } from "vitest";
import type { Finding } from "../report/types";
import { describeRule } from "./report-fields";
import { toCrossYearCheck, toQualityReport } from "./to-quality-report";

describe("toQualityReport", () => {
  it("passes every family when there are no findings and lists inferred cells", () => {
    const report = toQualityReport({
      findings: [],
      provenance: { "requests.granted[6]": { status: "inferred", rule: "row-sum", loc: { line: 4, start: 0, end: 1 } } },
      document: { requests: { granted: [0, 0, 0, 0, 0, 0, 5] } },
    });
    expect(report.identities.every((i) => i.failures.length === 0)).toBe(true);
    expect(report.inferred).toEqual([{ path: "requests.granted[6]", label: "予以公开·总计", value: 5, rule: "row-sum", line: 4 }]);
  });

  it("shows the inferred report scope in Chinese: field, value and rule", () => {
    const report = toQualityReport({
      findings: [],
      provenance: { scope: { status: "inferred", rule: "scope-default-own" } },
      document: { scope: "own" },
    });
    expect(report.inferred).toEqual([{ path: "scope", label: "报告口径", value: "本机关报告", rule: "scope-default-own", line: null }]);
    expect(describeRule("scope-default-own")).toBe("报告未说明其数字为全地区汇总");
  });

  it("puts a failed identity under its family and keeps unplaced ones", () => {
    const failing: Finding = { code: "identity-failed", severity: "error", message: "不平", rule: "balance" };
    const odd: Finding = { code: "identity-failed", severity: "error", message: "?", rule: "zzz" };
    const report = toQualityReport({ findings: [failing, odd], provenance: {}, document: {} });
    expect(report.identities.find((i) => i.id === "balance")?.failures).toEqual([failing]);
    expect(report.identities.find((i) => i.id === "other")?.failures).toEqual([odd]);
  });
});

describe("toCrossYearCheck", () => {
  const rows = [
    { year: 2024, carriedOver: 0, carriedForward: 3 },
    { year: 2025, carriedOver: 3, carriedForward: 7 },
  ];
  it("matches this year's 上年结转 with last year's 结转下年度", () => {
    expect(toCrossYearCheck(2025, rows)).toMatchObject({ status: "match", carriedOver: 3, previousCarriedForward: 3 });
  });
  it("flags a mismatch and says when there is no previous year", () => {
    expect(toCrossYearCheck(2025, [{ ...rows[0]!, carriedForward: 4 }, rows[1]!]).status).toBe("mismatch");
    expect(toCrossYearCheck(2024, rows).status).toBe("no-previous-year");
  });
});

describe("toReaderText / describeRule", () => {
  it("puts quoted canonical keys and rule ids into Chinese", async () => {
    const { toReaderText, describeRule } = await import("./report-fields");
    expect(toReaderText("表四“review”行不满足勾稽关系")).toBe("表四“行政复议”行不满足勾稽关系");
    expect(toReaderText("表四“litigationAfterReview”行")).toBe("表四“行政诉讼·复议后起诉”行");
    expect(toReaderText("依据 gazetteer")).toBe("依据 行政区划名录");
    expect(describeRule("review-total")).toBe("复议/诉讼各项结果之和等于总计");
    expect(toReaderText("“未知键”不变")).toBe("“未知键”不变");
    expect(toReaderText("表三“granted…denied.stateSecret”：有多种填法")).toMatch(/^表三“[^A-Za-z”]+”至“[^A-Za-z”]+”：有多种填法$/);
    expect(describeRule("template-order")).toContain("模板行序");
  });
});
