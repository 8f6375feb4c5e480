/**
 * Region comparison and coverage on real PostgreSQL: a prefecture's summary report (淮安市 2024, the real 全市 totals)
 * plus two of its counties' own reports; a prefecture with no summary (宿迁市: two county governments and a department,
 * plus a county summary that must not be added to the parts); coverage against the gazetteer's own counts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CanonicalReport } from "@/lib/report/types";
import { listRegions } from "@/lib/regions/gazetteer";
import { loadDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let t: TestDatabase;
let compare: typeof import("@/lib/db/region-compare");
let coverage: typeof import("@/lib/db/coverage");

const huaian = (() => {
  const file = path.resolve(import.meta.dirname, "../report/fixtures/pdf/huaian-2024.expected.json");
  const doc = JSON.parse(readFileSync(file, "utf8")) as CanonicalReport & { agency: { name: string | string[] } };
  return { ...doc, agency: { name: "淮安市人民政府", regionCode: "320800" }, scope: "summary" } as CanonicalReport;
})();

/** A copy of the 淮安 document as another body's report with its own 申请量, 办结量, 不掌握 and 许可. */
function body(
  name: string,
  regionCode: string,
  scope: "own" | "summary",
  n: { received: number; handled: number; notHeld: number; licensing: number | null },
): CanonicalReport {
  const doc = structuredClone(huaian);
  doc.agency = { name, regionCode };
  doc.scope = scope;
  doc.requests.newReceived[6] = n.received;
  doc.requests.totalProcessed[6] = n.handled;
  doc.requests.unableToProvide.notHeld[6] = n.notHeld;
  doc.active.licensing = n.licensing;
  return doc;
}

beforeAll(async () => {
  t = await createTestDatabase("postgres", "region_compare_test");
  process.env.DATABASE_URL = t.url!;
  await loadDocuments(t.db, [
    huaian, // 3119 received, 3050 handled, 769 not held
    body("洪泽区人民政府", "320813", "own", { received: 95, handled: 95, notHeld: 31, licensing: 9487 }),
    body("淮安区人民政府", "320803", "own", { received: 40, handled: 38, notHeld: 2, licensing: 100 }),
    body("宿城区人民政府", "321302", "own", { received: 30, handled: 20, notHeld: 5, licensing: 10 }),
    body("沭阳县人民政府", "321322", "own", { received: 50, handled: 40, notHeld: 1, licensing: null }),
    body("宿迁市公安局", "321300", "own", { received: 7, handled: 6, notHeld: 0, licensing: 5 }),
    body("泗洪县人民政府", "321324", "summary", { received: 900, handled: 880, notHeld: 100, licensing: 4000 }),
  ]);
  compare = await import("@/lib/db/region-compare");
  coverage = await import("@/lib/db/coverage");
});

afterAll(async () => {
  await t?.drop();
});

