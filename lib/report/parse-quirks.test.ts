import { describe, expect, it } from "vitest";
import { CLEAN, CLEAN_EXPECTED, parseOk, withLine } from "@/lib/testing/quirk-fixtures";

const FULL_WIDTH = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe("number quirks", () => {
  it("reads full-width digits and brackets", () => {
    const text = withLine(CLEAN, "（一）予以公开", FULL_WIDTH("三、本年度办理结果\t（一）予以公开\t140\t3\t0\t0\t0\t0\t143"));
    expect(parseOk(text).document.requests.granted).toEqual([140, 3, 0, 0, 0, 0, 143]);
  });

  it("converts 亿 and 元 to 万元", () => {
    expect(parseOk(withLine(CLEAN, "行政事业性收费", "行政事业性收费\t1.83亿\t\t")).document.active.feesWanYuan).toBe(18300);
    expect(parseOk(withLine(CLEAN, "行政事业性收费", "行政事业性收费\t5000元\t\t")).document.active.feesWanYuan).toBe(0.5);
  });

  it("reads annotated cells and thousands separators", () => {
    const r = parseOk(withLine(CLEAN, "行政规范性文件", "行政规范性文件\t4（其中修订2件）\t16\t93"));
    expect(r.document.active.normativeDocuments).toEqual({ issued: 4, repealed: 16, inForce: 93 });
    expect(r.provenance["active.normativeDocuments.issued"]!.raw).toBe("4（其中修订2件）");
    expect(r.document.active.licensing).toBe(1234);
  });

  it("treats /, — and 无 as blank cells that only identities may fill", () => {
    const text = withLine(CLEAN, "部分公开", "\t（二）部分公开\t1\t—\t/\t无\t0\t0\t1");
    const r = parseOk(text);
    expect(r.document.requests.partiallyGranted).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(r.provenance["requests.partiallyGranted[1]"]).toMatchObject({ status: "inferred", raw: "—" });
  });
});

describe("layout quirks", () => {
  it("ignores page footers and a repeated header between rows", () => {
    const header = "\t\t自然人\t法人或其他组织\t\t\t\t\t总计";
    const text = withLine(CLEAN, "（七）总计", `- 4 -\n-3-\n${header}\n\t（七）总计\t151\t3\t0\t0\t0\t0\t154`);
    expect(parseOk(text).document).toEqual(CLEAN_EXPECTED);
  });

  it("matches wrapped, misspelt and 1、-numbered labels by position", () => {
    let text = withLine(CLEAN, "2.其他法律行政法规禁止公开", "\t\t2.其他法律行政止公开\t0\t0\t0\t0\t0\t0\t0");
    text = withLine(text, "4.保护第三方合法权益", "\t\t4、保护第三\n方合法权益\n1\t0\t0\t0\t0\t0\t1");
    expect(parseOk(text).document).toEqual(CLEAN_EXPECTED);
  });

  it("splits run-together digits when exactly one split satisfies the identities", () => {
    const r = parseOk(withLine(CLEAN, "（七）总计", "\t（七）总计\t15130000154"));
    expect(r.document.requests.totalProcessed).toEqual([151, 3, 0, 0, 0, 0, 154]);
  });

  it("places a short row by the identities (k numbers for 7 columns)", () => {
    const r = parseOk(withLine(CLEAN, "本机关不掌握", "\t（四）无法提供\t1.本机关不掌握相关政府信息\t8\t0\t0\t0\t0\t0"));
    expect(r.document.requests.unableToProvide.notHeld).toEqual([8, 0, 0, 0, 0, 0, 8]);
    expect(r.provenance["requests.unableToProvide.notHeld[6]"]!.status).toBe("inferred");
  });

  it("notes a group subtotal that matches its rows and flags one that does not", () => {
    const ok = parseOk(
      withLine(CLEAN, "1.属于国家秘密", "\t（三）不予公开\t\t1\t0\t0\t0\t0\t0\t1\n\t\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"),
    );
    expect(ok.document).toEqual(CLEAN_EXPECTED);
    expect(ok.findings.map((f) => [f.code, f.severity])).toEqual([["group-subtotal", "info"]]);
    const bad = parseOk(
      withLine(CLEAN, "1.属于国家秘密", "\t（三）不予公开\t\t9\t0\t0\t0\t0\t0\t9\n\t\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"),
    );
    expect(bad.findings.map((f) => [f.code, f.severity])).toEqual([["cells-unplaced", "warning"]]);
  });

  it("does not take a trailing tab for a blank 总计 when a short row's placement is forced", () => {
    const r = parseOk(withLine(CLEAN, "本机关不掌握", "\t（四）无法提供\t1.本机关不掌握相关政府信息\t8\t0\t0\t0\t0\t8\t"));
    expect(r.document.requests.unableToProvide.notHeld).toEqual([8, 0, 0, 0, 0, 0, 8]);
    expect(r.findings.filter((f) => f.code === "identity-failed")).toEqual([]);
  });

  it("reads a 2021 report that prints （六）其他处理 as one row", () => {
    const lines = CLEAN.split("\n").filter((l) => !l.includes("逾期"));
    const text = lines.map((l) => (l.includes("3.其他") ? "\t（六）其他处理\t0\t0\t0\t0\t0\t0\t0" : l)).join("\n");
    const r = parseOk(text);
    expect(r.document.templateVersion).toBe("2021");
    expect(r.document.requests.otherHandling).toEqual({ noCorrection: null, unpaidFee: null, other: [0, 0, 0, 0, 0, 0, 0] });
    expect(r.document.legacy2019).toBeUndefined();
  });
});

