/**
 * Carrying stored rankings forward (lib/db/ranking-store carryForwardSql) on real PostgreSQL: after an ingest, a group
 * whose rows the ingest did not change keeps its snapshot (same id, moved to the new data version, its entries pointing
 * at the new report versions) instead of being ranked and written again, by the warmer and by a reader alike; any change
 * of what a snapshot shows (a value, a left-out reason behind the same ranked rows, a name) rebuilds it. Every read
 * equals a reader's own build from nothing. Deleting a snapshot deletes its entries (a trigger, not a foreign key); the
 * warm pass vacuums RankingEntry past its dead-row threshold. The carrying and the trigger on PGlite too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { listRegions } from "@/lib/regions/gazetteer";
import type { CanonicalReport } from "@/lib/report/types";
import { loadDocuments, readSeedDocuments, type LoadOptions } from "@/lib/testing/seed-documents";
import { createRng } from "@/lib/testing/synth/prng";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let t: TestDatabase;
let rankings: typeof import("@/lib/db/rankings");
let compare: typeof import("@/lib/db/compare");
let warm: typeof import("@/lib/db/snapshot-warm");
let store: typeof import("@/lib/db/ranking-store");

const YEAR = 2025;
const counties = listRegions().filter((r) => r.level === 3);
const q = { include: false, order: "desc" as const, page: 1, pageSize: 10, level: "县", year: YEAR };
const cq = { sort: "name" as const, dir: "asc" as const, page: 1, pageSize: 100, level: "县", year: YEAR };

/** A new version of an agency's report of YEAR with 申请量 `received` (null: 未填报). */
async function reingest(agencyId: number, received: number | null, options?: LoadOptions): Promise<void> {
  const [row] = await t.db.$queryRaw<{ document: CanonicalReport }[]>`
    SELECT "document" FROM "Report" WHERE "agencyId" = ${agencyId}::int AND "year" = ${YEAR}::int AND "isLatest"`;
  const doc = structuredClone(row!.document);
  doc.requests.newReceived[6] = received;
  await loadDocuments(t.db, [doc], options);
}

/** What the pages show of the views this test stores: 申请量 and 行政处罚 rankings (every page), and comparisons by name. */
async function readViews() {
  const ranking = async (figure: "requestsReceived" | "penalty") => {
    const r = await rankings.listRanking({ ...q, figure, pageSize: 100 });
    return { peers: r.peers, leftOut: r.leftOut, median: r.median, distribution: r.distribution, rows: r.rows };
  };
  const comparison = async (figure: "requestsReceived" | "penalty") => {
    const c = await compare.getComparison({ ...cq, figure });
    return { total: c.total, stated: c.stated, bars: c.bars, rows: c.rows };
  };
  return {
    received: await ranking("requestsReceived"),
    penalty: await ranking("penalty"),
    receivedCompare: await comparison("requestsReceived"),
    penaltyCompare: await comparison("penalty"),
  };
}

/** The same views built by a reader from nothing (every snapshot deleted first). */
async function readViewsFromNothing(): ReturnType<typeof readViews> {
  await t.db.$executeRaw`DELETE FROM "RankingSnapshot"`;
  return readViews();
}

/** The fresh snapshot id of a group, or null. */
async function freshId(group: import("@/lib/db/ranking-store").GroupDefinition): Promise<number | null> {
  const [row] = await t.db.$queryRaw<{ id: number | null }[]>(store.snapshotHeaderSql({ group }));
  return row?.id ?? null;
}

const penaltyRanking = () => rankings.rankingGroup({ ...q, figure: "penalty" });
const receivedRanking = () => rankings.rankingGroup({ ...q, figure: "requestsReceived" });

