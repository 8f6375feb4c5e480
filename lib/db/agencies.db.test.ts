/**
 * The agency page's 同级排名 (lib/db/agencies getPeerRanks, read from the stored tables in one batch) against the ranking
 * page itself (lib/db/rankings listRanking with the agency highlighted, and with `include` to tell why a report is left
 * out): the same rank, the same peer count and the same reason for every agency and every rankable figure. Also the
 * agency header read (one statement, aliases without the body's own name). On PostgreSQL (a throw-away database).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocuments, readSeedDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { listRegions } from "@/lib/regions/gazetteer";
import { createRng } from "@/lib/testing/synth/prng";
import { FIGURE_KEYS } from "@/lib/figures/figures";
import type { CanonicalReport } from "@/lib/report/types";
import type { PeerGroup, PeerRank } from "@/lib/db/agencies";

let t: TestDatabase;

/** Counties of two provinces: two peer groups of the same level and kind. */
const counties = listRegions().filter((r) => r.level === 3 && (r.code.startsWith("15") || r.code.startsWith("62")));

beforeAll(async () => {
  t = await createTestDatabase("postgres", "agency_peer_ranks_test");
  process.env.DATABASE_URL = t.url!;
  const base = readSeedDocuments().find((d) => d.year === 2025)!;
  const rng = createRng(13);
  const make = (i: number): CanonicalReport => {
    const c = counties[i * 3]!;
    const doc = structuredClone(base);
    doc.agency = { name: `${c.name}人民政府`, regionCode: c.code };
    doc.year = 2025;
    // ties, 未填报 and small samples (办结量 under 10) among the rates
    doc.requests.newReceived[6] = rng.chance(0.15) ? null : rng.int(0, 6) * 10;
    doc.requests.totalProcessed[6] = rng.chance(0.1) ? null : rng.chance(0.3) ? rng.int(1, 9) : rng.int(10, 200);
    doc.requests.unableToProvide.notHeld[6] = rng.int(0, 9);
    doc.active.licensing = rng.chance(0.2) ? null : rng.int(0, 5);
    return doc;
  };
  const docs = Array.from({ length: 48 }, (_, i) => make(i));
  await loadDocuments(t.db, docs.slice(0, 36));
  // a failed 表三 balance check: leaves 申请量 and the rates, not 行政许可
  await loadDocuments(t.db, docs.slice(36), { identitiesOk: false });
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

/** What the agency page said before the batch read: the ranking page's highlight, then the full table to say why not. */
async function expectedRank(group: PeerGroup, figure: (typeof FIGURE_KEYS)[number], agencyId: number): Promise<PeerRank> {
  const { listRanking } = await import("@/lib/db/rankings");
  const query = { ...group, figure, order: "desc" as const, page: 1, pageSize: 1, highlight: agencyId };
  const ranking = await listRanking({ ...query, include: false }, { previousYear: false });
  if (ranking.highlighted) return { status: "ranked", rank: ranking.highlighted.rank, total: ranking.peers };
  const full = await listRanking({ ...query, include: true }, { previousYear: false });
  if (!full.highlighted) return { status: "not-reported" };
  const row = full.rows.find((r) => r.agencyId === agencyId);
  return { status: row && !row.identitiesOk ? "identity-failed" : "small-sample" };
}

describe("agency peer ranks", () => {
  it("equal the ranking page's highlight for every agency and figure, with the same reason when left out", async () => {
    const { getPeerRanks } = await import("@/lib/db/agencies");
    const agencies = await t.db.agency.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const seen = new Set<string>();
    for (const { id } of agencies) {
      const got = await getPeerRanks({ agencyId: id, year: 2025, figures: [...FIGURE_KEYS] });
      for (const [i, figure] of FIGURE_KEYS.entries()) {
        const result = got[i]!;
        expect(result).not.toBeNull();
        expect(result.rank).toEqual(await expectedRank(result.group, figure, id));
        seen.add(result.rank.status);
      }
    }
    // the data exercise every status
    expect([...seen].sort()).toEqual(["identity-failed", "not-reported", "ranked", "small-sample"]);
  });

  it("give the same answer from the page's own row (listAgencyYears) as from a read of their own", async () => {
    const { getPeerRanks } = await import("@/lib/db/agencies");
    const { listAgencyYears } = await import("@/lib/db/reports");
    const agencies = await t.db.agency.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 12 });
    for (const { id } of agencies) {
      const own = (await listAgencyYears(id)).find((y) => y.year === 2025)!;
      const q = { agencyId: id, year: 2025, figures: [...FIGURE_KEYS] };
      expect(await getPeerRanks({ ...q, own })).toEqual(await getPeerRanks(q));
    }
  });

  it("are null when the agency has no report that year, and follow a new ingest of the year", async () => {
    const { getPeerRanks } = await import("@/lib/db/agencies");
    const [first] = await t.db.agency.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 1 });
    expect(await getPeerRanks({ agencyId: first!.id, year: 2019, figures: ["requestsReceived"] })).toEqual([null]);
    // a new top value for 申请量 in the same peer group: the stored table is rebuilt and the agency is first
    const report = await t.db.report.findFirst({ where: { agencyId: first!.id, year: 2025, isLatest: true } });
    const doc = structuredClone(report!.document) as unknown as CanonicalReport;
    doc.requests.newReceived[6] = 100_000;
    await loadDocuments(t.db, [doc]);
    const [after] = await getPeerRanks({ agencyId: first!.id, year: 2025, figures: ["requestsReceived"] });
    expect(after!.rank).toMatchObject({ status: "ranked", rank: 1 });
  });

  it("read the agency with its other names, not its own name among them", async () => {
    const { getAgency } = await import("@/lib/db/agencies");
    const [first] = await t.db.agency.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" }, take: 1 });
    await t.db.agencyAlias.createMany({
      data: [
        { agencyId: first!.id, name: `${first!.name}办公室` },
        { agencyId: first!.id, name: first!.name },
      ],
      skipDuplicates: true,
    });
    const agency = await getAgency(first!.id);
    expect(agency).toMatchObject({ id: first!.id, name: first!.name });
    expect(agency!.aliases).toEqual([`${first!.name}办公室`]);
    expect(await getAgency(999_999)).toBeNull();
    expect(await getAgency(0)).toBeNull();
  });
});
