import { describe, expect, it } from "vitest";
import { listScopeGroups } from "./scope-options";

const group = (name: string) => {
  const g = listScopeGroups().find((x) => x.name === name);
  if (!g) throw new Error(`no scope group ${name}`);
  return g;
};

describe("listScopeGroups", () => {
  it("names the whole of each province by its kind", () => {
    expect(group("北京市")).toMatchObject({ kind: "直辖市", whole: "全市" });
    expect(group("内蒙古自治区")).toMatchObject({ kind: "自治区", whole: "全区" });
    expect(group("江苏省")).toMatchObject({ kind: "省", whole: "全省" });
  });

  it("offers a municipality's districts (its placeholder 市辖区 looked through), not an empty list", () => {
    const below = group("北京市").below.map((c) => c.name);
    expect(below).toContain("海淀区");
    expect(below).not.toContain("市辖区");
    expect(below).toHaveLength(16);
  });

  it("offers a province's prefectures and the counties it governs directly, in code order", () => {
    const hainan = group("海南省").below;
    expect(hainan.map((c) => c.name)).toEqual(expect.arrayContaining(["海口市", "三亚市", "五指山市"]));
    expect(hainan.map((c) => c.code)).toEqual([...hainan.map((c) => c.code)].sort());
    expect(group("江苏省").below).toHaveLength(13);
  });
});