describe("region comparison (江苏's prefectures, 2024)", () => {
  it("takes a prefecture's summary report, not the sum of its parts", async () => {
    const c = await compare.getRegionComparison({ parent: "320000", figure: "requestsReceived", year: 2024 });
    expect(c.rows).toHaveLength(13);
    const huaianRow = c.rows.find((r) => r.name === "淮安市")!;
    expect(huaianRow).toMatchObject({ source: "summary", value: 3119, summary: { agencyName: "淮安市人民政府" } });
    expect(huaianRow.value).not.toBe(3119 + 95 + 40);
  });

  it("sums the own reports of a prefecture without a summary, with N and coverage, leaving out a county summary", async () => {
    const c = await compare.getRegionComparison({ parent: "320000", figure: "requestsReceived", year: 2024 });
    const suqian = c.rows.find((r) => r.name === "宿迁市")!;
    // 宿城区 30 + 沭阳县 50 + 宿迁市公安局 7; 泗洪县's summary (900) is a summary of its parts: never added
    expect(suqian).toMatchObject({ source: "sum", value: 87, reports: 3, summary: null });
    const expectedGovernments = listRegions().filter(
      (r) => r.code === "321300" || r.parentCode === "321300" || r.parentCode?.startsWith("3213"),
    ).length;
    expect(suqian.coverage.expected).toBeGreaterThan(5);
    expect(suqian.coverage.expected).toBeLessThanOrEqual(expectedGovernments);
    // governments with a report this year: 宿城区, 沭阳县, 泗洪县 (the 公安局 is a department)
    expect(suqian.coverage.collected).toBe(3);
    expect(c.rows.find((r) => r.name === "南京市")).toMatchObject({ source: "none", value: null, reports: 0 });
    expect(c.rows[0]!.name).toBe("淮安市");
    expect(c.rows[1]).toMatchObject({ name: "宿迁市", rank: 2 });
  });

  it("recomputes a region's rate from the summed counts, never averaging the rates", async () => {
    const c = await compare.getRegionComparison({ parent: "320000", figure: "notHeldRate", year: 2024 });
    const suqian = c.rows.find((r) => r.name === "宿迁市")!;
    expect(suqian).toMatchObject({ source: "sum", numerator: 5 + 1 + 0, denominator: 20 + 40 + 6, reports: 3 });
    expect(suqian.value).toBeCloseTo(6 / 66, 10);
    const mean = (5 / 20 + 1 / 40 + 0 / 6) / 3;
    expect(suqian.value).not.toBeCloseTo(mean, 3);
    expect(c.rows.find((r) => r.name === "淮安市")!.value).toBeCloseTo(769 / 3050, 10);
  });

  it("counts only the reports that state a figure (沭阳县 leaves 行政许可 blank)", async () => {
    const c = await compare.getRegionComparison({ parent: "320000", figure: "licensing", year: 2024 });
    expect(c.rows.find((r) => r.name === "宿迁市")).toMatchObject({ source: "sum", value: 15, reports: 2 });
  });

  it("compares the counties of a prefecture", async () => {
    const c = await compare.getRegionComparison({ parent: "320800", figure: "requestsReceived", year: 2024 });
    expect(c.rows.find((r) => r.name === "洪泽区")).toMatchObject({ source: "sum", value: 95, reports: 1, rank: 1 });
    expect(c.rows.find((r) => r.name === "淮安区")).toMatchObject({ source: "sum", value: 40, rank: 2 });
  });

  it("compares the provinces of the country", async () => {
    const c = await compare.getRegionComparison({ figure: "requestsReceived", year: 2024 });
    expect(c.rows).toHaveLength(31);
    // 江苏 has no provincial summary: the sum of its own reports (洪泽 95, 淮安区 40, 宿城 30, 沭阳 50, 公安局 7)
    expect(c.rows.find((r) => r.name === "江苏省")).toMatchObject({ source: "sum", value: 222, reports: 5 });
  });
});

