/**
 * Warming from the change log (lib/db/change-log, issue 13) on real PostgreSQL: after any sequence of writes — new
 * bodies, new versions of a report (its value, its 报告口径, a failed identity, the same value again), renames, moves to
 * another province, deleted reports and bodies, across years and regions, with and without a region — the snapshots the
 * warm passes and readers brought up to date (ranking groups carried forward untouched, coverage and region sums patched
 * a region at a time) hold exactly what a build from nothing gives: every header, every entry, every count and sum.
 * Two instances warming at once agree; the same on PGlite (the embedded store). A write leaves what it does not touch alone: the groups of another province keep their snapshot and entries, and the
 * coverage and region-sum rows of another province are not rewritten.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRegion, listRegions } from "@/lib/regions/gazetteer";
import { toAgencyIdentity } from "@/lib/regions/agency-identity";
import type { CanonicalReport } from "@/lib/report/types";
import { insertRegions, loadDocuments, readSeedDocuments } from "@/lib/testing/seed-documents";
import { createRng } from "@/lib/testing/synth/prng";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import type { GroupDefinition } from "@/lib/db/ranking-store";
import type { WarmSummary } from "@/lib/db/snapshot-warm";

let t: TestDatabase;
let rankings: typeof import("@/lib/db/rankings");
let compare: typeof import("@/lib/db/compare");
let warm: typeof import("@/lib/db/snapshot-warm");
let store: typeof import("@/lib/db/ranking-store");
let coverageStore: typeof import("@/lib/db/coverage-store");
let regionSumStore: typeof import("@/lib/db/region-sum-store");

const YEARS = [2023, 2024, 2025];
/** Two provinces, a few prefectures, counties and townships in each; bodies with no region too. */
const PROVINCES = ["320000", "150000"];
const pick = (level: number, province: string, n: number) =>
  listRegions()
    .filter((r) => r.level === level && r.code.startsWith(province.slice(0, 2)))
    .filter((_, i) => i % 7 === 0)
    .slice(0, n);
const REGIONS = PROVINCES.flatMap((p) => [getRegion(p)!, ...pick(2, p, 3), ...pick(3, p, 6), ...pick(4, p, 4)]);

const rng = createRng(20261203);
const base = readSeedDocuments().find((d) => d.year === 2025)!;

/** A body's report: a government (named after its region) or a department, own or summary, with 申请量 and 办结量. */
function report(name: string, regionCode: string | null, year: number, received: number | null, scope: "own" | "summary"): CanonicalReport {
  const copy = structuredClone(base);
  copy.agency = { name, regionCode };
  copy.year = year;
  copy.scope = scope;
  copy.requests.newReceived[6] = received;
  return copy;
}

const value = (): number | null => (rng.chance(0.1) ? null : rng.int(0, 20) * 5);

/** The groups the test keeps stored (as readers asked for them): rankings and comparisons of several peer groups. */
function groups(): GroupDefinition[] {
  const defs: GroupDefinition[] = [];
  for (const year of YEARS) {
    for (const figure of ["requestsReceived", "notHeldRate"] as const) {
      defs.push(rankings.rankingGroup({ figure, year, include: false, order: "desc" }));
      defs.push(rankings.rankingGroup({ figure, year, include: true, order: "asc", level: "县" }));
      defs.push(compare.compareGroup({ figure, year }));
      for (const scope of PROVINCES) {
        defs.push(rankings.rankingGroup({ figure, year, include: false, order: "desc", scope }));
        defs.push(compare.compareGroup({ figure, year, scope, kind: "人民政府" }));
        defs.push(rankings.rankingGroup({ figure, year, include: false, order: "desc", scope, reportScope: "own" }));
        defs.push(compare.compareGroup({ figure, year, scope, reportScope: "summary" }));
      }
      defs.push(rankings.rankingGroup({ figure, year, include: false, order: "desc", scope: pick(2, "320000", 1)[0]!.code, level: "乡" }));
    }
  }
  return defs;
}

/** The years coverage and region sums are stored for. */
async function storedYears(db: Db): Promise<{ coverage: number[]; sums: number[] }> {
  const rows = await db.$queryRaw<{ year: number }[]>`SELECT DISTINCT "year" FROM "Report" WHERE "isLatest" ORDER BY 1`;
  const sums = rows.map((r) => r.year);
  const coverage = sums.length ? Array.from({ length: sums.at(-1)! - sums[0]! + 1 }, (_, i) => sums[0]! + i) : [];
  return { coverage, sums };
}

/**
 * Everything the fresh snapshots hold (ids, versions and times aside): per group its header and entries, per year the
 * coverage counts and governments and the region sums. A stale or missing snapshot is a failure: the warm pass before
 * it must have brought every asked group and year up to date.
 */
