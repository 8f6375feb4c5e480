/**
 * The region page's reads on PostgreSQL and PGlite: what a region holds (agencies, latest reports, years, agencies per
 * child region) counted in SQL, and its agency list ordered (name / latest 申请量 / latest year) and paged in SQL, with
 * only the shown agencies' reports, in a constant number of statements.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegionAgencySort } from "@/lib/db/regions";
import { getRegion, type Region } from "@/lib/regions/gazetteer";
import type { CanonicalReport } from "@/lib/report/types";
import { countingDb } from "@/lib/testing/counting-db";
import { loadDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type BackendName, type TestDatabase } from "@/lib/testing/test-database";

const huaian = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../report/fixtures/pdf/huaian-2024.expected.json"), "utf8"),
) as CanonicalReport;

/** The 淮安 document as another body's report of a year with its own 申请量 (null: not stated). */
function body(name: string, regionCode: string, year: number, received: number | null): CanonicalReport {
  const doc = structuredClone(huaian);
  doc.agency = { name, regionCode };
  doc.scope = "own";
  doc.year = year;
  doc.requests.newReceived[6] = received;
  return doc;
}

const region = (code: string): Region => getRegion(code)!;

// pinyin: 阿 a, 宝 bao, 鄂尔 e'er, 鄂托克旗公 …gong, 鄂托克旗人 …ren; code points: 宝 < 鄂尔 < 鄂托克旗人 < 鄂托克旗公 < 阿
const A = "阿拉善盟行政公署办公室";
const B = "宝力根花苏木人民政府";
const C = "鄂尔多斯市人民政府";
const D = "鄂托克旗人民政府";
const E = "鄂托克旗公安局";