beforeAll(async () => {
  t = await createTestDatabase("postgres", "snapshot_carry_test");
  process.env.DATABASE_URL = t.url!;
  const base = readSeedDocuments().find((d) => d.year === YEAR)!;
  const rng = createRng(5);
  const docs = counties
    .filter((_, i) => i % 53 === 0)
    .slice(0, 40)
    .map((c) => {
      const copy = structuredClone(base);
      copy.agency = { name: `${c.name}人民政府`, regionCode: c.code };
      copy.scope = "own";
      // ties and some 未填报 in 申请量; 行政处罚 varies too, so the penalty groups have an order of their own
      copy.requests.newReceived[6] = rng.chance(0.1) ? null : rng.int(0, 12) * 10;
      copy.active.penalty = rng.int(0, 5);
      return copy;
    });
  await loadDocuments(t.db, docs);
  rankings = await import("@/lib/db/rankings");
  compare = await import("@/lib/db/compare");
  warm = await import("@/lib/db/snapshot-warm");
  store = await import("@/lib/db/ranking-store");
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("carrying unchanged snapshots forward", () => {
  it("keeps the groups an ingest left alone (same snapshot, new version, new report ids); rebuilds the others", async () => {
    await readViews();
    const penaltyId = await freshId(penaltyRanking());
    const receivedId = await freshId(receivedRanking());
    const top = (await rankings.listRanking({ ...q, figure: "penalty", pageSize: 100 })).rows[5]!;
    // a new version that changes 申请量 only: the 行政处罚 groups keep their rows
    await reingest(top.agencyId, 5000);
    expect(await freshId(penaltyRanking())).toBeNull();
    const summary = await warm.warmSnapshots(t.db);
    expect(summary).toMatchObject({ groupsBuilt: 2, groupsCarried: 2 });
    expect(await freshId(penaltyRanking())).toBe(penaltyId);
    expect(await freshId(receivedRanking())).not.toBe(receivedId);

    const warmed = await readViews();
    const latest = await t.db.report.findFirstOrThrow({ where: { agencyId: top.agencyId, year: YEAR, isLatest: true } });
    expect(latest.id).not.toBe(top.reportId);
    // the carried entry links the new report version, on every view that shows it
    expect(warmed.penalty.rows.find((r) => r.agencyId === top.agencyId)?.reportId).toBe(latest.id);
    expect(warmed.penaltyCompare.rows.find((r) => r.agencyId === top.agencyId)?.reportId).toBe(latest.id);
    expect(warmed.received.rows[0]).toMatchObject({ agencyId: top.agencyId, value: 5000, rank: 1 });
    expect(await readViewsFromNothing()).toEqual(warmed);
  });

  it("a reader finding a stale snapshot carries it forward too, with no warm pass", async () => {
    await readViews();
    const penaltyId = await freshId(penaltyRanking());
    const agency = (await rankings.listRanking({ ...q, figure: "penalty" })).rows[2]!;
    await reingest(agency.agencyId, 7000);
    const read = await readViews();
    expect(await freshId(penaltyRanking())).toBe(penaltyId);
    expect(read.penalty.rows.find((r) => r.agencyId === agency.agencyId)?.reportId).not.toBe(agency.reportId);
    expect(await readViewsFromNothing()).toEqual(read);
  });

  it("digests every column a snapshot is computed from, and nothing else (not the report id, not the row order)", async () => {
    type Tuple = [number, number, string, number | null, boolean, boolean, boolean, boolean, boolean];
    const base: Tuple[] = [
      [11, 1, "甲县人民政府", 3, true, false, false, false, false],
      [12, 2, "乙县人民政府", null, false, true, false, false, false],
    ];
    const digest = async (rows: Tuple[]): Promise<string> => {
      // no rows: a group with no reports (the VALUES list needs a row; none passes the WHERE)
      const values = (rows.length > 0 ? rows : base).map(
        (r) => Prisma.sql`(${r[0]}::int, ${r[1]}::int, ${r[2]}::text, ${r[3]}::float8, ${r[4]}, ${r[5]}, ${r[6]}, ${r[7]}, ${r[8]})`,
      );
      const [row] = await t.db.$queryRaw<{ d: string }[]>`
        SELECT encode(${store.ROWS_DIGEST}, 'hex') AS "d" FROM (VALUES ${Prisma.join(values)})
          AS src("reportId", "agencyId", "agencyName", "value", "ranked", "notReported", "smallSample", "identityFailed", "noneHandled")
        WHERE ${rows.length > 0}`;
      return row!.d;
    };
    const same = await digest(base);
    // other report versions, another row order: the same snapshot
    expect(
      await digest([
        [99, 2, "乙县人民政府", null, false, true, false, false, false],
        [98, 1, "甲县人民政府", 3, true, false, false, false, false],
      ]),
    ).toBe(same);
    // any other column of any row: another snapshot (a left-out reason alone changes the page's 未列入 counts)
    const changed = new Set<string>();
    for (let col = 1; col < 9; col++) {
      const rows = structuredClone(base);
      const r = rows[1]!;
      if (col === 1) r[1] = 3;
      else if (col === 2) r[2] = "丙县人民政府";
      else if (col === 3) r[3] = 0;
      else (r as unknown[])[col] = !r[col];
      changed.add(await digest(rows));
    }
    expect(changed.size).toBe(8);
    expect(changed.has(same)).toBe(false);
    expect(await digest([])).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rebuilds when a left-out row changed behind the same ranked rows", async () => {
    const ranked = (await rankings.listRanking({ ...q, figure: "requestsReceived", pageSize: 100 })).rows;
    const agency = ranked[ranked.length - 1]!;
    // 勾稽关系不符 (left out, with its value), then 未填报 (left out, no value): the ranked rows are the same both times
    await reingest(agency.agencyId, agency.value, { identitiesOk: false });
    await warm.warmSnapshots(t.db);
    const before = await readViews();
    const receivedId = await freshId(receivedRanking());
    await reingest(agency.agencyId, null, { identitiesOk: false });
    await warm.warmSnapshots(t.db);
    const after = await readViews();
    expect(await freshId(receivedRanking())).not.toBe(receivedId);
    expect(after.received.rows).toEqual(before.received.rows.map((r) => ({ ...r })));
    expect(after.received.leftOut).toEqual({
      ...before.received.leftOut,
      identityFailed: before.received.leftOut.identityFailed - 1,
      notReported: before.received.leftOut.notReported + 1,
    });
    expect(await readViewsFromNothing()).toEqual(after);
  });

  it("rebuilds every group of a renamed agency (the name orders ties and the name sort)", async () => {
    const before = await readViews();
    const penaltyId = await freshId(penaltyRanking());
    const last = before.penaltyCompare.rows[before.penaltyCompare.rows.length - 1]!;
    // the last by name (pinyin) becomes the first
    await t.db.agency.update({ where: { id: last.agencyId }, data: { name: `阿${last.agencyName}` } });
    const summary = await warm.warmSnapshots(t.db);
    expect(summary.groupsCarried).toBe(0);
    expect(await freshId(penaltyRanking())).not.toBe(penaltyId);
    const after = await readViews();
    expect(after.penaltyCompare.rows[0]).toMatchObject({ agencyId: last.agencyId, agencyName: `阿${last.agencyName}` });
    expect(await readViewsFromNothing()).toEqual(after);
  });

  it("vacuums RankingEntry in the warm pass once its dead rows pass the threshold (for a server without autovacuum)", async () => {
    const dead = warm.ENTRY_VACUUM.threshold + 10_000;
    // written and deleted on one connection, which sends its statistics as soon as it is idle
    await t.db.$transaction([
      t.db.$executeRaw`
        INSERT INTO "RankingEntry" ("snapshotId", "position", "reportId", "agencyId")
        SELECT -1, g, 0, 0 FROM generate_series(1, ${dead}::int) AS g`,
      t.db.$executeRaw`DELETE FROM "RankingEntry" WHERE "snapshotId" = -1`,
      t.db.$executeRaw`SELECT pg_stat_force_next_flush()`,
    ]);
    const deadRows = async (): Promise<number> => {
      const [row] = await t.db.$queryRaw<{ n: number }[]>`
        SELECT "n_dead_tup"::int AS "n" FROM pg_stat_user_tables WHERE "relid" = '"RankingEntry"'::regclass`;
      return row!.n;
    };
    await expect.poll(deadRows, { timeout: 20_000, interval: 200 }).toBeGreaterThanOrEqual(dead);
    expect((await warm.warmSnapshots(t.db)).vacuumed).toBe(true);
    await expect.poll(deadRows, { timeout: 20_000, interval: 200 }).toBeLessThan(warm.ENTRY_VACUUM.threshold);
    expect((await warm.warmSnapshots(t.db)).vacuumed).toBe(false);
  });

  it("deletes a snapshot's entries with it, and leaves no entry without its snapshot", async () => {
    await readViews();
    expect(await t.db.rankingEntry.count()).toBeGreaterThan(0);
    const id = (await freshId(penaltyRanking()))!;
    await t.db.$executeRaw`DELETE FROM "RankingSnapshot" WHERE "id" = ${id}::int`;
    expect(await t.db.rankingEntry.count({ where: { snapshotId: id } })).toBe(0);
    expect(await t.db.rankingEntry.count()).toBeGreaterThan(0);
    await t.db.$executeRaw`DELETE FROM "RankingSnapshot"`;
    expect(await t.db.rankingEntry.count()).toBe(0);
  });
});

describe("on PGlite (the embedded store)", () => {
  it("carries an unchanged group forward and rebuilds a changed one; entries go with their snapshot", async () => {
    const p = await createTestDatabase("pglite");
    try {
      const base = readSeedDocuments().find((d) => d.year === YEAR)!;
      const docs = counties.slice(0, 6).map((c, i) => {
        const copy = structuredClone(base);
        copy.agency = { name: `${c.name}人民政府`, regionCode: c.code };
        copy.requests.newReceived[6] = i * 10;
        copy.active.penalty = i % 3;
        return copy;
      });
      await loadDocuments(p.db, docs);
      const penalty = rankings.rankingGroup({ ...q, figure: "penalty" });
      const received = rankings.rankingGroup({ ...q, figure: "requestsReceived" });
      const build = (def: typeof penalty) => store.buildSnapshot(p.db, def, { by: "warmer", wait: true });
      const first = (await build(penalty))!.header.id;
      await build(received);
      const changed = structuredClone(docs[0]!);
      changed.requests.newReceived[6] = 999;
      await loadDocuments(p.db, [changed]);
      expect(await build(penalty)).toMatchObject({ built: false, carried: true, header: { id: first } });
      expect(await build(received)).toMatchObject({ built: true, carried: false });
      const [row] = await p.db.$queryRaw<{ latest: number }[]>`
        SELECT r."id" AS "latest" FROM "Report" r JOIN "Agency" a ON a."id" = r."agencyId"
        WHERE a."name" = ${changed.agency.name} AND r."isLatest"`;
      expect(await p.db.rankingEntry.count({ where: { snapshotId: first, reportId: row!.latest } })).toBe(1);
      await p.db.$executeRaw`DELETE FROM "RankingSnapshot"`;
      expect(await p.db.rankingEntry.count()).toBe(0);
    } finally {
      await p.drop();
    }
  });
});
