/**
 * The 收录概况 columns of "Agency" (reportYears, firstYear, latestYear, latestRequestsReceived) stay equal to a direct
 * computation over the latest reports after every kind of write to "Report" that goes around store_reports: a plain
 * INSERT, an UPDATE that demotes a version or moves a report to another agency, a DELETE; all three triggers run the
 * one function of migration one_holdings_trigger. On PostgreSQL and PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countyGovernmentReport, loadDocuments, readSeedDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type BackendName, type TestDatabase } from "@/lib/testing/test-database";

const COUNTIES = ["150621", "150622", "150624"] as const; // 达拉特旗, 准格尔旗, 鄂托克旗

describe.each<BackendName>(["postgres", "pglite"])("agency holdings on %s", (backend) => {
  let t: TestDatabase;

  /** Agencies whose stored columns differ from a computation over their latest reports (none when the triggers held). */
  const stale = () =>
    t.db.$queryRaw<{ id: number }[]>`
      SELECT a."id" FROM "Agency" a
      LEFT JOIN LATERAL (
        SELECT count(r."year")::int AS "years", min(r."year") AS "first", max(r."year") AS "last",
               (array_agg(r."requestsReceived" ORDER BY r."year" DESC) FILTER (WHERE r."year" IS NOT NULL))[1] AS "requests"
        FROM "Report" r WHERE r."agencyId" = a."id" AND r."isLatest"
      ) s ON true
      WHERE (a."reportYears", a."firstYear", a."latestYear", a."latestRequestsReceived")
            IS DISTINCT FROM (s."years", s."first", s."last", s."requests")`;

  const holdings = async (code: string) =>
    t.db.agency.findFirstOrThrow({
      where: { regionCode: code },
      select: { id: true, reportYears: true, firstYear: true, latestYear: true, latestRequestsReceived: true },
    });

  beforeAll(async () => {
    t = await createTestDatabase(backend, "agency_holdings_test");
    const base = readSeedDocuments().find((d) => d.year === 2025)!;
    await loadDocuments(t.db, [
      countyGovernmentReport(base, COUNTIES[0], 11, 2023),
      countyGovernmentReport(base, COUNTIES[0], 12, 2024),
      countyGovernmentReport(base, COUNTIES[1], 21, 2024),
      countyGovernmentReport(base, COUNTIES[2], 31, 2025),
    ]);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("every holdings trigger runs the one function", async () => {
    const rows = await t.db.$queryRaw<{ tgname: string; proname: string }[]>`
      SELECT t."tgname", p."proname" FROM pg_trigger t JOIN pg_proc p ON p."oid" = t."tgfoid"
      WHERE t."tgrelid" = '"Report"'::regclass AND t."tgname" LIKE '%holdings' ORDER BY 1`;
    expect(rows).toEqual([
      { tgname: "Report_deleted_holdings", proname: "report_rows_holdings" },
      { tgname: "Report_inserted_holdings", proname: "report_rows_holdings" },
      { tgname: "Report_updated_holdings", proname: "report_rows_holdings" },
    ]);
    expect(await stale()).toEqual([]);
  });

  it("a plain INSERT of a newer year updates the agency's columns", async () => {
    const before = await holdings(COUNTIES[1]);
    expect(before).toMatchObject({ reportYears: 1, firstYear: 2024, latestYear: 2024, latestRequestsReceived: 21 });
    // a copy of its 2024 report as 2025 (a new sha256), written around store_reports
    await t.db.$executeRaw`
      INSERT INTO "Report"
      SELECT c.* FROM "Report" r, LATERAL jsonb_populate_record(NULL::"Report", to_jsonb(r) || jsonb_build_object(
        'id', nextval('"Report_id_seq"'), 'year', 2025, 'sha256', md5(r."sha256"), 'requestsReceived', 22)) c
      WHERE r."agencyId" = ${before.id}::int AND r."year" = 2024`;
    expect(await holdings(COUNTIES[1])).toMatchObject({ reportYears: 2, firstYear: 2024, latestYear: 2025, latestRequestsReceived: 22 });
    expect(await stale()).toEqual([]);
  });

  it("an UPDATE that moves a report to another agency refreshes both", async () => {
    const from = await holdings(COUNTIES[0]);
    const to = await holdings(COUNTIES[2]);
    await t.db.$executeRaw`UPDATE "Report" SET "agencyId" = ${to.id}::int WHERE "agencyId" = ${from.id}::int AND "year" = 2023`;
    expect(await holdings(COUNTIES[0])).toMatchObject({ reportYears: 1, firstYear: 2024, latestYear: 2024, latestRequestsReceived: 12 });
    expect(await holdings(COUNTIES[2])).toMatchObject({ reportYears: 2, firstYear: 2023, latestYear: 2025, latestRequestsReceived: 31 });
    expect(await stale()).toEqual([]);
  });

  it("an UPDATE that demotes a version and a DELETE of the last report refresh the agency", async () => {
    const a = await holdings(COUNTIES[0]);
    await t.db.$executeRaw`UPDATE "Report" SET "isLatest" = false WHERE "agencyId" = ${a.id}::int`;
    expect(await holdings(COUNTIES[0])).toMatchObject({ reportYears: 0, firstYear: null, latestYear: null, latestRequestsReceived: null });
    await t.db.$executeRaw`UPDATE "Report" SET "isLatest" = true WHERE "agencyId" = ${a.id}::int`;
    expect(await holdings(COUNTIES[0])).toMatchObject({ reportYears: 1, latestRequestsReceived: 12 });
    await t.db.$executeRaw`DELETE FROM "Report" WHERE "agencyId" = ${a.id}::int`;
    expect(await holdings(COUNTIES[0])).toMatchObject({ reportYears: 0, firstYear: null, latestYear: null, latestRequestsReceived: null });
    expect(await stale()).toEqual([]);
  });
});