describe.each<BackendName>(["postgres", "pglite"])("region page reads on %s", (backend) => {
  let t: TestDatabase;
  let regions: typeof import("@/lib/db/regions");

  beforeAll(async () => {
    t = await createTestDatabase(backend, "test_regions");
    await loadDocuments(t.db, [
      body(A, "152900", 2025, 300),
      body(B, "152223202", 2023, 5),
      body(C, "150600", 2022, 72),
      body(D, "150624", 2020, 10),
      body(D, "150624", 2024, 60),
      body(E, "150624", 2024, null),
      body("北京市东城区人民政府", "110101", 2024, 999),
    ]);
    // a corrected 2024 report of 鄂托克旗: version 2 is the latest, version 1 is neither counted nor shown
    await loadDocuments(t.db, [body(D, "150624", 2024, 72)]);
    regions = await import("@/lib/db/regions");
  }, 240_000);
  afterAll(async () => {
    await t?.drop();
  });

  /** What the region holds (readRegionAgencyPage's holdings). */
  const holdingsOf = async (code: string) =>
    (await regions.readRegionAgencyPageIn(t.db, region(code), { sort: "name", page: 1, pageSize: 50 })).holdings;

  it("counts agencies, latest reports and years under a province, grouped by the agencies' regions", async () => {
    const held = await holdingsOf("150000");
    expect(held).toMatchObject({ agencies: 5, reports: 6, firstYear: 2020, lastYear: 2025 });
    expect(Object.fromEntries(held.agenciesByRegionCode)).toEqual({ "152900": 1, "152223202": 1, "150600": 1, "150624": 2 });
    const children = Object.fromEntries(regions.listChildRegions("150000", held.agenciesByRegionCode).map((c) => [c.name, c.agencyCount]));
    expect(children).toMatchObject({ 鄂尔多斯市: 3, 兴安盟: 1, 阿拉善盟: 1, 呼和浩特市: 0 });
  });

  it("counts a prefecture, a county (with its townships) and a township", async () => {
    expect(await holdingsOf("152200")).toMatchObject({ agencies: 1, reports: 1 });
    expect(await holdingsOf("150624")).toMatchObject({ agencies: 2, reports: 3, firstYear: 2020 });
    expect(await holdingsOf("152223")).toMatchObject({ agencies: 1, reports: 1 });
    expect(await holdingsOf("152223202")).toMatchObject({ agencies: 1, reports: 1 });
    expect(await holdingsOf("150100")).toMatchObject({ agencies: 0, reports: 0, firstYear: null });
  });

  const expected: Record<RegionAgencySort, string[]> =
    backend === "postgres"
      ? { name: [A, B, C, E, D], requests: [A, C, D, B, E], year: [A, E, D, B, C] }
      : { name: [B, C, D, E, A], requests: [A, C, D, B, E], year: [A, D, E, B, C] };

  it.each(["name", "requests", "year"] as const)("orders by %s in SQL (ties by name) and pages without gaps or repeats", async (sort) => {
    const names = async (page: number, pageSize: number) =>
      (await regions.readRegionAgencyPageIn(t.db, region("150000"), { sort, page, pageSize })).agencies.map((a) => a.name);
    expect(await names(1, 50)).toEqual(expected[sort]);
    const pages = [await names(1, 2), await names(2, 2), await names(3, 2)];
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(expected[sort]);
  });

  it("gives the shown agencies their latest report of every year, oldest first", async () => {
    const { agencies } = await regions.readRegionAgencyPageIn(t.db, region("150624"), { sort: "requests", page: 1, pageSize: 1 });
    expect(agencies).toHaveLength(1);
    expect(agencies[0]).toMatchObject({ name: D, regionCode: "150624", level: "县", kind: "人民政府" });
    expect(agencies[0]!.reports.map((r) => [r.year, r.figures.requestsReceived])).toEqual([
      [2020, 10],
      [2024, 72],
    ]);
  });

  it.each(["name", "requests", "year"] as const)(
    "reads the holdings and a page of agencies (%s) in one statement; a page past the last gives the last",
    async (sort) => {
      const counting = countingDb(t.db);
      await regions.readRegionAgencyPageIn(counting.db, region("150000"), { sort, page: 1, pageSize: 2 });
      const before = counting.calls(); // the first read may have looked the collation up, once per client
      const second = await regions.readRegionAgencyPageIn(counting.db, region("150000"), { sort, page: 2, pageSize: 2 });
      expect(counting.calls() - before).toBe(1);
      expect(second.holdings).toEqual(await holdingsOf("150000"));
      expect(second.holdings).toMatchObject({ agencies: 5, reports: 6, firstYear: 2020, lastYear: 2025 });
      expect(second).toMatchObject({ page: 2, pageCount: 3 });
      expect(second.agencies.map((a) => a.name)).toEqual(expected[sort].slice(2, 4));
      // a page past the last gives the last
      const past = await regions.readRegionAgencyPageIn(t.db, region("150000"), { sort, page: 9, pageSize: 2 });
      expect(past).toMatchObject({ page: 3, pageCount: 3 });
      expect(past.agencies.map((a) => a.name)).toEqual(expected[sort].slice(4));
      const d = (await regions.readRegionAgencyPageIn(t.db, region("150624"), { sort, page: 1, pageSize: 50 })).agencies.find(
        (a) => a.name === D,
      );
      expect(d!.reports.map((r) => [r.year, r.figures.requestsReceived])).toEqual([
        [2020, 10],
        [2024, 72],
      ]);
    },
  );

  it("reads an empty region as no agencies on page 1 of 1", async () => {
    const empty = await regions.readRegionAgencyPageIn(t.db, region("150100"), { sort: "name", page: 3, pageSize: 50 });
    expect(empty).toMatchObject({ page: 1, pageCount: 1, agencies: [], holdings: { agencies: 0, reports: 0, firstYear: null } });
  });

  // last: it deletes reports
  it("keeps each agency's 收录概况 columns with every write: a new version, deleted reports, an agency left with none", async () => {
    const holdings = async (name: string) =>
      (
        await t.db.$queryRaw<
          { reportYears: number; firstYear: number | null; latestYear: number | null; latestRequestsReceived: number | null }[]
        >`
          SELECT "reportYears", "firstYear", "latestYear", "latestRequestsReceived" FROM "Agency" WHERE "name" = ${name}`
      )[0];
    // version 2 of 2024 (72) replaced version 1 (60)
    expect(await holdings(D)).toEqual({ reportYears: 2, firstYear: 2020, latestYear: 2024, latestRequestsReceived: 72 });
    expect(await holdings(E)).toEqual({ reportYears: 1, firstYear: 2024, latestYear: 2024, latestRequestsReceived: null });
    await t.db.$executeRaw`DELETE FROM "Report" WHERE "year" = 2024 AND "agencyId" = (SELECT "id" FROM "Agency" WHERE "name" = ${D})`;
    expect(await holdings(D)).toEqual({ reportYears: 1, firstYear: 2020, latestYear: 2020, latestRequestsReceived: 10 });
    await t.db.$executeRaw`DELETE FROM "Report" WHERE "agencyId" = (SELECT "id" FROM "Agency" WHERE "name" = ${E})`;
    expect(await holdings(E)).toEqual({ reportYears: 0, firstYear: null, latestYear: null, latestRequestsReceived: null });
    expect(await holdingsOf("150624")).toMatchObject({ agencies: 1, reports: 1, lastYear: 2020 });
  });
});
