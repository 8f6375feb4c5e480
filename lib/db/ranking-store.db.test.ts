/**
 * Stored rankings (lib/db/ranking-store) against a direct computation over every row: ranks with ties, percentiles,
 * left-out counts, highlight, every compare order; built once per data version, rebuilt after a write to that year
 * only, and built once when many requests arrive together. On PostgreSQL (a throw-away database).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocuments, readSeedDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { listRegions } from "@/lib/regions/gazetteer";
import { createRng } from "@/lib/testing/synth/prng";
import type { CanonicalReport } from "@/lib/report/types";

let t: TestDatabase;

/** Counties of one province (150000 内蒙古), so scope and national groups differ from other provinces' counties. */
const counties = listRegions().filter((r) => r.level === 3);

function variant(base: CanonicalReport, regionCode: string, name: string, received: number | null, year: number): CanonicalReport {
  const copy = structuredClone(base);
  copy.agency = { name, regionCode };
  copy.year = year;
  copy.requests.newReceived[6] = received;
  return copy;
}

async function snapshotCount(): Promise<number> {
  return t.db.rankingSnapshot.count();
}

type Row = { agencyId: number; name: string; value: number | null; identitiesOk: boolean };

async function allRows(year: number): Promise<Row[]> {
  const reports = await t.db.report.findMany({ where: { year, isLatest: true }, include: { agency: true } });
  return reports.map((r) => ({ agencyId: r.agencyId, name: r.agency.name, value: r.requestsReceived, identitiesOk: r.identitiesOk }));
}

/** Competition ranks and percentiles the way the page defines them, in JS over every row. */
function expectedRanking(rows: Row[], order: "desc" | "asc"): { agencyId: number; rank: number; percentile: number }[] {
  const ranked = rows.filter((r) => r.value !== null && r.identitiesOk);
  const sign = order === "desc" ? -1 : 1;
  const byName = (a: Row, b: Row): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.agencyId - b.agencyId);
  ranked.sort((a, b) => sign * (a.value! - b.value!) || byName(a, b));
  return ranked.map((r) => {
    const ahead = ranked.filter((o) => sign * (o.value! - r.value!) < 0).length;
    const behind = ranked.filter((o) => sign * (o.value! - r.value!) > 0).length;
    return { agencyId: r.agencyId, rank: ahead + 1, percentile: ranked.length > 1 ? (behind / (ranked.length - 1)) * 100 : 0 };
  });
}

