// Expected publishers come from an index built once; it must list exactly what a walk over the gazetteer finds.
import { describe, expect, it } from "vitest";
import { countExpectedGovernments, listExpectedPublishers, toExpectedPublisher } from "./expected-publishers";
import { getRegion, listRegions, type RegionLevel } from "./gazetteer";

/** Brute force: every region whose ancestor chain reaches `code` (itself included), in gazetteer order. */
function walk(code: string | undefined, level: RegionLevel): string[] {
  const isUnder = (c: string): boolean => {
    const seen = new Set<string>();
    for (let cur = getRegion(c); cur && !seen.has(cur.code); cur = cur.parentCode ? getRegion(cur.parentCode) : undefined) {
      seen.add(cur.code);
      if (cur.code === code) return true;
    }
    return false;
  };
  const codes = new Set<string>();
  for (const r of listRegions()) {
    if (r.level !== level || !toExpectedPublisher(r) || codes.has(r.code)) continue;
    if (!code || isUnder(r.code)) codes.add(r.code);
  }
  return [...codes];
}

describe("listExpectedPublishers", () => {
  it.each([
    ["320000", 3],
    ["320800", 4],
    ["150000", 2],
    ["320813", 4],
    [undefined, 3],
  ] as const)("lists what a walk over the gazetteer finds under %s at level %i, in order", (code, level) => {
    const listed = listExpectedPublishers(code, level).map((p) => p.regionCode);
    expect(listed.length).toBeGreaterThan(0);
    expect([...new Set(listed)]).toEqual(walk(code, level));
    expect(listed).toHaveLength(countExpectedGovernments(code)[level - 1]!);
  });

  it("gives 江苏's 104 county-level governments and every level in gazetteer order without a level", () => {
    expect(listExpectedPublishers("320000", 3)).toHaveLength(104);
    const all = listExpectedPublishers("320800");
    expect(all[0]).toMatchObject({ regionCode: "320800", name: "淮安市人民政府" });
    expect(all.filter((p) => p.level === 3).map((p) => p.regionCode)).toEqual(walk("320800", 3));
  });
});
