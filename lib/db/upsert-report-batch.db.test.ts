/**
 * Batched writes of bulk ingest (storeParsedBatch) on PostgreSQL and PGlite: one transaction for the batch, yet one
 * report failing leaves the others stored and itself not half-written; versions of one agency keep their order inside
 * a batch; the same bytes twice in a batch are one report.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRegions } from "@/lib/db/seed-regions";
import { sha256Hex } from "@/lib/ingest/sha256-hex";
import { createPgWriteStatement } from "@/lib/db/pg-write-statement";
import { encodeReportRow, toReportRow } from "@/lib/db/report-row";
import { storeEncodedBatch, storeParsedBatch, type StoreParsedInput } from "@/lib/db/upsert-report";
import { toAgencyIdentity } from "@/lib/regions/agency-identity";
import type { CanonicalReport, ParseSuccess } from "@/lib/report/types";
import { createTestDatabase, type BackendName, type TestDatabase } from "@/lib/testing/test-database";

const SEEDS = path.join(import.meta.dirname, "../report/fixtures/seeds");

function loadSeed(stem: string): { text: string; document: CanonicalReport } {
  const text = readFileSync(path.join(SEEDS, `${stem}.txt`), "utf8");
  const raw = JSON.parse(readFileSync(path.join(SEEDS, `${stem}.expected.json`), "utf8")) as CanonicalReport & {
    agency: { name: string | string[] };
  };
  const name = Array.isArray(raw.agency.name) ? raw.agency.name[0]! : raw.agency.name;
  return { text, document: { ...raw, agency: { ...raw.agency, name } } as CanonicalReport };
}

function toInput(text: string, document: CanonicalReport): StoreParsedInput {
  const bytes = new TextEncoder().encode(text);
  const parsed: ParseSuccess = { ok: true, document, provenance: {}, findings: [], sourceText: text, sourceKind: "text" };
  return { parsed, bytes, sha256: sha256Hex(bytes), mediaType: "text/plain" };
}

describe.each<BackendName>(["postgres", "pglite"])("storeParsedBatch on %s", (backend) => {
  let t: TestDatabase;
  const [a, b, c] = ["000_a0650e73d90a4fd5", "001_6b9bea8ce017e15d", "003_a8e4ccc3c9963d88"].map(loadSeed);

  beforeAll(async () => {
    t = await createTestDatabase(backend, "test_store_batch");
    await seedRegions(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("a failing report leaves the rest of its batch stored, and nothing of itself", async () => {
    const broken = structuredClone(b!.document);
    broken.requests.newReceived[6] = 3e10; // beyond the int column: the insert fails in the database
    const outcomes = await storeParsedBatch(t.db, [toInput(a!.text, a!.document), toInput(b!.text, broken), toInput(c!.text, c!.document)]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes.map((o) => (o.ok ? o.result.outcome : "failed"))).toEqual(["created", "failed", "created"]);
    expect(await t.db.report.count()).toBe(2);
    expect(await t.db.agency.count({ where: { name: b!.document.agency.name } })).toBe(0);
  });

  it("keeps the order of versions in a batch and stores the same bytes once", async () => {
    const v2 = `${a!.text}\n（更正版）\n`;
    const v3 = `${a!.text}\n（再更正版）\n`;
    const outcomes = await storeParsedBatch(t.db, [
      toInput(v2, a!.document),
      toInput(v3, a!.document),
      toInput(v3, a!.document),
      toInput(b!.text, b!.document),
    ]);
    expect(outcomes.map((o) => (o.ok ? [o.result.outcome, o.result.report.version] : "failed"))).toEqual([
      ["new-version", 2],
      ["new-version", 3],
      ["unchanged", 3],
      ["created", 1],
    ]);
    const latest = await t.db.report.findMany({
      where: { agencyId: outcomes[0]!.ok ? outcomes[0]!.result.agency.id : -1, isLatest: true },
    });
    expect(latest.map((r) => r.version)).toEqual([3]);
  });

  it("leaves every agency's 收录概况 columns as its latest reports give them, and the Report triggers keeping them after", async () => {
    // the batch function recomputes them once at its end, with the Report triggers held off meanwhile
    const stale = () => t.db.$queryRaw<{ id: number }[]>`
      SELECT a."id" FROM "Agency" a
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS "years", min(r."year") AS "first", max(r."year") AS "last",
               (array_agg(r."requestsReceived" ORDER BY r."year" DESC))[1] AS "requests"
        FROM "Report" r WHERE r."agencyId" = a."id" AND r."isLatest"
      ) s ON true
      WHERE (a."reportYears", a."firstYear", a."latestYear", a."latestRequestsReceived")
            IS DISTINCT FROM (s."years", s."first", s."last", s."requests")`;
    const v4 = `${a!.text}\n（第四版）\n`;
    const outcomes = await storeParsedBatch(t.db, [toInput(c!.text, c!.document), toInput(v4, a!.document)]);
    expect(outcomes.map((o) => (o.ok ? o.result.outcome : "failed"))).toEqual(["unchanged", "new-version"]);
    const holders = await t.db.agency.findMany({ where: { reportYears: { gt: 0 } } });
    expect(holders.length).toBeGreaterThanOrEqual(2);
    expect(await stale()).toEqual([]);
    // a later write outside the batch function (here in its own transaction) still moves them through the triggers
    await t.db.$executeRaw`UPDATE "Report" SET "isLatest" = false WHERE "isLatest"`;
    expect(await t.db.agency.count({ where: { reportYears: { gt: 0 } } })).toBe(0);
    expect(await stale()).toEqual([]);
  });

  it("logs what became or stopped being latest in a batch of versions, at the transaction's data version", async () => {
    // a stored latest version (own report), then two more versions of it in one batch, the last one a 汇总报告: the
    // change log must name both peer groups (the demoted stored one and the new latest), at one "all" version
    const [v5, v6, v7] = ["第五版", "第六版", "第七版"].map((v) => `${a!.text}\n（${v}）\n`);
    const [stored] = await storeParsedBatch(t.db, [toInput(v5!, a!.document)]);
    expect(stored!.ok && stored!.result.report.isLatest).toBe(true);
    const [{ before }] = await t.db.$queryRaw<[{ before: bigint }]>`SELECT coalesce(max("id"), 0) AS "before" FROM "ReportChange"`;
    const outcomes = await storeParsedBatch(t.db, [toInput(v6!, a!.document), toInput(v7!, { ...a!.document, scope: "summary" })]);
    expect(outcomes.map((o) => (o.ok ? [o.result.outcome, o.result.report.version] : "failed"))).toEqual([
      ["new-version", 6],
      ["new-version", 7],
    ]);
    const agencyId = outcomes[0]!.ok ? outcomes[0]!.result.agency.id : -1;
    const latest = await t.db.report.findMany({ where: { agencyId, isLatest: true }, select: { version: true, scope: true } });
    expect(latest).toEqual([{ version: 7, scope: "summary" }]);
    const logged = await t.db.$queryRaw<{ agencyId: number; year: number; scope: string; allVersion: bigint }[]>`
      SELECT DISTINCT "agencyId", "year", "scope", "allVersion" FROM "ReportChange" WHERE "id" > ${before} ORDER BY "scope"`;
    const [{ all }] = await t.db.$queryRaw<[{ all: bigint }]>`SELECT "version" AS "all" FROM "DataVersion" WHERE "scope" = 'all'`;
    expect(logged).toEqual([
      { agencyId, year: a!.document.year, scope: "own", allVersion: all },
      { agencyId, year: a!.document.year, scope: "summary", allVersion: all },
    ]);
  });

  it("finds the agency an earlier report of the same batch created, by the name it printed", async () => {
    const identity = toAgencyIdentity(c!.document.agency);
    const printed = `${identity.name}（测试别名）`;
    const row = (text: string, key: string, name: string) => {
      const bytes = new TextEncoder().encode(text);
      const parsed: ParseSuccess = { ok: true, document: c!.document, provenance: {}, findings: [], sourceText: text, sourceKind: "text" };
      const reportRow = toReportRow(
        parsed,
        { ...identity, key, name, printed },
        { sha256: sha256Hex(bytes), bytes, mediaType: "text/plain" },
      );
      return { row: encodeReportRow(reportRow), bytes };
    };
    const counts = async () => ({ agencies: await t.db.agency.count(), aliases: await t.db.agencyAlias.count() });
    const start = await counts();
    const outcomes = await storeEncodedBatch(t.db, [
      row(`${c!.text}\n（别名一）\n`, `${identity.key}#alias-test`, `${identity.name}甲`),
      row(`${c!.text}\n（别名二）\n`, `${identity.key}#alias-test-2`, `${identity.name}乙`),
    ]);
    expect(outcomes.map((o) => (o.ok ? [o.result.outcome, o.result.report.version, o.result.agency.name] : "failed"))).toEqual([
      ["created", 1, `${identity.name}甲`],
      ["new-version", 2, `${identity.name}甲`],
    ]);
    expect(await counts()).toEqual({ agencies: start.agencies + 1, aliases: start.aliases + 1 });
  });

  it.runIf(backend === "postgres")(
    "on connections of its own (bulk ingest's binary parameters): the same answers, a failing report alone left out",
    async () => {
      const writer = createPgWriteStatement(t.url!, 2);
      try {
        const broken = structuredClone(c!.document);
        broken.requests.newReceived[6] = 3e10; // beyond the int column: the batch fails, its rows are stored one by one
        const texts = ["（专线一）", "（专线二）", "（专线三）"].map((v) => `${c!.text}\n${v}\n`);
        const before = await t.db.report.count();
        const outcomes = await storeEncodedBatch(
          t.db,
          [c!.document, broken, c!.document].map((document, i) => {
            const bytes = new TextEncoder().encode(texts[i]!);
            const parsed: ParseSuccess = { ok: true, document, provenance: {}, findings: [], sourceText: texts[i]!, sourceKind: "text" };
            const row = toReportRow(parsed, toAgencyIdentity(document.agency), {
              sha256: sha256Hex(bytes),
              bytes,
              mediaType: "text/plain",
            });
            return { row: encodeReportRow(row), bytes };
          }),
          writer.write,
        );
        expect(outcomes.map((o) => (o.ok ? o.result.outcome : "failed"))).toEqual(["new-version", "failed", "new-version"]);
        const versions = outcomes.map((o) => (o.ok ? o.result.report.version : 0));
        expect(versions[2]).toBe(versions[0]! + 1);
        expect(await t.db.report.count()).toBe(before + 2);
        // and a batch that does not fail is written by the write statement in one call
        const more = ["（专线四）", "（专线五）"].map((v) => `${c!.text}\n${v}\n`);
        const ok = await storeEncodedBatch(
          t.db,
          more.map((text) => {
            const bytes = new TextEncoder().encode(text);
            const parsed: ParseSuccess = {
              ok: true,
              document: c!.document,
              provenance: {},
              findings: [],
              sourceText: text,
              sourceKind: "text",
            };
            const row = toReportRow(parsed, toAgencyIdentity(c!.document.agency), {
              sha256: sha256Hex(bytes),
              bytes,
              mediaType: "text/plain",
            });
            return { row: encodeReportRow(row), bytes };
          }),
          writer.write,
        );
        expect(ok.map((o) => (o.ok ? [o.result.outcome, o.result.report.version] : "failed"))).toEqual([
          ["new-version", versions[2]! + 1],
          ["new-version", versions[2]! + 2],
        ]);
        const stored = await t.db.report.findFirst({ where: { sha256: sha256Hex(new TextEncoder().encode(more[1]!)) } });
        expect(Buffer.from(stored!.sourceBytes!).toString("utf8")).toBe(more[1]);
      } finally {
        await writer.close();
      }
    },
  );
});