beforeAll(async () => {
  t = await createTestDatabase("postgres", "ranking_store_test");
  process.env.DATABASE_URL = t.url!;
  const base = readSeedDocuments().find((d) => d.year === 2025)!;
  const rng = createRng(7);
  const docs: CanonicalReport[] = [];
  for (let i = 0; i < 60; i++) {
    const c = counties[i * 37]!;
    // ties (values from a small range) and some 未填报
    const value = (year: number): number | null => (rng.chance(0.1) ? null : rng.int(0, 12) * 10 + (year % 2));
    docs.push(variant(base, c.code, `${c.name}人民政府`, value(2025), 2025), variant(base, c.code, `${c.name}人民政府`, value(2024), 2024));
  }
  await loadDocuments(t.db, docs.slice(0, 100));
  await loadDocuments(t.db, docs.slice(100), { identitiesOk: false });
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("stored rankings", () => {
  it("equal a direct computation over every row: ranks with ties, percentiles, left-out counts, every page", async () => {
    const { listRanking } = await import("@/lib/db/rankings");
    for (const order of ["desc", "asc"] as const) {
      const rows = await allRows(2025);
      const expected = expectedRanking(rows, order);
      const got = [];
      for (let page = 1; page <= 4; page++) {
        const r = await listRanking({ figure: "requestsReceived", year: 2025, include: false, order, page, pageSize: 17 });
        expect(r.peers).toBe(expected.length);
        expect(r.leftOut.notReported).toBe(rows.filter((x) => x.value === null).length);
        expect(r.leftOut.identityFailed).toBe(rows.filter((x) => x.value !== null && !x.identitiesOk).length);
        got.push(...r.rows);
      }
      expect(got.map((r) => ({ agencyId: r.agencyId, rank: r.rank, percentile: r.percentile }))).toEqual(
        expected.map((e) => ({ ...e, percentile: expect.closeTo(e.percentile, 9) })),
      );
      const values = expected.map((e) => rows.find((r) => r.agencyId === e.agencyId)!.value!).sort((a, b) => a - b);
      const mid = values.length / 2;
      const median = values.length % 2 ? values[Math.floor(mid)]! : (values[mid - 1]! + values[mid]!) / 2;
      expect((await listRanking({ figure: "requestsReceived", year: 2025, include: false, order, page: 1, pageSize: 5 })).median).toBe(
        median,
      );
    }
  });

  it("gives each row its rank in the same group the year before (较上年), null when it was not ranked then", async () => {
    const { listRanking } = await import("@/lib/db/rankings");
    for (const order of ["desc", "asc"] as const) {
      const before = new Map(expectedRanking(await allRows(2024), order).map((e) => [e.agencyId, e.rank]));
      const got = [];
      for (let page = 1; page <= 4; page++) {
        const r = await listRanking({ figure: "requestsReceived", year: 2025, include: false, order, page, pageSize: 17 });
        if (r.rows.length > 0) expect(r.previousPeers).toBe(before.size);
        got.push(...r.rows);
      }
      expect(got.length).toBeGreaterThan(0);
      expect(got.some((r) => r.previousRank === null)).toBe(true);
      expect(got.map((r) => r.previousRank)).toEqual(got.map((r) => before.get(r.agencyId) ?? null));
      // the same ranks on the page opened by a highlight, and none asked for: no 较上年 at all
      const target = got[30]!;
      const hl = await listRanking({
        figure: "requestsReceived",
        year: 2025,
        include: false,
        order,
        page: 1,
        pageSize: 17,
        highlight: target.agencyId,
      });
      expect(hl.rows.find((r) => r.agencyId === target.agencyId)?.previousRank).toBe(target.previousRank);
      const none = await listRanking(
        { figure: "requestsReceived", year: 2025, include: false, order, page: 1, pageSize: 17 },
        { previousYear: false },
      );
      expect(none.previousPeers).toBeNull();
      expect(none.rows.every((r) => r.previousRank === null)).toBe(true);
    }
    // a year before which nothing is stored: no 较上年
    const first = await listRanking({ figure: "requestsReceived", year: 2024, include: false, order: "desc", page: 1, pageSize: 17 });
    expect(first.rows.length).toBeGreaterThan(0);
    expect(first.previousPeers).toBeNull();
    expect(first.rows.every((r) => r.previousRank === null)).toBe(true);
  });

  it("opens the page holding the highlighted agency, with its rank", async () => {
    const { listRanking } = await import("@/lib/db/rankings");
    const expected = expectedRanking(await allRows(2025), "desc");
    const target = expected[23]!;
    const r = await listRanking({
      figure: "requestsReceived",
      year: 2025,
      include: false,
      order: "desc",
      page: 1,
      pageSize: 10,
      highlight: target.agencyId,
    });
    expect(r.page).toBe(3);
    expect(r.highlighted).toEqual({ agencyId: target.agencyId, rank: target.rank, position: 24 });
    expect(r.rows.map((x) => x.agencyId)).toContain(target.agencyId);
  });

  it("builds a group once, reuses it, and rebuilds only the year an ingest changed", async () => {
    const { listRanking } = await import("@/lib/db/rankings");
    const q = { figure: "requestsReceived" as const, include: true, order: "desc" as const, page: 1, pageSize: 10 };
    await Promise.all(Array.from({ length: 6 }, () => listRanking({ ...q, year: 2024 })));
    await listRanking({ ...q, year: 2025 });
    const before = await snapshotCount();
    await listRanking({ ...q, year: 2024 });
    await listRanking({ ...q, year: 2025, page: 2 });
    expect(await snapshotCount()).toBe(before);

    // a new version of one 2025 report that moves it to the top
    const top = (await listRanking({ ...q, year: 2025 })).rows[0]!;
    const loser = (await listRanking({ ...q, year: 2025, order: "asc" })).rows[0]!;
    const doc = (await t.db.report.findUniqueOrThrow({ where: { id: loser.reportId } })).document as unknown as CanonicalReport;
    await loadDocuments(t.db, [variant(doc, doc.agency.regionCode!, doc.agency.name, top.value + 1000, 2025)]);
    const after2025 = await listRanking({ ...q, year: 2025 });
    expect(after2025.rows[0]!.agencyId).toBe(loser.agencyId);
    expect(after2025.rows[0]!.value).toBe(top.value + 1000);
    const countAfter = await snapshotCount();
    await listRanking({ ...q, year: 2024 }); // 2024 untouched: no rebuild
    expect(await snapshotCount()).toBe(countAfter);
  });

  it("compare pages in every order equal a sort of every row", async () => {
    const { getComparison } = await import("@/lib/db/compare");
    const rows = await allRows(2025);
    const collator = new Intl.Collator("zh-CN-u-co-pinyin");
    const byValueDesc = [...rows].sort(
      (a, b) =>
        (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) ||
        (b.value ?? 0) - (a.value ?? 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    const byValueAsc = [...rows].sort(
      (a, b) =>
        (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || (a.value ?? 0) - (b.value ?? 0) || collator.compare(a.name, b.name),
    );
    const byName = [...rows].sort((a, b) => collator.compare(a.name, b.name));
    const cases = [
      { sort: "value" as const, dir: "desc" as const, want: byValueDesc },
      { sort: "value" as const, dir: "asc" as const, want: byValueAsc },
      { sort: "name" as const, dir: "asc" as const, want: byName },
      { sort: "name" as const, dir: "desc" as const, want: [...byName].reverse() },
    ];
    for (const { sort, dir, want } of cases) {
      const got = [];
      for (let page = 1; page <= 3; page++) {
        const c = await getComparison({ figure: "requestsReceived", year: 2025, sort, dir, page, pageSize: 25 });
        expect(c.total).toBe(rows.length);
        expect(c.stated).toBe(rows.filter((r) => r.value !== null).length);
        got.push(...c.rows);
      }
      expect(got.map((r) => r.value)).toEqual(want.map((r) => r.value));
      expect(got.map((r) => r.agencyName)).toEqual(want.map((r) => r.name));
    }
    const c = await getComparison({ figure: "requestsReceived", year: 2025, sort: "value", dir: "desc", page: 1, pageSize: 25 });
    expect(c.bars.map((b) => b.value)).toEqual(byValueDesc.filter((r) => r.value !== null).map((r) => r.value));
  });
});

describe("the compare chart's bars", () => {
  it("are read at the places chartPlaces names, for any number of ranked rows (the SQL rounds as Math.round)", async () => {
    const { chartPlaces, chartPlacesForSql, MAX_CHART_BARS, CHART_TOP_PLACES } = await import("@/lib/db/compare");
    for (const peers of [0, 1, 2, CHART_TOP_PLACES, MAX_CHART_BARS, MAX_CHART_BARS + 1, 799, 997, 3001, 21626, 49999, 50000, 123457]) {
      const rows = await t.db.$queryRaw<{ place: number }[]>(chartPlacesForSql(peers));
      const want = chartPlaces(peers);
      expect(rows.map((r) => r.place)).toEqual(want);
      if (peers > 0) expect([want[0], want.at(-1)]).toEqual([1, peers]);
    }
  });
});

describe("left-out counts and the distribution", () => {
  it("counts a 0/0 rate as 无办结, not 未填报, and stores the quartiles of the ranked values", async () => {
    const base = readSeedDocuments()[0]!;
    const doc = (i: number, handled: number | null, notHeld: number | null): CanonicalReport => {
      const c = variant(base, counties[i * 41 + 5]!.code, `${counties[i * 41 + 5]!.name}人民政府`, 50, 2023);
      c.requests.totalProcessed[6] = handled;
      c.requests.unableToProvide.notHeld[6] = notHeld;
      return c;
    };
    const stated = [
      [40, 4],
      [20, 10],
      [50, 0],
      [30, 3],
      [100, 25],
    ] as const;
    await loadDocuments(t.db, [doc(0, 0, 0), doc(1, null, null), ...stated.map(([h, n], i) => doc(i + 2, h, n))]);
    const { listRanking } = await import("@/lib/db/rankings");
    const r = await listRanking({ figure: "notHeldRate", year: 2023, include: false, order: "desc", page: 1, pageSize: 50 });
    expect(r.leftOut).toMatchObject({ noneHandled: 1, notReported: 1 });
    const values = r.rows.map((row) => row.value).sort((a, b) => a - b);
    expect(values).toHaveLength(stated.length);
    // percentile_cont: linear interpolation between the sorted values
    const at = (p: number): number => {
      const x = p * (values.length - 1);
      const lo = Math.floor(x);
      return values[lo]! + (values[Math.min(lo + 1, values.length - 1)]! - values[lo]!) * (x - lo);
    };
    expect(r.distribution).toEqual({ min: at(0), q1: at(0.25), median: at(0.5), q3: at(0.75), max: at(1) });
  });
});

describe("data versions", () => {
  const version = async (scope: string): Promise<bigint> => {
    const { readDataVersion } = await import("@/lib/db/ranking-store");
    return readDataVersion(t.db, scope);
  };

  it("move with a write to that year, and not with a statement that changed nothing", async () => {
    const [all, y2025, y2024] = [await version("all"), await version("year:2025"), await version("year:2024")];
    await t.db.$executeRaw`UPDATE "Report" SET "isLatest" = false WHERE false`;
    const alias = await t.db.agencyAlias.findFirst();
    const agency = await t.db.agency.findFirstOrThrow();
    await t.db
      .$executeRaw`INSERT INTO "AgencyAlias" ("agencyId", "name") VALUES (${alias?.agencyId ?? agency.id}, ${alias?.name ?? "某别名"})
      ON CONFLICT ("agencyId", "name") DO NOTHING`;
    const afterAliasSetup = await version("all");
    await t.db
      .$executeRaw`INSERT INTO "AgencyAlias" ("agencyId", "name") VALUES (${alias?.agencyId ?? agency.id}, ${alias?.name ?? "某别名"})
      ON CONFLICT ("agencyId", "name") DO NOTHING`;
    expect(await version("all")).toBe(afterAliasSetup);
    expect(afterAliasSetup - all).toBe(alias ? 0n : 1n);
    const report = await t.db.report.findFirstOrThrow({ where: { year: 2024, isLatest: true } });
    await t.db.report.update({ where: { id: report.id }, data: { isLatest: true } });
    expect(await version("year:2024")).toBe(y2024 + 1n);
    expect(await version("year:2025")).toBe(y2025);
    expect(await version("all")).toBe(afterAliasSetup + 1n);
  });

  it("move once per transaction and scope, however many statements wrote (a bulk batch), and again in the next one", async () => {
    const [all, y2024, y2025] = [await version("all"), await version("year:2024"), await version("year:2025")];
    const [r2024, r2025] = await Promise.all([
      t.db.report.findFirstOrThrow({ where: { year: 2024, isLatest: true } }),
      t.db.report.findFirstOrThrow({ where: { year: 2025, isLatest: true } }),
    ]);
    await t.db.$transaction([
      t.db.$executeRaw`UPDATE "Report" SET "isLatest" = true WHERE "id" = ${r2024.id}`,
      t.db.$executeRaw`UPDATE "Report" SET "isLatest" = true WHERE "id" = ${r2024.id}`,
      t.db.$executeRaw`UPDATE "Report" SET "isLatest" = true WHERE "id" = ${r2025.id}`,
      t.db.$executeRaw`UPDATE "Agency" SET "name" = "name" WHERE "id" = ${r2025.agencyId}`,
    ]);
    expect([await version("all"), await version("year:2024"), await version("year:2025")]).toEqual([all + 1n, y2024 + 1n, y2025 + 1n]);
    await t.db.$executeRaw`UPDATE "Report" SET "isLatest" = true WHERE "id" = ${r2025.id}`;
    expect([await version("all"), await version("year:2024"), await version("year:2025")]).toEqual([all + 2n, y2024 + 1n, y2025 + 2n]);
  });
});
