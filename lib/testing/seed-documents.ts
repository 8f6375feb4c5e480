/**
 * Test support for the API contract tests: a throw-away database (lib/testing/test-database.ts) filled with the seed
 * reports' expected canonical documents through the one write path (`toReportRow` → `upsertReport`, as ingest), so
 * tests do not depend on the parser and every figure comes from lib/figures.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { toReportRow } from "@/lib/db/report-row";
import { upsertReport } from "@/lib/db/upsert-report";
import { toAgencyIdentity } from "@/lib/regions/agency-identity";
import { getRegion, getRegionChain, isPlaceholderRegionName, type Region } from "@/lib/regions/gazetteer";
import type { CanonicalReport } from "@/lib/report/types";

const SEEDS_DIR = path.resolve(import.meta.dirname, "../report/fixtures/seeds");

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

/** `base` as the report of a county's 人民政府 (named after the region) for `year`, with its own 申请量. */
export function countyGovernmentReport(base: CanonicalReport, code: string, received: number, year: number): CanonicalReport {
  const copy = structuredClone(base);
  copy.agency = { name: `${getRegion(code)!.name}人民政府`, regionCode: code };
  copy.year = year;
  copy.requests.newReceived[6] = received;
  return copy;
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
 * Store each document as the latest version of its agency and year through the write path ingest uses
 * (`toReportRow` → `upsertReport`), without the parser; returns the stored report ids in order.
 * `identitiesOk: false` stores them as if an accounting identity had failed.
 */
export async function loadDocuments(
  db: Db,
  docs: CanonicalReport[],
  { identitiesOk = true, failedChecks }: LoadOptions = {},
): Promise<number[]> {
  const checks = failedChecks ?? (identitiesOk ? [] : ["三:balance:6"]);
  await insertRegions(
    db,
    docs.flatMap((d) => (d.agency.regionCode ? [d.agency.regionCode] : [])),
  );
  const ids: number[] = [];
  for (const document of docs) {
    const sourceText = JSON.stringify(document);
    const bytes = new TextEncoder().encode(sourceText);
    const parsed = { ok: true as const, document, provenance: {}, findings: [], sourceText, sourceKind: "text" as const };
    const source = { sha256: createHash("sha256").update(bytes).digest("hex"), bytes, mediaType: "text/plain" };
    const row = toReportRow(parsed, toAgencyIdentity(document.agency), source);
    const stored = await upsertReport(db, {
      ...row,
      report: { ...row.report, identitiesOk: identitiesOk && checks.length === 0, failedChecks: checks },
    });
    ids.push(stored.report.id);
  }
  return ids;
}
