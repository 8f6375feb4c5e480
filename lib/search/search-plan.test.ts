import { beforeAll, describe, expect, it } from "vitest";
import { getRegionIndex, listRegionsLeadingLike, listRegionsNamedIn, listRegionsSpelledBy } from "@/lib/search/region-index";
import { chineseStrength, editDistance, pinyinStrength, toRegexLiteral, toSearchPlan, toSearchWords } from "@/lib/search/search-plan";

describe("toSearchWords", () => {
  it("splits on spaces and full-width punctuation, drops noise words and years", () => {
    expect(toSearchWords("  鄂尔多斯，鄂托克 ")).toEqual(["鄂尔多斯", "鄂托克"]);
    expect(toSearchWords("额敏县 2025年 政府信息公开工作年度报告")).toEqual(["额敏县"]);
    expect(toSearchWords("额敏县政府2025年报")).toEqual(["额敏县政府"]);
    expect(toSearchWords("   ")).toEqual([]);
  });
  it("separates pinyin from Chinese and lower-cases full-width letters", () => {
    expect(toSearchWords("EtuoKe人民政府")).toEqual(["etuoke", "人民政府"]);
    expect(toSearchWords("ＥＴＵＯＫＥ")).toEqual(["etuoke"]);
  });
});

describe("toSearchPlan", () => {
  // the pinyin index of 44.7k names is built once per process (≈ 0.3–2 s; much longer on a loaded machine)
  beforeAll(() => void getRegionIndex(), 120_000);

  it("reads pinyin as the place names it spells (etuoke → 鄂托克旗, 鄂托克前旗)", () => {
    const plan = toSearchPlan("etuoke");
    expect(plan.groups[0]).toEqual(expect.arrayContaining(["鄂托克旗", "鄂托克前旗"]));
    expect(plan.regions[0]?.name).toMatch(/^鄂托克/);
  });
  it("reads initials and pinyin agency words (etkq rmzf, huaian renminzhengfu, etuokeqirenminzhengfu)", () => {
    expect(toSearchPlan("etkq").groups[0]).toContain("鄂托克旗");
    expect(toSearchPlan("etkq rmzf").groups[1]).toContain("人民政府");
    expect(toSearchPlan("huaian renminzhengfu").groups).toEqual([expect.arrayContaining(["淮安市"]), expect.arrayContaining(["人民政府"])]);
    expect(toSearchPlan("etuokeqirenminzhengfu").groups[0]).toContain("鄂托克旗人民政府");
  });
  it("a pinyin word that spells nothing stays as typed and says so", () => {
    const plan = toSearchPlan("zzzqqq");
    expect(plan.groups).toEqual([["zzzqqq"]]);
    expect(plan.readings).toEqual([{ word: "zzzqqq", as: [] }]);
  });
  it("offers the place one character away from a typo (鄂拖克 → 鄂托克旗), none for a correct name", () => {
    expect(toSearchPlan("鄂拖克").corrections.map((c) => c.name)).toContain("鄂托克旗");
    expect(toSearchPlan("鄂拖克旗人民政府").corrections.map((c) => c.name)).toContain("鄂托克旗");
    expect(toSearchPlan("鄂托克").corrections).toEqual([]);
    expect(toSearchPlan("淮安市政府").corrections).toEqual([]);
  }, 30_000);
  it("tries 人民政府 for 政府, and the first word's prefixes as the fallback", () => {
    const plan = toSearchPlan("淮安市政府");
    expect(plan.groups).toEqual([["淮安市政府", "淮安市人民政府"]]);
    expect(plan.exact).toEqual(["淮安市政府", "淮安市人民政府"]);
    expect(plan.prefixes).toEqual(["淮安市政", "淮安市", "淮安"]);
  });
  it("finds townships that have no report, with their region path (高良涧 → 高良涧街道)", () => {
    const hit = toSearchPlan("高良涧").regions.find((r) => r.name === "高良涧街道");
    expect(hit).toMatchObject({ level: 4, path: "江苏省 › 淮安市 › 洪泽区 › 高良涧街道" });
  });
  it("lists same-named places with different paths (鼓楼区 in 南京 and 徐州)", () => {
    const paths = toSearchPlan("鼓楼区")
      .regions.filter((r) => r.name === "鼓楼区")
      .map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(["江苏省 › 南京市 › 鼓楼区", "江苏省 › 徐州市 › 鼓楼区"]));
  });
});

describe("helpers", () => {
  it("editDistance counts substitutions, insertions and deletions", () => {
    expect(editDistance("鄂拖克", "鄂托克")).toBe(1);
    expect(editDistance("鄂托克", "鄂托克旗")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
  it("toRegexLiteral escapes regular-expression characters", () => {
    expect(toRegexLiteral("a.b(c)|d")).toBe("a\\.b\\(c\\)\\|d");
  });
});

describe("region lookups", () => {
  beforeAll(() => void getRegionIndex(), 120_000);
  const codes = (regions: readonly { region: { code: string } }[]): string[] => regions.map((r) => r.region.code).sort();

  it("list every region a scan of all 44.7k would find (Chinese words, pinyin tokens, typo leads)", () => {
    const all = getRegionIndex();
    for (const word of ["东城", "鄂托克", "鄂拖克旗人民政府", "淮安市洪泽区", "市", "高良涧", "县人民政府", "𬌗州", "东区"]) {
      const named = codes(listRegionsNamedIn(word));
      expect(named, word).toEqual(expect.arrayContaining(codes(all.filter((r) => chineseStrength(word, r) !== null))));
      const lead = (n: string): boolean => n[0] === word[0] || n[1] === word[1] || n[0] === word[1] || n[1] === word[0];
      expect(codes(listRegionsLeadingLike(word)), word).toEqual(codes(all.filter((r) => lead(r.region.name))));
    }
    for (const token of ["etuoke", "etkq", "eto", "huaian", "bj", "x", "zzzqqq", "beijingshi"]) {
      expect(codes(listRegionsSpelledBy(token)), token).toEqual(
        expect.arrayContaining(codes(all.filter((r) => pinyinStrength(token, r) !== null))),
      );
    }
  });

  it("stay narrow: a two-character word lists its regions, not the whole gazetteer", () => {
    expect(listRegionsNamedIn("鄂托").length).toBeLessThan(50);
    expect(listRegionsSpelledBy("etuoke").length).toBeLessThan(50);
  });
});
