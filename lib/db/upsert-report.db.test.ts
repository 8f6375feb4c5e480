/**
 * Ingest storage on PostgreSQL and PGlite: new report, identical no-op, new version, concurrent identical
 * documents → one report, and a failing write leaves nothing behind. Driven by the seeds' expected documents
 * (the parser is tested on its own); the full parse path is covered by e2e/ingest.api.spec.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRegions } from "@/lib/db/seed-regions";
import { sha256Hex } from "@/lib/ingest/sha256-hex";
import { storeParsed, type StoreParsedInput } from "@/lib/db/upsert-report";
import type { CanonicalReport, ParseSuccess } from "@/lib/report/types";
import { createTestDatabase, type BackendName, type TestDatabase } from "@/lib/testing/test-database";

const SEEDS = path.join(import.meta.dirname, "../report/fixtures/seeds");

/** A seed's expected document as a parse result (expected files list accepted names; take the first). */
function loadSeed(stem: string): { text: string; parsed: ParseSuccess } {
  const text = readFileSync(path.join(SEEDS, `${stem}.txt`), "utf8");
  const raw = JSON.parse(readFileSync(path.join(SEEDS, `${stem}.expected.json`), "utf8")) as CanonicalReport & {
    agency: { name: string | string[] };
  };
  const name = Array.isArray(raw.agency.name) ? raw.agency.name[0]! : raw.agency.name;
  const document = { ...raw, agency: { ...raw.agency, name } } as CanonicalReport;
  return { text, parsed: { ok: true, document, provenance: {}, findings: [], sourceText: text, sourceKind: "text" } };
}

function toInput(text: string, parsed: ParseSuccess): StoreParsedInput {
  const bytes = new TextEncoder().encode(text);
  return { parsed, bytes, sha256: sha256Hex(bytes), mediaType: "text/plain" };
}

async function countRows(t: TestDatabase): Promise<{ agencies: number; aliases: number; reports: number }> {
  return { agencies: await t.db.agency.count(), aliases: await t.db.agencyAlias.count(), reports: await t.db.report.count() };
}

describe.each<BackendName>(["postgres", "pglite"])("storeParsed on %s", (backend) => {
  let t: TestDatabase;
  const s000 = loadSeed("000_a0650e73d90a4fd5");
  const s002 = loadSeed("002_6e120918e3f19fd6");
  const s001 = loadSeed("001_6b9bea8ce017e15d");

  beforeAll(async () => {
    t = await createTestDatabase(backend, "test_foundation_ingest");
    await seedRegions(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("stores a new report with its agency, peer-group keys and typed figures", async () => {
    const r = await storeParsed(t.db, toInput(s000.text, s000.parsed));
    expect(r.outcome).toBe("created");
    expect(r.report).toMatchObject({ year: 2025, version: 1, isLatest: true, templateVersion: "2021" });
    expect(r.agency).toMatchObject({ name: "鄂托克旗人民政府", regionCode: "150624", level: "县", kind: "人民政府" });
    expect(r.figures.licensing).toBe(20780);
    expect(r.figures.requestsReceived).toBe(s000.parsed.document.requests.newReceived[6]);
    const row = await t.db.report.findUniqueOrThrow({ where: { id: r.report.id } });
    expect(row).toMatchObject({ provinceCode: "150000", prefectureCode: "150600", countyCode: "150624", level: "县", sourceKind: "text" });
    expect(Buffer.from(row.sourceBytes!).toString("utf8")).toBe(s000.text);
  });

  it("answers an identical document as unchanged without writing", async () => {
    const before = await countRows(t);
    const r = await storeParsed(t.db, toInput(s000.text, s000.parsed));
    expect(r.outcome).toBe("unchanged");
    expect(await countRows(t)).toEqual(before);
  });

  it("puts another year of the same body on the same agency", async () => {
    const first = await t.db.report.findFirstOrThrow({ where: { year: 2025 } });
    const r = await storeParsed(t.db, toInput(s002.text, s002.parsed));
    expect(r.outcome).toBe("created");
    expect(r.agency.id).toBe(first.agencyId);
    expect(r.report).toMatchObject({ year: 2020, version: 1, templateVersion: "2019" });
  });

  it("keeps the old version when a different document arrives for the same agency and year", async () => {
    const changed = s000.text + "\n（更正版）";
    const r = await storeParsed(t.db, toInput(changed, s000.parsed));
    expect(r.outcome).toBe("new-version");
    expect(r.report.version).toBe(2);
    const versions = await t.db.report.findMany({ where: { agencyId: r.agency.id, year: 2025 }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.isLatest])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("gives one report for concurrent ingests of the same new document", async () => {
    const before = await countRows(t);
    const input = toInput(s001.text, s001.parsed);
    const results = await Promise.all(Array.from({ length: 5 }, () => storeParsed(t.db, input)));
    expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    const after = await countRows(t);
    expect(after.reports).toBe(before.reports + 1);
    expect(after.agencies).toBe(before.agencies + 1);
  });

  it("numbers 40 concurrent versions of one agency and year 1…n with no error and one latest (advisory lock)", async () => {
    const s004 = loadSeed("004_4e6b4656cc35d957");
    const inputs = Array.from({ length: 40 }, (_, i) => toInput(`${s004.text}\n（第 ${i} 稿）`, s004.parsed));
    const results = await Promise.all(inputs.map((input) => storeParsed(t.db, input)));
    const agencyId = results[0]!.agency.id;
    expect(new Set(results.map((r) => r.agency.id))).toEqual(new Set([agencyId]));
    const versions = results.map((r) => r.report.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const rows = await t.db.report.findMany({
      where: { agencyId, year: s004.parsed.document.year },
      select: { version: true, isLatest: true },
    });
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.isLatest)).toEqual([{ version: 40, isLatest: true }]);
  });

  it("puts a name printed with its parent places (淮安市洪泽区人民政府) on the same agency as the short one", async () => {
    const doc = (name: string, year: number): ParseSuccess => {
      const d = structuredClone(s001.parsed.document);
      d.agency = { name, regionCode: "320813" };
      d.year = year;
      return { ...s001.parsed, document: d };
    };
    const a = await storeParsed(t.db, toInput("洪泽 2023", doc("洪泽区人民政府", 2023)));
    const b = await storeParsed(t.db, toInput("洪泽 2024", doc("淮安市洪泽区人民政府", 2024)));
    expect(b.outcome).toBe("created");
    expect(b.agency.id).toBe(a.agency.id);
    expect(await t.db.agencyAlias.count({ where: { agencyId: a.agency.id, name: "淮安市洪泽区人民政府" } })).toBe(1);
  });

  it("rolls the whole report back when a write fails (no orphan agency)", async () => {
    const before = await countRows(t);
    const doc = structuredClone(s001.parsed.document);
    doc.agency = { name: "乌审旗人民政府", regionCode: "150626" };
    doc.requests.newReceived[6] = 2 ** 40; // overflows the INTEGER column: the report insert fails after the agency insert
    await expect(storeParsed(t.db, toInput("broken", { ...s001.parsed, document: doc }))).rejects.toThrow();
    expect(await countRows(t)).toEqual(before);
    expect(await t.db.agency.findFirst({ where: { name: "乌审旗人民政府" } })).toBeNull();
  });
});
