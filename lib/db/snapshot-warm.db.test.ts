/**
 * Warming the stored snapshots after an ingest (lib/db/snapshot-warm) on real PostgreSQL: after an ingest and a warm
 * pass, rankings, comparisons, coverage and region sums are read from fresh snapshots without any rebuild, and equal
 * what a reader's own build gives; several warmers at once (separate clients, as separate app instances) build each
 * group once and finish; a reader arriving during a warm gets the new data, waiting for a build in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { listRegions } from "@/lib/regions/gazetteer";
import type { CanonicalReport } from "@/lib/report/types";
import { loadDocuments, readSeedDocuments } from "@/lib/testing/seed-documents";
import { createRng } from "@/lib/testing/synth/prng";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let t: TestDatabase;
let rankings: typeof import("@/lib/db/rankings");
let compare: typeof import("@/lib/db/compare");
let warm: typeof import("@/lib/db/snapshot-warm");
let store: typeof import("@/lib/db/ranking-store");
let regionSums: typeof import("@/lib/db/region-sum-store");
let coverage: typeof import("@/lib/db/coverage");

const counties = listRegions().filter((r) => r.level === 3);
const PROVINCE = "150000";

function variant(base: CanonicalReport, regionCode: string, name: string, received: number | null, year: number): CanonicalReport {
  const copy = structuredClone(base);
  copy.agency = { name, regionCode };
  copy.year = year;
  copy.scope = "own";
  copy.requests.newReceived[6] = received;
  return copy;
}

const q = { figure: "requestsReceived" as const, include: false, order: "desc" as const, page: 1, pageSize: 10, level: "县" };
const cq = { figure: "requestsReceived" as const, sort: "value" as const, dir: "desc" as const, page: 1, pageSize: 10, level: "县" };

/** Every view the test reads for a year: a national ranking (with the year before), a comparison, region sums, coverage. */
async function readAll(year: number) {
  const ranking = await rankings.listRanking({ ...q, year });
  const comparison = await compare.getComparison({ ...cq, year });
  const sums = await regionSums.readRegionSums(t.db, [PROVINCE], year);
  const cov = await coverage.getRegionCoverage({ code: PROVINCE, years: [year], year });
  return {
    ranking: { peers: ranking.peers, leftOut: ranking.leftOut, rows: ranking.rows, median: ranking.median },
    comparison: { total: comparison.total, stated: comparison.stated, bars: comparison.bars, rows: comparison.rows },
    sums: sums.map((s) => ({ code: s.code, reports: s.reports, received: s.count("requestsReceived") })),
    coverage: cov.years,
  };
}

/** The newest snapshot id of each stored kind: unchanged across reads means no read rebuilt anything. */
async function newestIds(): Promise<number[]> {
  const [r] = await t.db.$queryRaw<{ ranking: number | null; cov: number | null; sums: number | null }[]>`
    SELECT (SELECT max("id") FROM "RankingSnapshot") AS "ranking", (SELECT max("id") FROM "CoverageSnapshot") AS "cov",
           (SELECT max("id") FROM "RegionSumSnapshot") AS "sums"`;
  return [r!.ranking ?? 0, r!.cov ?? 0, r!.sums ?? 0];
}

/** Snapshots per key built for the year's current data version (1 each when nothing was built twice). */
async function freshPerKey(year: number): Promise<number[]> {
  const rows = await t.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "RankingSnapshot" s
    WHERE s."year" = ${year}::int
      AND s."version" = (SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = ${`year:${year}`})
    GROUP BY s."key"`;
  return rows.map((r) => r.n);
}

/** Groups whose newest snapshot is stale (what a warm pass has to build). */
async function staleKeys(): Promise<number> {
  const [row] = await t.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM (SELECT DISTINCT ON ("key") * FROM "RankingSnapshot" ORDER BY "key", "id" DESC) s
    WHERE s."version" <> (SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = 'year:' || s."year")`;
  return row!.n;
}