describe("the region page's figures", () => {
  const disclosedEach = huaian.requests.granted[6]! + huaian.requests.partiallyGranted[6]!;

  it("gives a region's years: its summary report as printed, else the own reports summed, rates from the summed counts", async () => {
    const [huaianYear] = await compare.listRegionYearFigures("320800");
    expect(huaianYear).toMatchObject({ year: 2024, source: "summary", summary: { agencyName: "淮安市人民政府" }, reports: 2 });
    expect(huaianYear!.figures).toMatchObject({
      requestsReceived: 3119,
      requestsHandled: 3050,
      notHeldRate: { numerator: 769, denominator: 3050 },
    });
    expect(huaianYear!.figures.notHeldRate.value).toBeCloseTo(769 / 3050, 10);
    const [suqianYear] = await compare.listRegionYearFigures("321300");
    // 宿城区, 沭阳县 and 宿迁市公安局; 泗洪县's summary is never added to the parts
    expect(suqianYear).toMatchObject({ year: 2024, source: "sum", summary: null, reports: 3 });
    expect(suqianYear!.figures).toMatchObject({
      requestsReceived: 87,
      requestsHandled: 66,
      notHeldRate: { numerator: 6, denominator: 66 },
      disclosureRate: { numerator: 3 * disclosedEach, denominator: 66 },
    });
    expect(suqianYear!.figures.notHeldRate.value).toBeCloseTo(6 / 66, 10);
  });

  it("reads the store's years with the region's figures (the summary report of each year in the same statement)", async () => {
    const { listReportYears } = await import("@/lib/db/compare");
    const read = await compare.readRegionYearFigures("320800");
    expect(read.years).toEqual(await listReportYears());
    expect(read.figures).toEqual(await compare.listRegionYearFigures("320800"));
    expect(read.figures[0]).toMatchObject({ source: "summary", summary: { agencyName: "淮安市人民政府", agencyId: expect.any(Number) } });
    // a region without any report under it: the store's years, no figures
    expect(await compare.readRegionYearFigures("110000")).toEqual({ years: read.years, figures: [] });
  });

  it("gives each agency's latest figures from its stored columns", async () => {
    const { readRegionAgencyPage } = await import("@/lib/db/regions");
    const suqian = { code: "321300", name: "宿迁市", level: 2, parentCode: "320000" } as const;
    const { agencies } = await readRegionAgencyPage(suqian, { sort: "name", page: 1, pageSize: 50 });
    const suCheng = agencies.find((a) => a.name === "宿城区人民政府")!;
    expect(suCheng.reports).toHaveLength(1);
    expect(suCheng.reports[0]!.figures).toEqual({
      requestsReceived: 30,
      requestsHandled: 20,
      notHeldRate: { value: 0.25, numerator: 5, denominator: 20 },
      disclosureRate: { value: disclosedEach / 20, numerator: disclosedEach, denominator: 20 },
    });
  });
});

describe("coverage", () => {
  it("expects every county-level government the gazetteer lists for 江苏 (104)", async () => {
    const gazetteerCount = listRegions().filter((r) => r.level === 3 && r.code.startsWith("32")).length;
    expect(gazetteerCount).toBe(104);
    const cov = await coverage.getRegionCoverage({ code: "320000", years: [2024, 2023], year: 2024 });
    const county2024 = cov.years.find((y) => y.year === 2024)!.governments.find((g) => g.level === 3)!;
    expect(county2024).toMatchObject({ expected: gazetteerCount, collected: 5 });
    expect(cov.years.find((y) => y.year === 2024)!.governments.find((g) => g.level === 2)).toMatchObject({ expected: 13, collected: 1 });
    expect(cov.years.find((y) => y.year === 2023)!.governments.find((g) => g.level === 3)).toMatchObject({ collected: 0 });
    expect(cov.years.find((y) => y.year === 2024)!.departments).toEqual({ expected: 1, collected: 1 });
    // the department was first seen in 2024: not expected in 2023
    expect(cov.years.find((y) => y.year === 2023)!.departments).toEqual({ expected: 0, collected: 0 });
  });

  it("lists the missing governments (未收录), without the collected ones", async () => {
    const cov = await coverage.getRegionCoverage({ code: "320000", years: [2024], year: 2024, missingLimit: 500 });
    const counties = cov.missing.find((m) => m.level === 3)!;
    expect(counties.total).toBe(104 - 5);
    const names = counties.bodies.map((b) => b.name);
    expect(names).toContain("玄武区人民政府");
    expect(names).not.toContain("洪泽区人民政府");
    expect(counties.bodies.find((b) => b.name === "玄武区人民政府")!.regionCode).toBe("320102");
  });

  it("gives the peer-group line of /rankings: 收录 5 / 104 个县级政府", async () => {
    expect(await coverage.getPeerCoverage({ level: "县", kind: "人民政府", scope: "320000", year: 2024 })).toEqual({
      kind: "governments",
      level: 3,
      label: "县级政府",
      expected: 104,
      collected: 5,
    });
  });
});

