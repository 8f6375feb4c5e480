/**
 * The bench:pages data set: county-level agencies from the gazetteer and generated reports for each year,
 * inserted in batches straight into PostgreSQL with the same figure columns ingest writes.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { toPeerGroupCodes } from "@/lib/ingest/resolve-agency";
import { toFigureColumns } from "@/lib/figures/figures";
import { listRegions, type Region } from "@/lib/regions/gazetteer";
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

function toAgencyRow(region: Region, name: string, kind: string): Row {
  return { key: `${region.code}/${name}`, name, regionCode: region.code, level: "县", kind, ...toPeerGroupCodes(region) };
}

type AgencyRow = Row & { id: number; name: string; regionCode: string; kind: string };

function toReportRow(agency: AgencyRow, year: number, seed: number, version: number, isLatest: boolean, identitiesOk: boolean): Row {
  const { document } = generateReport({ seed, year });
  document.agency = { name: agency.name, regionCode: agency.regionCode };
  const text = JSON.stringify(document);
  return {
    agencyId: agency.id, year, version, isLatest, templateVersion: document.templateVersion, publishedOn: document.publishedOn,
    sha256: createHash("sha256").update(`${seed}/${version}/${text}`).digest("hex"), mediaType: "text/plain", sourceKind: "text",
    sourceText: text, document: text, provenance: "{}", findings: "[]", errorCount: identitiesOk ? 0 : 1, warningCount: 0, identitiesOk,
    level: agency.level, kind: agency.kind, provinceCode: agency.provinceCode, prefectureCode: agency.prefectureCode,
    countyCode: agency.countyCode, regionCode: agency.regionCode, ...toFigureColumns(document),
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
export async function loadBenchReports({ databaseUrl, agencies, years }: { databaseUrl: string; agencies: number; years: number }): Promise<BenchData> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // a few codes appear twice in the data (东莞 441900 as prefecture and as county): keep one row per code
    const regions = [...new Map(listRegions().filter((r) => r.level <= 3).map((r) => [r.code, r] as const)).values()];
    await insertRows(client, "Region", regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, path: r.name })));
    const counties = regions.filter((r) => r.level === 3);
    const wanted = counties.map((c) => toAgencyRow(c, `${c.name}人民政府`, "人民政府"));
    for (let i = 0; wanted.length < agencies; i++) wanted.push(toAgencyRow(counties[i % counties.length]!, `${counties[i % counties.length]!.name}公安局${i >= counties.length ? i : ""}`, "部门"));
    const agencyRows = (await insertRows(client, "Agency", wanted.slice(0, agencies), ` RETURNING "id", "name", "regionCode", "level", "kind", "provinceCode", "prefectureCode", "countyCode"`)) as AgencyRow[];
    const rng = createRng(20251123);
    const reportBuffer: Row[] = [];
    let reports = 0;
    for (const agency of agencyRows) {
      const rows: Row[] = [];
      for (let y = 0; y < years; y++) {
        const year = LAST_YEAR - y;
        const seed = agency.id * 100 + y;
        if (rng.chance(0.03)) rows.push(toReportRow(agency, year, seed + 50, 1, false, true));
        rows.push(toReportRow(agency, year, seed, rows.length > 0 && rows[rows.length - 1]!.year === year ? 2 : 1, true, !rng.chance(0.03)));
      }
      reportBuffer.push(...rows);
      reports += rows.length;
      if (reportBuffer.length >= BATCH_ROWS) await insertRows(client, "Report", reportBuffer.splice(0));
    }
    if (reportBuffer.length > 0) await insertRows(client, "Report", reportBuffer.splice(0));
    await client.query(`ANALYZE`);
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
