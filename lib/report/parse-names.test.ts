/**
 * Names and regions (issue 10, class 5): managed areas (综合实验区, 新区, 开发区, 高新区 …) are run by a
 * 管理委员会; departments keep their own full name and the region of their government.
 */
import { describe, expect, it } from "vitest";
import { CLEAN, parseOk, withLine } from "@/lib/testing/quirk-fixtures";
import { isManagedArea, toAgencyName } from "./parse-metadata";

const titled = (title: string): ReturnType<typeof parseOk> => parseOk(withLine(CLEAN, "额敏县 2024 年", title));

describe("agency names of managed areas", () => {
  it("names the body of a managed area 管理委员会, of a GB/T district 人民政府", () => {
    expect(toAgencyName("平潭综合实验区")).toBe("平潭综合实验区管理委员会");
    expect(toAgencyName("石家庄高新技术产业开发区")).toBe("石家庄高新技术产业开发区管理委员会");
    expect(toAgencyName("苏州工业园区")).toBe("苏州工业园区管理委员会");
    expect(toAgencyName("郑东新区")).toBe("郑东新区管理委员会");
    expect(toAgencyName("浦东新区")).toBe("浦东新区人民政府");
    expect(toAgencyName("沈北新区")).toBe("沈北新区人民政府");
    expect(toAgencyName("绿园区")).toBe("绿园区人民政府");
    expect(toAgencyName("平潭综合实验区管委会")).toBe("平潭综合实验区管委会");
    expect(isManagedArea("滨海新区")).toBe(false);
  });

  it("reads a place-only title of a managed area as its 管理委员会, with the alias region and a finding", () => {
    const r = titled("平潭综合实验区2024年度政府信息公开工作年度报告");
    expect(r.document.agency).toEqual({ name: "平潭综合实验区管理委员会", regionCode: "350128" });
    const alias = r.findings.filter((f) => f.code === "region-alias");
    expect(alias).toHaveLength(1);
    expect(alias[0]!.message).toContain("平潭综合实验区");
    expect(alias[0]!.message).toContain("350128");
  });

  it("keeps a managed area's own 管委会 name and a department's name inside it", () => {
    expect(titled("平潭综合实验区管委会2024年政府信息公开工作年度报告").document.agency).toEqual({
      name: "平潭综合实验区管委会",
      regionCode: "350128",
    });
    expect(titled("平潭综合实验区财政金融局2024年政府信息公开工作年度报告").document.agency).toEqual({
      name: "平潭综合实验区财政金融局",
      regionCode: "350128",
    });
  });

  it("keeps a department's full name with its place prefix and gives it its government's region, with no alias finding", () => {
    const r = titled("额敏县财政局2024年政府信息公开工作年度报告");
    expect(r.document.agency).toEqual({ name: "额敏县财政局", regionCode: "654221" });
    expect(titled("阿拉善盟行政公署办公室2024年政府信息公开工作年度报告").document.agency).toEqual({
      name: "阿拉善盟行政公署办公室",
      regionCode: "152900",
    });
    expect(titled("额敏县发展和改革委员会2024年政府信息公开工作年度报告").document.agency.name).toBe("额敏县发展和改革委员会");
    expect(r.findings.map((f) => f.code)).not.toContain("region-alias");
  });
});
