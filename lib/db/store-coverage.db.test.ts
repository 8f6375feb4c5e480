/**
 * getCoverage (收录情况 on the home page and /methods), read from the agencies' 收录概况 columns and a loose index scan
 * of the years, against the same counts taken the plain way from "Report": every count equal after first versions, a
 * second version of a report (not a second report) and a new year; and the /regions index counts. On PostgreSQL (a
 * throw-away database).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocuments, readSeedDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import type { Coverage } from "@/lib/db/reports";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase("postgres", "store_coverage_test");
  process.env.DATABASE_URL = t.url!;
});
afterAll(async () => {
  await t?.drop();
});

/** The same counts, the plain (slow) way. */
async function countPlainly(): Promise<Coverage> {
  const [row] = await t.db.$queryRaw<{ agencies: bigint; reports: bigint; regions: bigint; years: number[] }[]>`
    SELECT (SELECT count(DISTINCT "agencyId") FROM "Report") AS "agencies",
           (SELECT count(*) FROM "Report" WHERE "isLatest") AS "reports",
           (SELECT count(DISTINCT a."regionCode") FROM "Agency" a WHERE EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a."id")) AS "regions",
           (SELECT coalesce(array_agg(DISTINCT "year" ORDER BY "year"), '{}') FROM "Report" WHERE "isLatest") AS "years"`;
  return { agencies: Number(row!.agencies), reports: Number(row!.reports), regions: Number(row!.regions), years: row!.years };
}

describe("getCoverage", () => {
  it("is empty on an empty store", async () => {
    const { getCoverage } = await import("@/lib/db/reports");
    expect(await getCoverage()).toEqual({ agencies: 0, reports: 0, regions: 0, years: [] });
  });

  it("equals the plain counts after first versions, a second version and a new year", async () => {
    const { getCoverage } = await import("@/lib/db/reports");
    const seeds = readSeedDocuments();
    await loadDocuments(t.db, seeds);
    const first = await getCoverage();
    expect(first).toEqual(await countPlainly());
    expect(first.reports).toBe(seeds.length);

    // a corrected version of one report: still one report for that agency and year
    const corrected = structuredClone(seeds[0]!);
    corrected.active.licensing = (corrected.active.licensing ?? 0) + 1;
    await loadDocuments(t.db, [corrected]);
    expect(await getCoverage()).toEqual({ ...first });

    // the same body one year earlier: one more report and year, no new agency
    const earlier = structuredClone(seeds[0]!);
    earlier.year = Math.min(...first.years) - 1;
    await loadDocuments(t.db, [earlier]);
    const after = await getCoverage();
    expect(after).toEqual(await countPlainly());
    expect(after.reports).toBe(first.reports + 1);
    expect(after.years[0]).toBe(earlier.year);
    expect(after.agencies).toBe(first.agencies);
  });

  it("counts agencies with a report per province, prefecture and county (the /regions index) as the plain way does", async () => {
    const { countAgenciesByRegion } = await import("@/lib/db/regions");
    const plain = await t.db.$queryRaw<{ code: string; agencies: bigint }[]>`
      SELECT c."code", count(DISTINCT a."id") AS "agencies"
      FROM "Agency" a CROSS JOIN LATERAL (VALUES (a."provinceCode"), (a."prefectureCode"), (a."countyCode")) AS c("code")
      WHERE c."code" IS NOT NULL AND EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a."id")
      GROUP BY c."code"`;
    const counts = await countAgenciesByRegion();
    expect(counts.size).toBeGreaterThan(0);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(plain.map((r) => [r.code, Number(r.agencies)])));
  });
});