async function dump(defs: GroupDefinition[], db: Db = t.db) {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    const [head] = await db.$queryRaw<{ id: number | null }[]>(store.snapshotHeaderSql({ group: def }));
    expect(head?.id, `fresh snapshot of ${store.snapshotKey(def)}`).not.toBeNull();
    const [h] = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT "peers", "total", "notReported", "smallSample", "identityFailed", "noneHandled", "median", "quartiles",
             "barIds", "barNames", "barValues", encode("digest", 'hex') AS "digest", "members", "definition"
      FROM "RankingSnapshot" WHERE "id" = ${head!.id}::int`;
    const entries = await db.$queryRaw<unknown[]>`
      SELECT "position", "ascPosition", "namePosition", "rank", "percentile", "reportId", "agencyId", "value"
      FROM "RankingEntry" WHERE "snapshotId" = ${head!.id}::int ORDER BY "position"`;
    out[store.snapshotKey(def)] = { header: h, entries };
  }
  const years = await storedYears(db);
  for (const year of years.coverage) {
    const [c] = await db.$queryRaw<{ id: number | null }[]>`SELECT ${coverageStore.freshCoverageId(Prisma.sql`${year}::int`)} AS "id"`;
    expect(c?.id, `fresh coverage of ${year}`).not.toBeNull();
    out[`coverage:${year}`] = {
      counts: await db.$queryRaw`
        SELECT "scopeLevel", "scopeCode", "year", "level", "expected", "collected" FROM "CoverageCount"
        WHERE "snapshotId" = ${c!.id}::int ORDER BY 1, 2, 3, 4`,
      governments: await db.$queryRaw`
        SELECT "year", "regionCode", "level", "provinceCode", "prefectureCode", "countyCode" FROM "CoverageGovernment"
        WHERE "snapshotId" = ${c!.id}::int ORDER BY 1, 2`,
    };
  }
  for (const year of years.sums) {
    const [s] = await db.$queryRaw<{ id: number | null }[]>`SELECT ${regionSumStore.freshRegionSumId(Prisma.sql`${year}::int`)} AS "id"`;
    expect(s?.id, `fresh region sums of ${year}`).not.toBeNull();
    out[`sums:${year}`] = await db.$queryRaw`
      SELECT "scopeLevel", "scopeCode", "year", "reports", "governments", "sums" FROM "RegionSum"
      WHERE "snapshotId" = ${s!.id}::int ORDER BY 1, 2, 3`;
  }
  return out;
}

/** Every snapshot deleted and built again from nothing: the reference. */
async function rebuildAll(defs: GroupDefinition[], db: Db = t.db): Promise<void> {
  await db.$executeRaw`DELETE FROM "RankingSnapshot"`;
  await db.$executeRaw`DELETE FROM "CoverageSnapshot"`;
  await db.$executeRaw`DELETE FROM "RegionSumSnapshot"`;
  for (const def of defs) await store.ensureSnapshot(db, def);
  const years = await storedYears(db);
  for (const year of years.coverage) await coverageStore.buildCoverageSnapshot(db, year);
  for (const year of years.sums) await regionSumStore.buildRegionSumSnapshot(db, year);
}

type Latest = { id: number; agencyId: number; year: number; document: CanonicalReport };

async function latestReports(): Promise<Latest[]> {
  return t.db.$queryRaw<Latest[]>`
    SELECT "id", "agencyId", "year", "document" FROM "Report" WHERE "isLatest" ORDER BY "id"`;
}

let bodies = 0;

/** One random write of the kinds an ingest or an edit makes; returns what it did. */
async function randomWrite(): Promise<string> {
  const kind = rng.int(0, 9);
  const latest = await latestReports();
  const some = latest[rng.int(0, latest.length - 1)]!;
  if (kind <= 1) {
    // a new body: a government of its region, a department, or a body with no region
    const region = rng.chance(0.1) ? null : REGIONS[rng.int(0, REGIONS.length - 1)]!;
    const name = region && rng.chance(0.4) ? `${region.name}人民政府` : `${region?.name ?? "国家"}第${++bodies}局`;
    await loadDocuments(t.db, [report(name, region?.code ?? null, YEARS[rng.int(0, 2)]!, value(), rng.chance(0.2) ? "summary" : "own")]);
    return `new ${name}`;
  }
  if (kind <= 4) {
    // a new version: another value, the same value (only the report id changes), a flipped 报告口径, a failed identity
    const doc = structuredClone(some.document);
    const how = rng.int(0, 3);
    if (how === 0) doc.requests.newReceived[6] = value();
    if (how === 2) doc.scope = doc.scope === "own" ? "summary" : "own";
    if (how === 1) doc.publishedOn = `${some.year + 1}-0${rng.int(1, 9)}-01`; // other bytes, same figures
    await loadDocuments(t.db, [doc], { identitiesOk: how !== 3 });
    return `version ${how} of ${some.id}`;
  }
  if (kind === 5) {
    // a rename: the name orders ties, and a government named after another place is no longer its region's
    await t.db.agency.update({ where: { id: some.agencyId }, data: { name: `改${++bodies}${some.document.agency.name as string}` } });
    return `rename ${some.agencyId}`;
  }
  if (kind === 6) {
    // a move to a region of the other province (or to none): its reports' peer-group keys follow
    const region = rng.chance(0.2) ? null : REGIONS[rng.int(0, REGIONS.length - 1)]!;
    const id = toAgencyIdentity({ name: some.document.agency.name as string, regionCode: region?.code ?? null });
    await t.db.agency.update({
      where: { id: some.agencyId },
      data: {
        regionCode: region?.code ?? null,
        level: id.level,
        provinceCode: id.provinceCode,
        prefectureCode: id.prefectureCode,
        countyCode: id.countyCode,
      },
    });
    return `move ${some.agencyId} to ${region?.code ?? "none"}`;
  }
  if (kind === 7) {
    // a deleted report (every version of the body's year)
    await t.db.report.deleteMany({ where: { agencyId: some.agencyId, year: some.year } });
    return `delete report ${some.agencyId}/${some.year}`;
  }
  if (kind === 8) {
    // a deleted body (its reports go with it)
    await t.db.agency.delete({ where: { id: some.agencyId } });
    return `delete body ${some.agencyId}`;
  }
  // a batch: several bodies' new versions in one transaction
  const docs = [0, 1, 2, 3].map(() => {
    const doc = structuredClone(latest[rng.int(0, latest.length - 1)]!.document);
    doc.requests.newReceived[6] = value();
    return doc;
  });
  await loadDocuments(t.db, docs);
  return `batch of ${docs.length}`;
}

beforeAll(async () => {
  t = await createTestDatabase("postgres", "warm_incremental_test");
  process.env.DATABASE_URL = t.url!;
  rankings = await import("@/lib/db/rankings");
  compare = await import("@/lib/db/compare");
  warm = await import("@/lib/db/snapshot-warm");
  store = await import("@/lib/db/ranking-store");
  coverageStore = await import("@/lib/db/coverage-store");
  regionSumStore = await import("@/lib/db/region-sum-store");
  await insertRegions(
    t.db,
    REGIONS.map((r) => r.code),
  );
  const docs: CanonicalReport[] = [];
  for (const region of REGIONS) {
    for (const year of YEARS) {
      if (rng.chance(0.2)) continue;
      docs.push(report(`${region.name}人民政府`, region.code, year, value(), "own"));
      if (rng.chance(0.5)) docs.push(report(`${region.name}教育局`, region.code, year, value(), rng.chance(0.3) ? "summary" : "own"));
    }
  }
  docs.push(report("国家信访局", null, 2024, 40, "own"));
  await loadDocuments(t.db, docs);
  // every group and year read once, as readers would (their snapshots stored, the groups warmed from now on)
  await rebuildAll(groups());
}, 300_000);

afterAll(async () => {
  await t?.drop();
});

describe("warming from the change log", () => {
  it("after any sequence of writes, equals a build from nothing; untouched groups carried, coverage and sums patched", async () => {
    const defs = groups();
    const other = await createDb({ databaseUrl: t.url! });
    onTestFinished(() => other.$disconnect());
    const totals = { untouched: 0, built: 0, carried: 0, coveragePatched: 0, sumsPatched: 0, pruned: 0 };
    const add = (s: WarmSummary) => {
      totals.untouched += s.groupsUntouched;
      totals.built += s.groupsBuilt;
      totals.carried += s.groupsCarried;
      totals.coveragePatched += s.coveragePatched;
      totals.sumsPatched += s.regionSumPatched;
      totals.pruned += s.changesPruned;
    };
    for (let round = 0; round < 6; round++) {
      const done: string[] = [];
      for (let step = 0; step < 4; step++) {
        done.push(await randomWrite());
        if (rng.chance(0.3)) {
          // a reader first: one group and one year brought up to date on read, between the write and the warm pass
          await store.ensureSnapshot(t.db, defs[rng.int(0, defs.length - 1)]!);
          const year = YEARS[rng.int(0, 2)]!;
          await coverageStore.buildCoverageSnapshot(t.db, year);
          await regionSumStore.buildRegionSumSnapshot(t.db, year);
        }
        if (rng.chance(0.7)) add(await warm.warmSnapshots(t.db));
      }
      // the last pass of the round from two instances at once (separate clients): each part brought up to date once
      const passes = await Promise.all([warm.warmSnapshots(t.db), warm.warmSnapshots(other)]);
      passes.forEach(add);
      const incremental = await dump(defs);
      await rebuildAll(defs);
      expect(incremental, `round ${round}: ${done.join(", ")}`).toEqual(await dump(defs));
    }
    // the incremental paths were taken, not only builds from nothing
    expect(totals.untouched).toBeGreaterThan(0);
    expect(totals.coveragePatched).toBeGreaterThan(0);
    expect(totals.sumsPatched).toBeGreaterThan(0);
    expect(totals.pruned).toBeGreaterThan(0);
  }, 600_000);

  it("an ingest in one province leaves the other's groups, coverage and sums untouched (not rewritten)", async () => {
    const defs = groups();
    await warm.warmSnapshots(t.db);
    const other = PROVINCES[1]!;
    const otherGroups = defs.filter((d) => d.year === 2024 && d.members && Object.values(d.members).includes(other));
    expect(otherGroups.length).toBeGreaterThan(0);
    const rowVersions = async () =>
      t.db.$queryRaw<{ what: string; xmin: string }[]>`
        SELECT 'entry:' || e."snapshotId" || ':' || e."position" AS "what", e.xmin::text AS "xmin" FROM "RankingEntry" e
        WHERE e."snapshotId" IN (SELECT s."id" FROM "RankingSnapshot" s WHERE s."key" = ANY(${otherGroups.map(store.snapshotKey)}::text[]))
        UNION ALL
        SELECT 'sum:' || s."scopeLevel" || ':' || s."scopeCode", s.xmin::text FROM "RegionSum" s
        WHERE s."year" = 2024 AND s."scopeCode" LIKE ${`${other.slice(0, 2)}%`}
        UNION ALL
        SELECT 'count:' || c."scopeLevel" || ':' || c."scopeCode" || ':' || c."level", c.xmin::text FROM "CoverageCount" c
        WHERE c."year" = 2024 AND c."scopeLevel" > 0 AND c."scopeCode" LIKE ${`${other.slice(0, 2)}%`}
        ORDER BY 1`;
    const ids = async () =>
      Promise.all(
        otherGroups.map(async (def) => (await t.db.$queryRaw<{ id: number | null }[]>(store.snapshotHeaderSql({ group: def })))[0]?.id),
      );
    const before = { rows: await rowVersions(), ids: await ids() };
    expect(before.rows.length).toBeGreaterThan(0);
    const county = pick(3, PROVINCES[0]!, 6)[2]!;
    await loadDocuments(t.db, [report(`${county.name}人民政府`, county.code, 2024, 4321, "own")]);
    const summary = await warm.warmSnapshots(t.db);
    expect(summary).toMatchObject({ coveragePatched: summary.coverageYears, regionSumPatched: 1 });
    expect(summary.groupsUntouched).toBeGreaterThanOrEqual(otherGroups.length);
    expect(await ids()).toEqual(before.ids);
    expect(await rowVersions()).toEqual(before.rows);
    const warmed = await dump(defs);
    await rebuildAll(defs);
    expect(warmed).toEqual(await dump(defs));
  }, 300_000);

  it("on PGlite (the embedded store) too: untouched groups carried, coverage and sums patched, equal to a build from nothing", async () => {
    const p = await createTestDatabase("pglite");
    try {
      const [a, b] = PROVINCES.map((code) => pick(3, code, 6));
      const docs = [...a!, ...b!].flatMap((c, i) => [report(`${c.name}人民政府`, c.code, 2024, i * 5, "own")]);
      docs.push(report("国家信访局", null, 2024, 40, "own"));
      await loadDocuments(p.db, docs);
      const defs = PROVINCES.flatMap((scope) => [
        rankings.rankingGroup({ figure: "requestsReceived", year: 2024, include: false, order: "desc", scope }),
        compare.compareGroup({ figure: "requestsReceived", year: 2024, scope }),
      ]);
      await rebuildAll(defs, p.db);
      await loadDocuments(p.db, [report(`${a![1]!.name}人民政府`, a![1]!.code, 2024, 999, "own")]);
      await p.db.agency.updateMany({ where: { name: `${a![2]!.name}人民政府` }, data: { name: `改${a![2]!.name}人民政府` } });
      const summary = await warm.warmSnapshots(p.db);
      expect(summary).toMatchObject({ groupsUntouched: 2, coveragePatched: 1, regionSumPatched: 1 });
      const warmed = await dump(defs, p.db);
      await rebuildAll(defs, p.db);
      expect(warmed).toEqual(await dump(defs, p.db));
    } finally {
      await p.drop();
    }
  }, 300_000);
});
