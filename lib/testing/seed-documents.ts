/**
 * Test support for the API contract tests: a throw-away PostgreSQL database (created, migrated, dropped)
 * filled with the seed reports' expected canonical documents through the real store path (`storeParsed`),
 * so tests do not depend on the parser and every figure comes from lib/figures.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createAdapter, createDb, type Db } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/schema-engine";
import { resolveAgency } from "@/lib/ingest/resolve-agency";
import { toFigureColumns } from "@/lib/figures/figures";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getRegionChain, isPlaceholderRegionName, type Region } from "@/lib/regions/gazetteer";
import type { CanonicalReport } from "@/lib/report/types";

const SEEDS_DIR = path.resolve(import.meta.dirname, "../report/fixtures/seeds");

/** Server URL of the maintenance database used to create and drop test databases. */
export const ADMIN_URL = "postgresql://root@127.0.0.1:5432/postgres";

export type TestDatabase = { url: string; name: string; db: Db; drop: () => Promise<void> };

/** Create `<prefix>_<random>`, apply the migrations and open a client on it. */
export async function createTestDatabase(prefix: string, adminUrl = ADMIN_URL): Promise<TestDatabase> {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = { databaseUrl: url.toString() };
  const adapter = await createAdapter(target);
  await deployMigrations(adapter);
  const db = await createDb(target, adapter);
  const drop = async (): Promise<void> => {
    await db.$disconnect();
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  return { url: target.databaseUrl, name, db, drop };
}

/** The seed fixtures' expected documents (agency.name may list accepted spellings: the first is used). */
export function readSeedDocuments(): CanonicalReport[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => {
      const doc = JSON.parse(readFileSync(path.join(SEEDS_DIR, f), "utf8")) as CanonicalReport & { agency: { name: string | string[] } };
      const name = Array.isArray(doc.agency.name) ? (doc.agency.name[0] ?? "") : doc.agency.name;
      return { ...doc, agency: { ...doc.agency, name } };
    });
}

/** Insert these regions and their ancestors (only what the documents need: the full tree is slow to load). */
export async function insertRegions(db: Db, codes: string[]): Promise<void> {
  const regions = new Map<string, Region>();
  for (const code of codes) for (const r of getRegionChain(code)) regions.set(r.code, r);
  const rows = [...regions.values()].sort((a, b) => a.level - b.level);
  for (const r of rows) {
    const chain = getRegionChain(r.code);
    const parent = chain.length > 1 ? chain[chain.length - 2]!.code : null;
    const names = chain.filter((c) => !isPlaceholderRegionName(c.name)).map((c) => c.name);
    await db.$executeRaw`INSERT INTO "Region" ("code", "name", "level", "parentCode", "path")
      VALUES (${r.code}, ${r.name}, ${r.level}, ${parent}, ${names.join(" › ")}) ON CONFLICT ("code") DO NOTHING`;
  }
}

/** identitiesOk false without failedChecks: a failed 表三 balance check in the 总计 column (removes 申请量 and 办结量, not 行政许可). */
export type LoadOptions = { identitiesOk?: boolean; failedChecks?: string[] };

/**
 * Store each document as the latest version of its agency and year, with the same agency resolution and figure
 * columns as ingest (lib/ingest), without the parser; returns the stored report ids in order.
 */
export async function loadDocuments(db: Db, docs: CanonicalReport[], { identitiesOk = true, failedChecks }: LoadOptions = {}): Promise<number[]> {
  const checks = failedChecks ?? (identitiesOk ? [] : ["三:balance:6"]);
  await insertRegions(db, docs.flatMap((d) => (d.agency.regionCode ? [d.agency.regionCode] : [])));
  const ids: number[] = [];
  for (const document of docs) {
    const id = await db.$transaction(async (tx) => {
      const agency = await resolveAgency(tx, document.agency);
      const previous = await tx.report.findFirst({ where: { agencyId: agency.id, year: document.year }, orderBy: { version: "desc" } });
      await tx.report.updateMany({ where: { agencyId: agency.id, year: document.year }, data: { isLatest: false } });
      const sourceText = JSON.stringify(document);
      const report = await tx.report.create({
        data: {
          agencyId: agency.id, year: document.year, version: (previous?.version ?? 0) + 1, isLatest: true,
          templateVersion: document.templateVersion, publishedOn: document.publishedOn,
          sha256: createHash("sha256").update(sourceText).digest("hex"), mediaType: "text/plain", sourceKind: "text",
          sourceText, document: document as unknown as Prisma.InputJsonValue, provenance: {}, findings: [],
          identitiesOk: identitiesOk && checks.length === 0, failedChecks: checks, scope: document.scope ?? "own", level: agency.level, kind: agency.kind, provinceCode: agency.provinceCode,
          prefectureCode: agency.prefectureCode, countyCode: agency.countyCode, regionCode: agency.regionCode,
          ...toFigureColumns(document),
        },
        select: { id: true },
      });
      return report.id;
    });
    ids.push(id);
  }
  return ids;
}
