/**
 * Migrations and schema.prisma cannot drift apart: a fresh database is migrated by our engine, every model is
 * written and read back through the generated client, on PostgreSQL and on PGlite, and diff-migrations is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations, diffMigrations } from "@/lib/db/schema-engine";
import { createTestDatabase, type BackendName, type TestDatabase } from "@/lib/testing/test-database";

describe("prisma/migrations", () => {
  it("match schema.prisma (diff-migrations yields an empty migration)", async () => {
    const sql = (await diffMigrations()).trim();
    expect(sql === "" || sql === "-- This is an empty migration.").toBe(true);
  });
});

describe.each<BackendName>(["postgres", "pglite"])("fresh %s database", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend, "test_foundation_migrate");
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("records the migrations in _prisma_migrations the way prisma migrate deploy does, and is idempotent", async () => {
    const rows = await t.db.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]>(
      `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
    }
    expect(await deployMigrations(t.adapter)).toEqual([]);
  });

  it("writes and reads every model through the generated client", async () => {
    const { db } = t;
    await db.region.create({ data: { code: "150000", name: "内蒙古自治区", level: 1, path: "内蒙古自治区" } });
    await db.region.create({
      data: { code: "150600", name: "鄂尔多斯市", level: 2, parentCode: "150000", path: "内蒙古自治区 › 鄂尔多斯市" },
    });
    const agency = await db.agency.create({
      data: {
        key: "150600/鄂尔多斯市人民政府",
        name: "鄂尔多斯市人民政府",
        regionCode: "150600",
        level: "市",
        kind: "人民政府",
        provinceCode: "150000",
        prefectureCode: "150600",
        aliases: { create: [{ name: "鄂尔多斯市政府" }] },
      },
    });
    await db.report.create({
      data: {
        agencyId: agency.id,
        year: 2024,
        version: 1,
        templateVersion: "2021",
        publishedOn: "2025-01-20",
        sha256: "a".repeat(64),
        mediaType: "text/plain",
        sourceKind: "text",
        sourceBytes: Buffer.from("原文"),
        sourceText: "原文",
        document: { schema: "ogi-annual-report/v1" },
        provenance: { "active.licensing": { status: "stated" } },
        findings: [],
        level: "市",
        kind: "人民政府",
        provinceCode: "150000",
        prefectureCode: "150600",
        regionCode: "150600",
        requestsReceived: 12,
        disclosureRate: 0.5,
        feesWanYuan: 1.5,
        litigationCorrectionRate: null,
      },
    });
    const read = await db.agency.findUniqueOrThrow({
      where: { key: "150600/鄂尔多斯市人民政府" },
      include: { aliases: true, reports: true, region: { include: { parent: true, children: true } } },
    });
    expect(read.aliases.map((a) => a.name)).toEqual(["鄂尔多斯市政府"]);
    expect(read.region?.parent?.name).toBe("内蒙古自治区");
    const report = read.reports[0]!;
    expect(report).toMatchObject({ year: 2024, isLatest: true, requestsReceived: 12, disclosureRate: 0.5, feesWanYuan: 1.5 });
    expect(Buffer.from(report.sourceBytes!).toString()).toBe("原文");
    expect(report.provenance).toEqual({ "active.licensing": { status: "stated" } });
    await expect(
      db.report.create({
        data: { ...report, id: undefined, sha256: "b".repeat(64), sourceBytes: null, document: {}, provenance: {}, findings: [] },
      }),
    ).rejects.toThrow(/Unique constraint/i);
  });
});
