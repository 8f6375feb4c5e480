/**
 * Search on PostgreSQL and PGlite (pg_trgm loaded in both): relevance tiers, pinyin, typos, paging with counts,
 * and ONE statement per search whatever the query (a 100-character query that matches nothing included).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { listAgencyIdsContaining, searchIn } from "@/lib/db/search";
import { searchSql, type SearchSqlOptions } from "@/lib/db/search-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { toSearchPlan } from "@/lib/search/search-plan";
import { seedRegions } from "@/lib/db/seed-regions";
import { sha256Hex } from "@/lib/ingest/sha256-hex";
import { storeParsed } from "@/lib/db/upsert-report";
import type { CanonicalReport } from "@/lib/report/types";
import { createTestDatabase, type BackendName, type TestDatabase } from "@/lib/testing/test-database";
import { countingDb } from "@/lib/testing/counting-db";

const FIXTURES = path.join(import.meta.dirname, "../report/fixtures");

function loadExpected(file: string): CanonicalReport {
  const raw = JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as CanonicalReport & { agency: { name: string | string[] } };
  const name = Array.isArray(raw.agency.name) ? raw.agency.name[0]! : raw.agency.name;
  return { ...raw, agency: { ...raw.agency, name } } as CanonicalReport;
}

async function store(db: Db, document: CanonicalReport, tag: string): Promise<void> {
  const bytes = new TextEncoder().encode(`${tag}:${document.agency.name}:${document.agency.regionCode}:${document.year}`);
  await storeParsed(db, {
    parsed: { ok: true, document, provenance: {}, findings: [], sourceText: tag, sourceKind: "text" },
    bytes,
    sha256: sha256Hex(bytes),
    mediaType: "text/plain",
  });
}

describe.each<BackendName>(["postgres", "pglite"])("search on %s", (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(backend, "test_search");
    await seedRegions(t.db);
    const seed = loadExpected("seeds/000_a0650e73d90a4fd5.expected.json");
    await store(t.db, seed, "a");
    await store(t.db, loadExpected("seeds/002_6e120918e3f19fd6.expected.json"), "b");
    await store(t.db, loadExpected("seeds/003_a8e4ccc3c9963d88.expected.json"), "c");
    await store(t.db, loadExpected("pdf/huaian-2024.expected.json"), "d");
    await store(t.db, loadExpected("pdf/hongze-2024.expected.json"), "e");
    // same name in two places, and 25 bodies sharing a word for paging
    for (const [name, regionCode] of [
      ["鼓楼区人民政府", "320106"],
      ["鼓楼区人民政府", "320302"],
      ["淮安市淮安区淮城街道办事处", "320803"],
    ] as const) {
      await store(t.db, { ...seed, agency: { name, regionCode } }, "f");
    }
    for (let i = 0; i < 25; i++) await store(t.db, { ...seed, agency: { name: `测试第${i + 1}号人民政府`, regionCode: null } }, `g${i}`);
  }, 240_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("ranks the exact name first (淮安市政府 → 淮安市人民政府), before street offices in its region", async () => {
    const r = await searchIn(t.db, "淮安市政府");
    expect(r.agencies[0]).toMatchObject({ name: "淮安市人民政府", tier: 0, regionPath: "江苏省 › 淮安市" });
    const byPath = await searchIn(t.db, "淮安市");
    expect(byPath.agencies[0]?.name).toBe("淮安市人民政府");
    expect(byPath.total).toBe(3);
    expect(byPath.agencies.map((a) => a.name)).toEqual(expect.arrayContaining(["洪泽区人民政府"]));
  });

  it("finds by pinyin and initials", async () => {
    expect((await searchIn(t.db, "etuoke")).agencies.map((a) => a.name)).toEqual(["鄂托克旗人民政府"]);
    expect((await searchIn(t.db, "etkq")).agencies.map((a) => a.name)).toEqual(["鄂托克旗人民政府"]);
    expect((await searchIn(t.db, "huaian rmzf")).agencies[0]?.name).toBe("淮安市人民政府");
  });

  it("tolerates a typo: 鄂拖克 finds 鄂托克旗人民政府 as approximate, with the correction", async () => {
    const r = await searchIn(t.db, "鄂拖克");
    expect(r.agencies.map((a) => a.name)).toEqual(["鄂托克旗人民政府"]);
    expect(r.approximate).toBe(true);
    expect(r.plan.corrections.map((c) => c.name)).toContain("鄂托克旗");
    const trigram = await searchIn(t.db, "鄂托克旗人民政俯");
    expect(trigram.agencies[0]?.name).toBe("鄂托克旗人民政府");
  });

  it("keeps same-named bodies apart by region path", async () => {
    const r = await searchIn(t.db, "鼓楼区");
    expect(r.agencies.map((a) => a.regionPath).sort()).toEqual(["江苏省 › 南京市 › 鼓楼区", "江苏省 › 徐州市 › 鼓楼区"]);
  });

  it("counts and pages: 人民政府 matches 30 bodies over two pages", async () => {
    const first = await searchIn(t.db, "人民政府", 1, 20);
    const second = await searchIn(t.db, "人民政府", 2, 20);
    expect(first.total).toBe(30);
    expect(second.total).toBe(30);
    expect(first.agencies).toHaveLength(20);
    expect(second.agencies).toHaveLength(10);
    expect(new Set([...first.agencies, ...second.agencies].map((a) => a.id)).size).toBe(30);
  });

  it("finds through the stored search tokens, which follow every alias and region path write", async () => {
    const drift = async (): Promise<number> => {
      const [row] = await t.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Agency"
        WHERE "searchTokens" IS DISTINCT FROM "agency_search_tokens"("id", "name", "regionCode")`;
      return Number(row?.n);
    };
    expect(await drift()).toBe(0);
    const huaian = (await searchIn(t.db, "淮安市人民政府")).agencies[0]!;
    expect((await searchIn(t.db, "清江浦别名")).total).toBe(0);
    await t.db.$executeRaw`INSERT INTO "AgencyAlias" ("agencyId", "name") VALUES (${huaian.id}, ${"清江浦别名政府"})`;
    expect((await searchIn(t.db, "清江浦别名")).agencies.map((a) => a.name)).toEqual(["淮安市人民政府"]);
    await t.db.$executeRaw`UPDATE "AgencyAlias" SET "name" = ${"清河别名政府"} WHERE "name" = ${"清江浦别名政府"}`;
    expect((await searchIn(t.db, "清江浦别名")).total).toBe(0);
    expect((await searchIn(t.db, "清河别名")).total).toBe(1);
    await t.db.$executeRaw`DELETE FROM "AgencyAlias" WHERE "name" = ${"清河别名政府"}`;
    expect((await searchIn(t.db, "清河别名")).total).toBe(0);
    const path = "江苏省 › 淮安市";
    await t.db.$executeRaw`UPDATE "Region" SET "path" = ${`${path} › 里运河`} WHERE "code" = '320800'`;
    expect((await searchIn(t.db, "里运河")).agencies.map((a) => a.name)).toEqual(["淮安市人民政府"]);
    await t.db.$executeRaw`UPDATE "Region" SET "path" = ${path} WHERE "code" = '320800'`;
    expect((await searchIn(t.db, "里运河")).total).toBe(0);
    expect(await drift()).toBe(0);
  });

  it("lists the agencies a name fragment can be in (name, alias, region path), null when there are too many", async () => {
    const names = async (ids: number[] | null): Promise<string[] | null> =>
      ids && (await t.db.agency.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((a) => a.name);
    expect(await names(await listAgencyIdsContaining(t.db, "托克"))).toEqual(["鄂托克旗人民政府"]);
    expect(await names(await listAgencyIdsContaining(t.db, "洪泽"))).toEqual(expect.arrayContaining(["洪泽区人民政府"]));
    expect(await listAgencyIdsContaining(t.db, "不存在的机关")).toEqual([]);
    expect(await listAgencyIdsContaining(t.db, "人民政府", 10)).toBeNull();
    expect((await listAgencyIdsContaining(t.db, "人民政府", 100))?.length).toBe(30);
  });

  it("a common word costs each candidate no probe of Report, Region or aliases: only the page's rows are looked up", async () => {
    type PlanNode = { "Relation Name"?: string; "Actual Loops"?: number; "Actual Rows"?: number; Plans?: PlanNode[] };
    const sql = searchSql(toSearchPlan("人民政府"), 1, 10)!;
    const [row] = await t.db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
    const reads = new Map<string, number>();
    const walk = (node: PlanNode): void => {
      const name = node["Relation Name"];
      if (name) reads.set(name, (reads.get(name) ?? 0) + (node["Actual Loops"] ?? 0));
      node.Plans?.forEach(walk);
    };
    walk(row!["QUERY PLAN"][0].Plan);
    // 30 candidates and hits, a page of 10: "Report" (the years) and "Region" (the path) once per shown row at most
    expect((await searchIn(t.db, "人民政府", 1, 10)).total).toBe(30);
    expect(reads.get("Report") ?? 0).toBeLessThanOrEqual(10);
    expect(reads.get("Region") ?? 0).toBeLessThanOrEqual(10);
    expect(reads.get("AgencyAlias") ?? 0).toBe(0);
  });

  it("pages a large tier nearest first from the trigram index with the same hits, order and total as sorting it", async () => {
    type Row = { id: number; name: string; tier: number; years: number[]; regionPath: string | null; total: bigint | number };
    const read = async (query: string, page: number, pageSize: number, options?: SearchSqlOptions): Promise<string> => {
      const rows = await t.db.$queryRaw<Row[]>(searchSql(toSearchPlan(query), page, pageSize, options)!);
      return JSON.stringify(rows.map((r) => [r.id, r.name, r.tier, r.years, r.regionPath, Number(r.total)]));
    };
    // every tier sorted in full (the old way) against every large-enough tier read nearest first, on every page
    // (several small pages, so the page ends fall inside tiers and among ties, and the tiers before a page are skipped)
    const sorted: SearchSqlOptions = { nearestMinHits: 1_000_000, nearestMaxDepth: 0 };
    const nearest: SearchSqlOptions = { nearestMinHits: 0, nearestMaxDepth: 1_000_000 };
    const shallow: SearchSqlOptions = { nearestMinHits: 0, nearestMaxDepth: 7 };
    for (const query of ["人民政府", "政府", "测试", "淮安", "鼓楼区 人民政府", "renminzhengfu", "人民政府办公室"]) {
      for (const pageSize of [3, 7, 20]) {
        for (let page = 1; page <= Math.ceil(32 / pageSize) + 1; page++) {
          const expected = await read(query, page, pageSize, sorted);
          expect(await read(query, page, pageSize, nearest), `${query} ${page}×${pageSize}`).toBe(expected);
          expect(await read(query, page, pageSize, shallow), `${query} ${page}×${pageSize} shallow`).toBe(expected);
        }
      }
    }
    // the total is the count of every hit, whichever page is read
    expect(JSON.parse(await read("人民政府", 4, 7, nearest))[0][5]).toBe(30);
  });

  it("a large tier read nearest first stops near the page's end instead of reading every hit", async () => {
    type PlanNode = { "Index Name"?: string; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: PlanNode[] };
    const sql = searchSql(toSearchPlan("人民政府"), 1, 3, { nearestMinHits: 0, nearestMaxDepth: 1000 })!;
    const [row] = await t.db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
    let fromIndex = 0;
    const walk = (node: PlanNode): void => {
      if (node["Index Name"] === "Agency_name_trgm_gist_idx") fromIndex += (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 0);
      node.Plans?.forEach(walk);
    };
    walk(row!["QUERY PLAN"][0].Plan);
    // 30 hits (25 of them 测试第N号人民政府, one tier): the first page of 3 reads the nearest names and their ties only
    expect(fromIndex).toBeGreaterThan(0);
    expect(fromIndex).toBeLessThan(20);
  });

  it("asks the database once per search, whatever the query", async () => {
    for (const q of [
      "x".repeat(100),
      "鄂".repeat(100),
      "鄂拖克",
      "etuoke renminzhengfu",
      "额敏县政府",
      "淮安市 洪泽 人民 政府 办公室 街道",
    ]) {
      const c = countingDb(t.db);
      await searchIn(c.db, q);
      expect(c.calls(), q).toBe(1);
    }
  });
});