describe("metadata and sections", () => {
  it("reads a year-first title and skips a table of contents that repeats the headings", () => {
    const toc = [
      "目录",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
    ];
    const text = withLine(CLEAN, "额敏县 2024 年", ["2024年度额敏县人民政府政府信息公开工作年度报告", ...toc].join("\n"));
    expect(parseOk(text).document).toEqual(CLEAN_EXPECTED);
  });

  it("reads a 落款 date written in Chinese numerals", () => {
    expect(parseOk(withLine(CLEAN, "2025年1月20日", "二〇二五年一月二十日")).document.publishedOn).toBe("2025-01-20");
    expect(parseOk(withLine(CLEAN, "2025年1月20日", "二〇二五年十二月三十一日")).document.publishedOn).toBe("2025-12-31");
  });

  it("names a 盟's government 行政公署 and resolves a township with the 公网安备 county code", () => {
    const r = parseOk(withLine(CLEAN, "额敏县 2024 年", "阿拉善盟 2024 年政府信息公开工作年度报告"));
    expect(r.document.agency).toEqual({ name: "阿拉善盟行政公署", regionCode: "152900" });
    const town = parseOk(`${withLine(CLEAN, "额敏县 2024 年", "宝力根花苏木2024年政府信息公开工作年度报告")}\n蒙公网安备 15222302000112号`);
    expect(town.document.agency).toEqual({ name: "宝力根花苏木人民政府", regionCode: "152223202" });
  });
});

describe("repair limits and checks", () => {
  it("leaves an ambiguous repair null and says so", () => {
    let text = withLine(CLEAN, "（一）予以公开", "三、本年度办理结果\t（一）予以公开\t\t3\t0\t0\t0\t0\t");
    text = withLine(text, "本机关不掌握", "\t（四）无法提供\t1.本机关不掌握相关政府信息\t\t0\t0\t0\t0\t0\t");
    const r = parseOk(text);
    expect(r.document.requests.granted).toEqual([null, 3, 0, 0, 0, 0, null]);
    expect(r.document.requests.unableToProvide.notHeld[0]).toBeNull();
    expect(r.findings.map((f) => f.code)).toContain("repair-ambiguous");
  });

  it("keeps a stated number that breaks an identity and flags it", () => {
    const r = parseOk(withLine(CLEAN, "结转下年度", "四、结转下年度继续办理\t\t1\t0\t0\t0\t1\t0\t5"));
    expect(r.document.requests.carriedForward[6]).toBe(5);
    const failed = r.findings.filter((f) => f.code === "identity-failed");
    expect(failed.map((f) => f.rule).sort()).toEqual(["balance", "row-total"]);
    expect(failed.find((f) => f.rule === "row-total")).toMatchObject({ table: "三", row: "carriedForward", expected: 5, actual: 2 });
  });

  it("flags a narrative figure that contradicts the table", () => {
    const r = parseOk(CLEAN.replace("全年共受理政府信息公开申请 155 件", "全年共受理政府信息公开申请 72 件"));
    expect(r.findings).toContainEqual(expect.objectContaining({ code: "narrative-mismatch", expected: 155, actual: 72 }));
    const carried = parseOk(CLEAN.replace("办结 154 件。", "办结 154 件，结转至下一年度 9 件。"));
    expect(carried.findings).toEqual([
      expect.objectContaining({ code: "narrative-mismatch", row: "carriedForward", expected: 2, actual: 9 }),
    ]);
    expect(parseOk(CLEAN.replace("办结 154 件。", "办结 154 件，结转至下一年度 2 件。")).findings).toEqual([]);
  });

  it("flags section 四 totals that do not add up", () => {
    const r = parseOk(withLine(CLEAN, "1\t0\t0\t1\t2", "10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0"));
    expect(r.document.reviewLitigation.review).toEqual({ upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 });
    expect(r.findings.filter((f) => f.rule === "review-total").map((f) => f.row)).toEqual(["review", "litigationAfterReview"]);
  });
});