describe("GET /api/v1/region-comparison and /api/v1/coverage", () => {
  const call = async (route: string, query: string) => {
    const mod = (await import(`@/app/api/v1/${route}/route`)) as { GET: (r: Request) => Promise<Response> };
    return mod.GET(new Request(`http://localhost/api/v1/${route}?${query}`));
  };

  it("answers the same rows as the page, with the source in words, and a CSV", async () => {
    const res = await call("region-comparison", "parent=320000&figure=notHeldRate&year=2024");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { name: string; source: string; sourceLabel: string; numerator: number }[] };
    expect(body.items.find((r) => r.name === "宿迁市")).toMatchObject({ source: "sum", sourceLabel: "合计（3 个机关）", numerator: 6 });
    expect(body.items.find((r) => r.name === "淮安市")).toMatchObject({ source: "summary", sourceLabel: "汇总报告（淮安市人民政府）" });
    const csv = await (await call("region-comparison", "parent=320000&figure=requestsReceived&year=2024&format=csv")).text();
    expect(csv).toContain("淮安市,江苏省 › 淮安市,320800,2024,汇总报告,3119");
    expect(csv).toContain("宿迁市,江苏省 › 宿迁市,321300,2024,本机关报告合计,");
    expect(csv).toContain("合计（3 个机关）");
  });

  it("refuses a bad parent or figure with a message that names it", async () => {
    const bad = await call("region-comparison", "parent=999999");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("parent");
    expect((await call("region-comparison", "figure=reviewCorrectionRate")).status).toBe(400);
  });

  it("answers coverage with the gazetteer's counts and the missing list", async () => {
    const res = await call("coverage", "region=320000&year=2024&missingLimit=3");
    const body = (await res.json()) as {
      years: { year: number; governments: { level: number; expected: number; collected: number }[] }[];
      missing: { level: number; total: number; bodies: unknown[] }[];
      note: string;
    };
    expect(body.years[0]!.governments.find((g) => g.level === 3)).toMatchObject({ expected: 104, collected: 5 });
    expect(body.missing.find((m) => m.level === 3)).toMatchObject({ total: 99 });
    expect(body.missing.find((m) => m.level === 3)!.bodies).toHaveLength(3);
    expect(body.note).toContain("未收录");
  });
});

// last: it writes a report
describe("stored coverage (one snapshot per data version)", () => {
  // "id:version": a patch from the change log keeps the id and moves the version
  const snapshots = async (): Promise<string[]> =>
    (await t.db.coverageSnapshot.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } })).map(
      (s) => `${s.id}:${s.version}`,
    );

  it("is reused while nothing was written, rebuilt after a write, and counts the new report; equal to the gazetteer line", async () => {
    await coverage.getRegionCoverage({ code: "321300", years: [2024], year: 2024 });
    const before = await snapshots();
    await coverage.getRegionCoverage({ code: "321300", years: [2024], year: 2024 });
    await coverage.getPeerCoverage({ level: "县", kind: "人民政府", scope: "321300", year: 2024 });
    expect(await snapshots()).toEqual(before);
    const peer = await coverage.getPeerCoverage({ level: "县", kind: "人民政府", scope: "321300", year: 2024 });
    const counties = listRegions().filter((r) => r.level === 3 && r.parentCode === "321300").length;
    expect(peer).toMatchObject({ expected: counties, collected: 3 }); // 宿城, 沭阳, 泗洪
    await loadDocuments(t.db, [body("泗阳县人民政府", "321323", "own", { received: 12, handled: 12, notHeld: 0, licensing: 1 })]);
    const after = await coverage.getRegionCoverage({ code: "321300", years: [2025, 2024], year: 2024 });
    expect(await snapshots()).not.toEqual(before);
    expect(after.years.find((y) => y.year === 2024)!.governments.find((g) => g.level === 3)).toMatchObject({
      expected: counties,
      collected: 4,
    });
    expect(after.missing.find((m) => m.level === 3)!.bodies.map((b) => b.name)).not.toContain("泗阳县人民政府");
    // a year after the last stored: every department seen is expected, none collected
    expect(after.years.find((y) => y.year === 2025)!.departments).toEqual({ expected: 1, collected: 0 });
  });
});

