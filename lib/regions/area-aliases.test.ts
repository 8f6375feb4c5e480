import { describe, expect, it } from "vitest";
import { AREA_ALIASES, listAreaAliasNames, matchAreaAlias } from "./area-aliases";
import { findRegionsByName, getRegion } from "./gazetteer";
import { resolveRegion } from "./resolve-region";

const ctx = { hints: [], text: "" };

describe("area alias table (managed areas that are no GB/T 2260 division)", () => {
  it("maps every alias to a region of the gazetteer, and no alias name is itself a division", () => {
    for (const a of AREA_ALIASES) {
      expect(getRegion(a.code), a.names[0]).toBeDefined();
      for (const n of a.names) expect(findRegionsByName(n), n).toEqual([]);
    }
    expect(new Set(listAreaAliasNames()).size).toBe(AREA_ALIASES.reduce((n, a) => n + a.names.length, 0));
  });

  it("matches the longest printed name at a position", () => {
    expect(matchAreaAlias("青岛西海岸新区管理委员会")?.name).toBe("青岛西海岸新区");
    expect(matchAreaAlias("山东省青岛西海岸新区", 3)?.alias.code).toBe("370211");
    expect(matchAreaAlias("平潭县人民政府")).toBeNull();
  });

  it("resolves 平潭综合实验区 and its bodies to 平潭县 (350128) and says it went through the alias", () => {
    for (const name of ["平潭综合实验区管理委员会", "平潭综合实验区管委会", "福建省平潭综合实验区管理委员会", "平潭综合实验区财政金融局"]) {
      const r = resolveRegion(name, ctx);
      expect(r?.code, name).toBe("350128");
      expect(r?.viaAlias, name).toBe("平潭综合实验区");
    }
  });

  it("refuses an alias whose printed province contradicts it, and leaves real districts alone", () => {
    expect(resolveRegion("广东省平潭综合实验区管理委员会", ctx)).toBeNull();
    const pudong = resolveRegion("上海市浦东新区人民政府", ctx);
    expect(pudong?.code).toBe("310115");
    expect(pudong?.viaAlias).toBeUndefined();
    expect(resolveRegion("青岛西海岸新区管理委员会", ctx)?.code).toBe("370211");
  });

  it("resolves a township inside a managed area through the area", () => {
    const town = findRegionsByName("潭城镇").find((r) => r.code.startsWith("350128"));
    if (!town) return; // the gazetteer version has no such township
    expect(resolveRegion("平潭综合实验区潭城镇人民政府", ctx)?.code).toBe(town.code);
  });
});