/** A new version of the group's lowest report that puts it on top (an ingest changing `year`). */
async function moveLastToTop(year: number): Promise<{ agencyId: number; value: number }> {
  const top = (await rankings.listRanking({ ...q, year })).rows[0]!;
  const last = (await rankings.listRanking({ ...q, year, order: "asc" })).rows[0]!;
  const doc = (await t.db.report.findUniqueOrThrow({ where: { id: last.reportId } })).document as unknown as CanonicalReport;
  const value = top.value + 1000 + Math.floor(Math.random() * 1000);
  await loadDocuments(t.db, [variant(doc, doc.agency.regionCode!, doc.agency.name, value, year)]);
  return { agencyId: last.agencyId, value };
}

beforeAll(async () => {
  t = await createTestDatabase("postgres", "snapshot_warm_test");
  process.env.DATABASE_URL = t.url!;
  const base = readSeedDocuments().find((d) => d.year === 2025)!;
  const rng = createRng(11);
  const docs: CanonicalReport[] = [];
  const inProvince = counties.filter((c) => c.code.startsWith("15")).slice(0, 20);
  const elsewhere = counties
    .filter((c) => !c.code.startsWith("15"))
    .filter((_, i) => i % 41 === 0)
    .slice(0, 30);
  for (const c of [...inProvince, ...elsewhere]) {
    // ties (a small range of values) and some 未填报
    const value = (year: number): number | null => (rng.chance(0.1) ? null : rng.int(0, 12) * 10 + (year % 2));
    docs.push(variant(base, c.code, `${c.name}人民政府`, value(2025), 2025), variant(base, c.code, `${c.name}人民政府`, value(2024), 2024));
  }
  await loadDocuments(t.db, docs);
  rankings = await import("@/lib/db/rankings");
  compare = await import("@/lib/db/compare");
  warm = await import("@/lib/db/snapshot-warm");
  store = await import("@/lib/db/ranking-store");
  regionSums = await import("@/lib/db/region-sum-store");
  coverage = await import("@/lib/db/coverage");
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("warming snapshots after an ingest", () => {
  it("rebuilds what the ingest made stale, so reads hit fresh snapshots without rebuilding, equal to a reader's build", async () => {
    await readAll(2025);
    await readAll(2024);
    // nothing stale yet: a pass builds nothing
    const idle = await warm.warmSnapshots(t.db);
    expect(idle).toMatchObject({ groupsBuilt: 0, coverageYears: 0, regionSumYears: 0 });

    const moved = await moveLastToTop(2025);
    // the 2025 rankings (both orders) and comparison; the 2024 groups were untouched
    expect(await staleKeys()).toBe(3);
    const summary = await warm.warmSnapshots(t.db);
    // coverage and region sums of 2025 only
    expect(summary.groupsBuilt).toBe(3);
    expect(summary.regionSumYears).toBe(1);
    expect(summary.coverageYears).toBe(1);

    const before = await newestIds();
    const warmed = await readAll(2025);
    await readAll(2024);
    expect(await newestIds()).toEqual(before);
    expect(warmed.ranking.rows[0]).toMatchObject({ agencyId: moved.agencyId, value: moved.value, rank: 1, percentile: 100 });
    expect(warmed.comparison.bars[0]).toMatchObject({ agencyId: moved.agencyId, value: moved.value });

    // the same views built by a reader from nothing: the warmed snapshots hold exactly the same rows
    await t.db.$executeRaw`DELETE FROM "RankingSnapshot"`;
    await t.db.$executeRaw`DELETE FROM "CoverageSnapshot"`;
    await t.db.$executeRaw`DELETE FROM "RegionSumSnapshot"`;
    expect(await readAll(2025)).toEqual(warmed);
    expect((await warm.warmSnapshots(t.db)).groupsBuilt).toBe(0);
  });

  it("with several warmers at once (separate clients): every stale group built once, no deadlock", async () => {
    await readAll(2025);
    await readAll(2024);
    await rankings.listRanking({ ...q, year: 2025, order: "asc" });
    await rankings.listRanking({ ...q, year: 2025, scope: PROVINCE, kind: "人民政府", include: true });
    await moveLastToTop(2025);
    await moveLastToTop(2024);
    const stale = await staleKeys();
    expect(stale).toBeGreaterThanOrEqual(5);
    const others: Db[] = await Promise.all([createDb({ databaseUrl: t.url! }), createDb({ databaseUrl: t.url! })]);
    try {
      const passes = await Promise.all([t.db, ...others].map((db) => warm.warmSnapshots(db)));
      // each stale group once: built, or carried forward when the ingests left its rows alone (the province's group)
      expect(passes.reduce((n, p) => n + p.groupsBuilt + p.groupsCarried, 0)).toBe(stale);
      expect(await freshPerKey(2025)).toEqual(expect.arrayContaining([1]));
      expect((await freshPerKey(2025)).every((n) => n === 1)).toBe(true);
      expect((await freshPerKey(2024)).every((n) => n === 1)).toBe(true);
      const before = await newestIds();
      await readAll(2025);
      await readAll(2024);
      expect(await newestIds()).toEqual(before);
    } finally {
      await Promise.all(others.map((db) => db.$disconnect()));
    }
  });

  it("a reader arriving during a build waits for it and reads the new data; readers and warmers together build once", async () => {
    await readAll(2025);
    let moved = await moveLastToTop(2025);
    const group = rankings.rankingGroup({ ...q, year: 2025 });
    const key = store.snapshotKey(group);
    // another process holds the group's build lock (a warm build in progress): the reader waits for it, then builds
    // (nothing was built under the lock) and reads the new data, never the stale snapshot
    const other = await createDb({ databaseUrl: t.url! });
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = other.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
        locked();
        await held;
      });
      await isLocked;
      let answered = false;
      const reading = rankings.listRanking({ ...q, year: 2025 }).then((r) => {
        answered = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(answered).toBe(false);
      release();
      await holder;
      expect((await reading).rows[0]).toMatchObject({ agencyId: moved.agencyId, value: moved.value });
    } finally {
      await other.$disconnect();
    }

    // readers and a warm pass at the same time, right after an ingest: all read the new data, each group built once
    moved = await moveLastToTop(2025);
    const [, ...read] = await Promise.all([
      warm.warmSnapshots(t.db),
      ...Array.from({ length: 4 }, () => rankings.listRanking({ ...q, year: 2025 })),
      compare.getComparison({ ...cq, year: 2025 }),
    ]);
    for (const r of read) {
      const first = "bars" in r ? r.bars[0] : r.rows[0];
      expect(first).toMatchObject({ agencyId: moved.agencyId, value: moved.value });
    }
    expect((await freshPerKey(2025)).every((n) => n === 1)).toBe(true);
  });

  it("leaves groups nobody asked for within WARM_DAYS to readers (and deletes them once stale)", async () => {
    await rankings.listRanking({ ...q, year: 2025, kind: "人民政府" });
    const key = store.snapshotKey(rankings.rankingGroup({ ...q, year: 2025, kind: "人民政府" }));
    await t.db.$executeRaw`
      UPDATE "RankingSnapshot" SET "requestedAt" = now() - make_interval(days => ${store.WARM_DAYS + 1}::int),
                                   "builtAt" = now() - interval '2 minutes'
      WHERE "key" = ${key}`;
    await moveLastToTop(2025);
    await warm.warmSnapshots(t.db);
    // not rebuilt, and its stale snapshot deleted (by the pass, or by the rebuild of another group of the year)
    expect(await t.db.rankingSnapshot.count({ where: { key } })).toBe(0);
    // a reader builds it again, and from then on it is warmed again
    await rankings.listRanking({ ...q, year: 2025, kind: "人民政府" });
    await moveLastToTop(2025);
    await warm.warmSnapshots(t.db);
    const before = await newestIds();
    await rankings.listRanking({ ...q, year: 2025, kind: "人民政府" });
    expect(await newestIds()).toEqual(before);
  });

  it("never builds from a stored definition that no longer gives its key (changed rules or a bad row)", () => {
    const group = rankings.rankingGroup({ ...q, year: 2025 });
    const key = store.snapshotKey(group);
    const stored = { view: "ranking", params: group.params };
    expect(warm.storedDefinition(key, stored)).not.toBeNull();
    expect(warm.storedDefinition(key, { ...stored, params: { ...group.params, include: true } })).toBeNull();
    expect(warm.storedDefinition(key, { ...stored, params: { ...group.params, figure: "nope" } })).toBeNull();
    expect(warm.storedDefinition(key, { view: "elsewhere", params: group.params })).toBeNull();
    expect(warm.storedDefinition(key, null)).toBeNull();
  });
});