// after the coverage snapshot test: it writes reports too
describe("stored region sums (one snapshot per data version)", () => {
  const snapshots = async (): Promise<string[]> =>
    (await t.db.regionSumSnapshot.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } })).map(
      (s) => `${s.id}:${s.version}`,
    );
  const suqian = async () =>
    (await compare.getRegionComparison({ parent: "320000", figure: "requestsReceived", year: 2024 })).rows.find(
      (r) => r.name === "宿迁市",
    )!;

  it("is reused while nothing was written and rebuilt after a write, which it counts", async () => {
    const before = await suqian();
    // 宿城 30 + 沭阳 50 + 公安局 7 + 泗阳 12 (the coverage test's report)
    expect(before).toMatchObject({ source: "sum", value: 99, reports: 4, coverage: { collected: 4 } });
    const built = await snapshots();
    await compare.listRegionYearFigures("321300");
    await compare.getRegionComparison({ parent: "321300", figure: "notHeldRate", year: 2024 });
    expect(await snapshots()).toEqual(built);
    await loadDocuments(t.db, [body("宿豫区人民政府", "321311", "own", { received: 5, handled: 4, notHeld: 1, licensing: null })]);
    expect(await suqian()).toMatchObject({ source: "sum", value: 104, reports: 5, coverage: { collected: 5 } });
    expect(await snapshots()).not.toEqual(built);
    const [year] = await compare.listRegionYearFigures("321300");
    expect(year).toMatchObject({
      source: "sum",
      reports: 5,
      figures: { requestsReceived: 104, notHeldRate: { numerator: 7, denominator: 20 + 40 + 6 + 12 + 4 } },
    });
  });

  it("sums the townships of a county (regions below the county level), and a township on its own page", async () => {
    await loadDocuments(t.db, [body("高良涧街道办事处", "320813001", "own", { received: 3, handled: 3, notHeld: 1, licensing: 2 })]);
    const c = await compare.getRegionComparison({ parent: "320813", figure: "requestsReceived", year: 2024 });
    expect(c.rows[0]).toMatchObject({ name: "高良涧街道", source: "sum", value: 3, reports: 1, rank: 1, coverage: { collected: 1 } });
    expect(c.rows.filter((r) => r.source !== "none")).toHaveLength(1);
    expect(await compare.listRegionYearFigures("320813001")).toMatchObject([
      { year: 2024, source: "sum", reports: 1, figures: { requestsReceived: 3 } },
    ]);
    // 洪泽区: its own report and the township's, two governments
    const huaian = await compare.getRegionComparison({ parent: "320800", figure: "requestsReceived", year: 2024 });
    expect(huaian.rows.find((r) => r.name === "洪泽区")).toMatchObject({
      source: "sum",
      value: 98,
      reports: 2,
      coverage: { collected: 2 },
    });
  });

  it("counts departments by their level (宿迁市公安局 is a 市级部门)", async () => {
    expect(await coverage.getPeerCoverage({ level: "市", kind: "部门", scope: "320000", year: 2024 })).toEqual({
      kind: "departments",
      level: 2,
      label: "市级部门",
      collected: 1,
      seen: 1,
    });
    expect(await coverage.getPeerCoverage({ level: "县", kind: "部门", scope: "320000", year: 2024 })).toMatchObject({
      label: "县级部门",
      collected: 0,
      seen: 0,
    });
    const cov = await coverage.getRegionCoverage({ code: "320000", years: [2024, 2023], year: 2024 });
    const y2024 = cov.years.find((y) => y.year === 2024)!;
    expect(y2024.departments).toEqual({ expected: 1, collected: 1 });
    expect(y2024.departmentsByLevel.map((d) => [d.label, d.collected, d.expected])).toEqual([
      ["省级部门", 0, 0],
      ["市级部门", 1, 1],
      ["县级部门", 0, 0],
      ["乡级部门", 0, 0],
    ]);
  });
});
