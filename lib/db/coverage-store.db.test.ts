/**
 * Coverage (收录情况) snapshots per year on real PostgreSQL: an ingest of one year brings that year's snapshot up to date
 * (and those of later years, whose departments are expected once seen) and leaves an earlier year's in place. A year
 * whose snapshot was computed under the change log is patched in place (same snapshot, new data version); one from
 * before it (or with too many changes) is built anew.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CanonicalReport } from "@/lib/report/types";
import { loadDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let t: TestDatabase;
let coverage: typeof import("@/lib/db/coverage");

const huaian = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../report/fixtures/pdf/huaian-2024.expected.json"), "utf8"),
) as CanonicalReport;

/** The 淮安 document as another body's own report of a year. */
function report(name: string, regionCode: string, year: number): CanonicalReport {
  const doc = structuredClone(huaian);
  doc.agency = { name, regionCode };
  doc.scope = "own";
  doc.year = year;
  return doc;
}

/** The stored snapshots by year, each as "id:version" (a patch keeps the id and moves the version). */
async function snapshots(): Promise<Record<number, string[]>> {
  const rows = await t.db.coverageSnapshot.findMany({ select: { id: true, year: true, version: true }, orderBy: { id: "asc" } });
  const out: Record<number, string[]> = {};
  for (const r of rows) (out[r.year] ??= []).push(`${r.id}:${r.version}`);
  return out;
}

const suqian = () => coverage.getRegionCoverage({ code: "321300", years: [2024, 2023], year: 2024 });
const yearOf = (c: Awaited<ReturnType<typeof suqian>>, year: number) => {
  const y = c.years.find((x) => x.year === year)!;
  return { counties: y.governments.find((g) => g.level === 3)!.collected, departments: y.departments };
};

beforeAll(async () => {
  t = await createTestDatabase("postgres", "coverage_store_test");
  process.env.DATABASE_URL = t.url!;
  await loadDocuments(t.db, [
    report("宿城区人民政府", "321302", 2023),
    report("宿迁市公安局", "321300", 2023),
    report("沭阳县人民政府", "321322", 2024),
  ]);
  coverage = await import("@/lib/db/coverage");
});

afterAll(async () => {
  await t?.drop();
});

describe("coverage snapshots per year", () => {
  it("rebuilds only the ingested year (counting its new reports) and keeps an earlier year's snapshot", async () => {
    const first = await suqian();
    expect(yearOf(first, 2023)).toEqual({ counties: 1, departments: { expected: 1, collected: 1 } });
    expect(yearOf(first, 2024)).toEqual({ counties: 1, departments: { expected: 1, collected: 0 } });
    const built = await snapshots();
    expect(Object.keys(built)).toEqual(["2023", "2024"]);
    await coverage.getPeerCoverage({ level: "县", kind: "人民政府", scope: "321300", year: 2023 });
    expect(await snapshots()).toEqual(built); // fresh: reused

    await loadDocuments(t.db, [report("宿城区人民政府", "321302", 2024), report("宿迁市教育局", "321300", 2024)]);
    const second = await suqian();
    expect(yearOf(second, 2024)).toEqual({ counties: 2, departments: { expected: 2, collected: 1 } });
    expect(yearOf(second, 2023)).toEqual(yearOf(first, 2023));
    const rebuilt = await snapshots();
    expect(rebuilt[2023]).toEqual(built[2023]); // 2023 untouched
    // 2024 patched in place from the change log: the same snapshot at the new data version
    expect(rebuilt[2024]).toHaveLength(built[2024]!.length);
    expect(rebuilt[2024]!.at(-1)!.split(":")[0]).toBe(built[2024]!.at(-1)!.split(":")[0]);
    expect(rebuilt[2024]!.at(-1)).not.toBe(built[2024]!.at(-1));
    expect(second.missing.find((m) => m.level === 3)!.bodies.map((b) => b.name)).not.toContain("宿城区人民政府");
  });

  it("rebuilds a later year too when an earlier one is ingested: its departments are expected once seen", async () => {
    const before = await snapshots();
    await loadDocuments(t.db, [report("宿迁市民政局", "321300", 2023)]);
    const c = await suqian();
    expect(yearOf(c, 2023)).toEqual({ counties: 1, departments: { expected: 2, collected: 2 } });
    expect(yearOf(c, 2024)).toEqual({ counties: 2, departments: { expected: 3, collected: 1 } });
    const after = await snapshots();
    expect(after[2023]!.at(-1)).not.toBe(before[2023]!.at(-1));
    expect(after[2024]!.at(-1)).not.toBe(before[2024]!.at(-1));
    expect(after[2024]!.length).toBeLessThanOrEqual(2); // older snapshots of the year are deleted
  });
});
