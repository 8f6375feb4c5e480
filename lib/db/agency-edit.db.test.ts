/**
 * An edit of an agency that writes no report (a rename, a move to another region) reaches the per-year snapshots:
 * rankings, compare and region sums read after the edit show the agency under its new name, in its new place and
 * its new region's groups (migration agency_edit_versions). On PostgreSQL (a throw-away database).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRegions, countyGovernmentReport, loadDocuments, readSeedDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let t: TestDatabase;

/** Two banners of 鄂尔多斯市 (内蒙古) and two districts of 淮安市 (江苏), each with a county government. */
const ORDOS = ["150621", "150622"] as const; // 达拉特旗, 准格尔旗
const HUAIAN = ["320803", "320804"] as const; // 淮安区, 淮阴区

async function versions(): Promise<Record<string, number>> {
  const rows = await t.db.dataVersion.findMany();
  return Object.fromEntries(rows.map((r) => [r.scope, Number(r.version)]));
}

async function agencyId(code: string): Promise<number> {
  return (await t.db.agency.findFirstOrThrow({ where: { regionCode: code }, select: { id: true } })).id;
}

const ranking = async (scope: string, year = 2025) => {
  const { listRanking } = await import("@/lib/db/rankings");
  const r = await listRanking(
    { figure: "requestsReceived", year, level: "县", kind: "人民政府", scope, include: true, order: "desc", page: 1, pageSize: 20 },
    { previousYear: false },
  );
  return r.rows.map((row) => ({ name: row.agencyName, rank: row.rank, value: row.value }));
};

beforeAll(async () => {
  t = await createTestDatabase("postgres", "agency_edit_test");
  process.env.DATABASE_URL = t.url!;
  const base = readSeedDocuments().find((d) => d.year === 2025)!;
  // equal values within each city: the name decides the order of a tie
  const docs = [...ORDOS, ...HUAIAN].flatMap((code) => [
    countyGovernmentReport(base, code, 40, 2025),
    countyGovernmentReport(base, code, 30, 2024),
  ]);
  await loadDocuments(t.db, docs);
  await insertRegions(t.db, ["320826"]); // 涟水县: where an agency is moved to
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("an agency edit that writes no report", () => {
  it("a rename re-orders the stored ranking and compare by the new name, and renames the chart's bars", async () => {
    const { getComparison } = await import("@/lib/db/compare");
    const compare = () =>
      getComparison({
        figure: "requestsReceived",
        year: 2025,
        level: "县",
        kind: "人民政府",
        scope: "150000",
        sort: "name",
        dir: "asc",
        page: 1,
        pageSize: 20,
      });
    // a tie goes by name in code points (准 U+51C6 before 达 U+8FBE); the name sort is pinyin (da before zhun)
    expect((await ranking("150000")).map((r) => r.name)).toEqual(["准格尔旗人民政府", "达拉特旗人民政府"]);
    expect((await compare()).rows.map((r) => r.agencyName)).toEqual(["达拉特旗人民政府", "准格尔旗人民政府"]);
    const before = await versions();

    // 准格尔旗 renamed so that both orders flip: 阿 (U+963F) comes after 达 in code points, before it in pinyin (a)
    const id = await agencyId(ORDOS[1]);
    await t.db.$executeRaw`UPDATE "Agency" SET "name" = '阿准格尔旗人民政府' WHERE "id" = ${id}`;

    expect(await ranking("150000")).toEqual([
      { name: "达拉特旗人民政府", rank: 1, value: 40 },
      { name: "阿准格尔旗人民政府", rank: 1, value: 40 },
    ]);
    const c = await compare();
    expect(c.rows.map((r) => r.agencyName)).toEqual(["阿准格尔旗人民政府", "达拉特旗人民政府"]);
    expect(c.bars.map((b) => b.agencyName)).toEqual(["达拉特旗人民政府", "阿准格尔旗人民政府"]);
    // every year the agency has a report in moved once, and 'all' once (one edit, one transaction)
    const after = await versions();
    expect(after["year:2025"]).toBe(before["year:2025"]! + 1);
    expect(after["year:2024"]).toBe(before["year:2024"]! + 1);
    expect(after.all).toBe(before.all! + 1);
  });

  it("a move takes the agency's reports into its new region's groups and region sums, every year", async () => {
    const { getRegionComparison } = await import("@/lib/db/region-compare");
    const provinceSums = async (year: number) =>
      Object.fromEntries(
        (await getRegionComparison({ figure: "requestsReceived", year })).rows
          .filter((r) => r.code === "150000" || r.code === "320000")
          .map((r) => [r.code, r.value]),
      );
    expect(await provinceSums(2025)).toEqual({ "150000": 80, "320000": 80 });
    expect((await ranking("320000")).map((r) => r.name)).toEqual(["淮安区人民政府", "淮阴区人民政府"]);

    // 达拉特旗人民政府 moved to 涟水县 (江苏省 淮安市), its codes set as agency-identity derives them
    const id = await agencyId(ORDOS[0]);
    await t.db.$executeRaw`UPDATE "Agency" SET "regionCode" = '320826', "countyCode" = '320826', "prefectureCode" = '320800',
      "provinceCode" = '320000' WHERE "id" = ${id}`;

    const reports = await t.db.report.findMany({ where: { agencyId: id }, select: { provinceCode: true, countyCode: true } });
    expect(reports).toHaveLength(2);
    expect(reports.every((r) => r.provinceCode === "320000" && r.countyCode === "320826")).toBe(true);
    // code points: 淮 U+6DEE before 达 U+8FBE
    expect(await ranking("320000")).toEqual([
      { name: "淮安区人民政府", rank: 1, value: 40 },
      { name: "淮阴区人民政府", rank: 1, value: 40 },
      { name: "达拉特旗人民政府", rank: 1, value: 40 },
    ]);
    expect((await ranking("320000", 2024)).map((r) => r.name)).toContain("达拉特旗人民政府");
    expect((await ranking("150000")).map((r) => r.name)).toEqual(["阿准格尔旗人民政府"]);
    expect(await provinceSums(2025)).toEqual({ "150000": 40, "320000": 120 });
  });

  it("an update that changes neither name nor peer-group keys leaves the years alone; an alias moves only 'all'", async () => {
    const before = await versions();
    const id = await agencyId(HUAIAN[0]);
    await t.db.$executeRaw`UPDATE "Agency" SET "name" = "name", "reportYears" = "reportYears" WHERE "id" = ${id}`;
    await t.db.agencyAlias.create({ data: { agencyId: id, name: "淮安区政府" } });
    const after = await versions();
    expect(after["year:2025"]).toBe(before["year:2025"]);
    expect(after["year:2024"]).toBe(before["year:2024"]);
    expect(after.all).toBeGreaterThan(before.all!);
  });
});
