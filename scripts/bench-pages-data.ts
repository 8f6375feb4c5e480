/**
 * The bench:pages data set: county-level agencies from the gazetteer and generated reports for each year,
 * inserted in batches straight into PostgreSQL; each row is built by the write path's `toReportRow` (lib/db/report-row.ts)
 * and each agency by `toAgencyIdentity`, so the data has exactly the columns and values ingest writes.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { toReportRow } from "@/lib/db/report-row";
import { toAgencyIdentity } from "@/lib/regions/agency-identity";
import { listRegions, type Region } from "@/lib/regions/gazetteer";
import { parseReport } from "@/lib/report";
import { synthesize } from "@/lib/testing/synth";
import type { ParseSuccess } from "@/lib/report/types";
import { generateReport } from "@/lib/testing/synth/generate-report";
import { createRng } from "@/lib/testing/synth/prng";

const LAST_YEAR = 2025;
const BATCH_ROWS = 400;

type Row = Record<string, unknown>;

async function insertRows(client: pg.Client, table: string, rows: Row[], returning = ""): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows.slice(i, i + BATCH_ROWS);
    const columns = Object.keys(batch[0]!);
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(", ")})`);
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}${returning}`;
    out.push(...(await client.query(sql, params)).rows);
  }
  return out;
}

function toAgencyRow(region: Region, name: string): Row {
  const { printed: _printed, ...agency } = toAgencyIdentity({ name, regionCode: region.code });
  return agency;
}

type AgencyRow = Row & { id: number; name: string; regionCode: string; kind: string };

/** What the parser stores beside the document for a real ingest: the source text, provenance and findings. */
type ParsedTemplate = Pick<ParseSuccess, "sourceText" | "provenance" | "findings">;

/**
 * Parse a few generated reports (text and HTML layouts) the way ingest does and keep what it stores besides the
 * document, so the bench rows carry provenance, findings and source text of real size (the database size it prints).
 */
async function parseTemplates(count: number): Promise<ParsedTemplate[]> {
  const out: ParsedTemplate[] = [];
  for (let seed = 500; out.length < count && seed < 500 + count * 4; seed++) {
    const c = synthesize({ seed });
    if (typeof c.content !== "string") continue;
    const parsed = await parseReport(c.fileExtension === "html" ? { html: c.content } : { text: c.content });
    if (!parsed.ok) continue;
    out.push({ sourceText: parsed.sourceText, provenance: parsed.provenance, findings: parsed.findings });
  }
  return out;
}

let templates: ParsedTemplate[] = [];

function toBenchReportRow(agency: AgencyRow, year: number, seed: number, version: number, isLatest: boolean, identitiesOk: boolean): Row {
  const { document } = generateReport({ seed, year });
  document.agency = { name: agency.name, regionCode: agency.regionCode };
  const text = JSON.stringify(document);
  const t = templates[seed % templates.length] ?? { sourceText: text, provenance: {}, findings: [] };
  const parsed = { ok: true as const, document, ...t, sourceKind: "text" as const };
  const sha256 = createHash("sha256").update(`${seed}/${version}/${text}`).digest("hex");
  const { report: r } = toReportRow(parsed, toAgencyIdentity(document.agency), {
    sha256,
    bytes: new Uint8Array(),
    mediaType: "text/plain",
  });
  return {
    agencyId: agency.id,
    year,
    version,
    isLatest,
    templateVersion: r.templateVersion,
    publishedOn: r.publishedOn,
    sha256: r.sha256,
    mediaType: r.mediaType,
    sourceKind: r.sourceKind,
    sourceText: r.sourceText,
    document: text,
    provenance: JSON.stringify(r.provenance),
    findings: JSON.stringify(r.findings),
    errorCount: identitiesOk ? 0 : 1,
    warningCount: r.warningCount,
    identitiesOk,
    failedChecks: r.failedChecks,
    scope: r.scope,
    level: agency.level,
    kind: agency.kind,
    provinceCode: agency.provinceCode,
    prefectureCode: agency.prefectureCode,
    countyCode: agency.countyCode,
    regionCode: agency.regionCode,
    ...r.figures,
  };
}

export type BenchData = {
  agencyIds: number[];
  provinces: string[];
  prefectures: string[];
  /** what people type into search: a county's name without its suffix, a name with its kind (仁和 公安局) */
  searchTerms: string[];
  reports: number;
  lastYear: number;
};

/** Load `agencies` county-level agencies × `years` years of reports into the database. */
export async function loadBenchReports({
  databaseUrl,
  agencies,
  years,
}: {
  databaseUrl: string;
  agencies: number;
  years: number;
}): Promise<BenchData> {
  templates = await parseTemplates(16);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // a few codes appear twice in the data (东莞 441900 as prefecture and as county): keep one row per code
    const regions = [
      ...new Map(
        listRegions()
          .filter((r) => r.level <= 3)
          .map((r) => [r.code, r] as const),
      ).values(),
    ];
    await insertRows(
      client,
      "Region",
      regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, path: r.name })),
    );
    const counties = regions.filter((r) => r.level === 3);
    const wanted = counties.map((c) => toAgencyRow(c, `${c.name}人民政府`));
    for (let i = 0; wanted.length < agencies; i++)
      wanted.push(
        toAgencyRow(counties[i % counties.length]!, `${counties[i % counties.length]!.name}公安局${i >= counties.length ? i : ""}`),
      );
    const agencyRows = (await insertRows(
      client,
      "Agency",
      wanted.slice(0, agencies),
      ` RETURNING "id", "name", "regionCode", "level", "kind", "provinceCode", "prefectureCode", "countyCode"`,
    )) as AgencyRow[];
    const rng = createRng(20251123);
    const reportBuffer: Row[] = [];
    let reports = 0;
    for (const agency of agencyRows) {
      const rows: Row[] = [];
      for (let y = 0; y < years; y++) {
        const year = LAST_YEAR - y;
        const seed = agency.id * 100 + y;
        if (rng.chance(0.03)) rows.push(toBenchReportRow(agency, year, seed + 50, 1, false, true));
        rows.push(
          toBenchReportRow(agency, year, seed, rows.length > 0 && rows[rows.length - 1]!.year === year ? 2 : 1, true, !rng.chance(0.03)),
        );
      }
      reportBuffer.push(...rows);
      reports += rows.length;
      if (reportBuffer.length >= BATCH_ROWS) await insertRows(client, "Report", reportBuffer.splice(0));
    }
    if (reportBuffer.length > 0) await insertRows(client, "Report", reportBuffer.splice(0));
    // as autovacuum leaves a store after a bulk load: statistics, and the visibility map that lets counts use index-only scans
    await client.query(`VACUUM (ANALYZE)`);
    return {
      agencyIds: agencyRows.map((a) => a.id),
      provinces: [...new Set(agencyRows.map((a) => String(a.provinceCode)))],
      prefectures: [...new Set(agencyRows.map((a) => String(a.prefectureCode)))],
      searchTerms: counties.filter((_, i) => i % 97 === 0).flatMap((c) => [c.name.slice(0, 2), `${c.name.slice(0, 2)} 公安局`]),
      reports,
      lastYear: LAST_YEAR,
    };
  } finally {
    await client.end();
  }
}
