/**
 * npm run bench:pages – server time of every page type at scale (rankings, compare national/province/prefecture/10
 * picked, agency, region, search, the API lists), EXPLAIN (ANALYZE, BUFFERS) of the ranking statements, and the
 * database size per report.
 *
 * 1. Creates a fresh PostgreSQL database (compare_bench_<random>), applies the migrations.
 * 2. Loads 3,000 county-level agencies (every county 人民政府 in the gazetteer, topped up with county 公安局) × 7 years
 *    (2019–2025) of generated, internally consistent reports (lib/testing/synth), with the figure columns from
 *    lib/figures via toFigureColumns (as ingest stores them); 3 % of reports also get an older version and
 *    3 % fail their identity checks. Rows are inserted directly in batches (ingest's per-report transactions are slower).
 *    Then VACUUM (ANALYZE), as autovacuum leaves a store after a bulk load (a reused store never vacuumed is vacuumed once).
 * 3. Starts the production server (`next start`, needs `npm run build` first) on its own port, requests compare and
 *    ranking pages (national, province and prefecture scopes; several figures and years; highlight; picked agencies),
 *    and prints p50 / p95 / max per page type, with the database transactions (round trips) and the server's CPU time
 *    per request (both less sensitive to the machine's load than wall time). After each page type's timed pass, unless
 *    --ingest 0: a small ingest (new versions of --ingest N reports, one per year in turn, written by the store's write
 *    path as ingest writes them) and a first pass with the readers rebuilding what it made stale ("after ingest, cold"),
 *    then another such ingest, the warm pass the ingest route and the CLI run after a write (lib/db/snapshot-warm: its
 *    wall and database CPU time) and a first pass on the warmed store ("after ingest, warmed"). Then EXPLAIN (ANALYZE, BUFFERS) of the
 *    ranking (highlight, deep page) and compare statements the pages ran. Kills the server by PID and drops the database.
 *
 * Options: --agencies 3000 --years 7 --requests 200 --port 3472 --admin-url postgresql://root@127.0.0.1:5432/postgres --keep
 *          --reuse URL (a database a --keep run loaded) --only rankings,search (page types)
 *          --name NAME (database name) --load-only (load and keep the database; no server, no build needed)
 *          --ingest N (reports changed before each after-ingest pass; default 7, 0: no after-ingest passes)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { createAdapter } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/schema-engine";
import { listRegions } from "@/lib/regions/gazetteer";
import { backendCpuSince, readBackendCpu } from "@/lib/testing/postgres-cpu";
import { loadBenchReports } from "./bench-pages-data";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const AGENCIES = Number(option("agencies", "3000"));
const YEARS = Number(option("years", "7"));
const REQUESTS = Number(option("requests", "200"));
const PORT = Number(option("port", "3472"));
const ADMIN_URL = option("admin-url", "postgresql://root@127.0.0.1:5432/postgres");
const KEEP = process.argv.includes("--keep");
/** --reuse URL: a database an earlier `--keep` run loaded (no load, not dropped); --only a,b: just these page types */
const REUSE = option("reuse", "") || null;
const ONLY = option("only", "") ? option("only", "").split(",") : null;
/** --name NAME: the database to create (default compare_bench_<random>); --load-only: load, keep, no server (no build needed) */
const NAME = option("name", "") || null;
const LOAD_ONLY = process.argv.includes("--load-only");
const INGEST = Number(option("ingest", "7"));

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/v1/figures`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start within 60 s");
}

/** Kill the server's process group (next + next-server) by its PID: SIGTERM, then SIGKILL after 5 s. */
async function stopServer(server: ChildProcess): Promise<void> {
  const pid = server.pid;
  if (!pid) return;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const isAlive = (): boolean => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  signalGroup("SIGTERM");
  for (let i = 0; i < 50 && isAlive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive()) signalGroup("SIGKILL");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timeRequests(base: string, urls: string[], count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const url = urls[i % urls.length]!;
    const start = performance.now();
    const res = await fetch(base + url);
    await res.text();
    times.push(performance.now() - start);
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Transactions committed in the bench database so far (pg_stat_database): the timed pass's difference over its requests
 * is the number of database round trips a page makes (each statement outside a transaction is one). Waits until the
 * server's connections, idle by now, have reported their counts (PostgreSQL flushes them at most once a second).
 */
async function committedTransactions(databaseUrl: string): Promise<number | null> {
  await new Promise((r) => setTimeout(r, 2000));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const row = (await client.query(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`))
      .rows[0];
    return row ? Number(row.n) : null;
  } finally {
    await client.end();
  }
}

/** CPU time (user + system, ms) the server process has used (Linux /proc; null elsewhere): less sensitive to load than wall time. */
function serverCpuMs(server: ChildProcess): number | null {
  const stat = server.pid ? `/proc/${server.pid}/stat` : null;
  if (!stat || !existsSync(stat)) return null;
  // fields after the command name (which may hold spaces): utime and stime are the 14th and 15th fields, in clock ticks (100/s)
  const fields = readFileSync(stat, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * A reused store that was never vacuumed (a copy made by CREATE DATABASE … TEMPLATE, or loaded before the loader vacuumed)
 * is vacuumed once, as autovacuum would have done after the bulk load: without the visibility map a count of a year's
 * reports reads every heap page instead of an index-only scan, which no running store would do.
 */
async function settle(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const row = (await client.query(`SELECT relpages, relallvisible FROM pg_class WHERE relname = 'Report'`)).rows[0];
    if (row && Number(row.relpages) > 0 && Number(row.relallvisible) < 0.9 * Number(row.relpages)) {
      const start = performance.now();
      await client.query(`VACUUM (ANALYZE)`);
      console.log(`vacuumed (the visibility map was unset) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  } finally {
    await client.end();
  }
}

type BenchData = Awaited<ReturnType<typeof loadBenchReports>>;

/** The bench data of an already loaded database (--reuse). */
async function readBenchData(databaseUrl: string): Promise<BenchData> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const agencies = await client.query(`SELECT "id", "provinceCode", "prefectureCode" FROM "Agency" ORDER BY "id"`);
    const reports = Number((await client.query(`SELECT count(*) AS n FROM "Report"`)).rows[0].n);
    const lastYear = Number((await client.query(`SELECT max("year") AS y FROM "Report"`)).rows[0].y);
    const counties = listRegions().filter((r) => r.level === 3);
    return {
      agencyIds: agencies.rows.map((a) => Number(a.id)),
      provinces: [...new Set(agencies.rows.map((a) => String(a.provinceCode)))],
      prefectures: [...new Set(agencies.rows.map((a) => String(a.prefectureCode)))],
      searchTerms: counties.filter((_, i) => i % 97 === 0).flatMap((c) => [c.name.slice(0, 2), `${c.name.slice(0, 2)} 公安局`]),
      reports,
      lastYear,
    };
  } finally {
    await client.end();
  }
}

/** The URLs of every page type, cycling through figures, years, scopes and agencies. */
function pageUrls(d: BenchData): Record<string, string[]> {
  const years = Array.from({ length: YEARS }, (_, i) => d.lastYear - i);
  const figures = ["requestsReceived", "notHeldRate", "disclosureRate", "penalty", "reviewCorrectionRate"];
  const pick = <T>(list: T[], i: number): T => list[(i * 7919) % list.length]!;
  const picked = (i: number): string => Array.from({ length: 10 }, (_, k) => pick(d.agencyIds, i * 10 + k)).join(",");
  const out: Record<string, string[]> = {
    rankings: [],
    "compare-national": [],
    "compare-province": [],
    "compare-prefecture": [],
    "compare-picked10": [],
    agency: [],
    "region-province": [],
    search: [],
    "search-common": [],
    "api-lists": [],
    "region-compare": [],
    coverage: [],
  };
  const regionFigures = ["requestsReceived", "notHeldRate", "disclosureRate", "penalty", "licensing"];
  for (let i = 0; i < 40; i++) {
    const figure = pick(figures, i);
    const year = pick(years, i);
    out["rankings"]!.push(
      `/rankings?figure=${figure}&year=${year}&level=县`, // national: every county-level body
      `/rankings?figure=${figure}&year=${year}&level=县&kind=人民政府&scope=${pick(d.provinces, i)}&include=1`,
      `/rankings?figure=${figure}&year=${year}&level=县&highlight=${pick(d.agencyIds, i)}`,
    );
    out["compare-national"]!.push(
      `/compare?figure=${figure}&year=${year}&level=县`,
      `/compare?figure=${figure}&year=${year}&level=县&sort=name&page=${1 + (i % 5)}`,
    );
    out["compare-province"]!.push(`/compare?figure=${figure}&year=${year}&scope=${pick(d.provinces, i)}&sort=name&dir=asc&page=2`);
    out["compare-prefecture"]!.push(`/compare?figure=${figure}&year=${year}&level=县&scope=${pick(d.prefectures, i)}`);
    out["compare-picked10"]!.push(`/compare?figure=${figure}&year=${year}&level=县&agencies=${picked(i)}`);
    out["agency"]!.push(`/agencies/${pick(d.agencyIds, i)}`);
    // region comparison (issue 14): the provinces with the tile map, a province's prefectures, a prefecture's counties
    const regionFigure = pick(regionFigures, i);
    out["region-compare"]!.push(
      `/compare/regions?figure=${regionFigure}&year=${year}`,
      `/compare/regions?figure=${regionFigure}&year=${year}&parent=${pick(d.provinces, i)}`,
      `/compare/regions?figure=${regionFigure}&year=${year}&parent=${pick(d.prefectures, i)}`,
    );
    // coverage: expected / collected / 未收录 per year (national, a province, a prefecture)
    out["coverage"]!.push(
      `/api/v1/coverage?year=${year}`,
      `/api/v1/coverage?region=${pick(d.provinces, i)}&year=${year}`,
      `/api/v1/coverage?region=${pick(d.prefectures, i)}&year=${year}`,
    );
    out["region-province"]!.push(`/regions/${pick(d.provinces, i)}`);
    out["search"]!.push(`/?q=${encodeURIComponent(pick(d.searchTerms, i))}`);
    // words most agencies have (the loaded store's agencies are county 人民政府 and 公安局), on their first pages
    out["search-common"]!.push(`/?q=${encodeURIComponent(pick(COMMON_WORDS, i))}&page=${1 + (i % 3)}`);
    out["api-lists"]!.push(
      `/api/v1/agencies?q=${encodeURIComponent(pick(d.searchTerms, i))}`,
      `/api/v1/agencies?region=${pick(d.provinces, i)}&page=2`,
      `/api/v1/reports?year=${year}&page=${1 + (i % 20)}`,
      `/api/v1/rankings?figure=${figure}&year=${year}&level=县&page=${1 + (i % 20)}`,
      `/api/v1/compare?figure=${figure}&year=${year}&level=县&agencies=${picked(i)}`,
      `/api/v1/regions?level=3&page=${1 + (i % 10)}`,
    );
  }
  return out;
}

/** Search words that match a large share of the agencies: the hard case of search (every hit is ranked and counted). */
const COMMON_WORDS = ["人民政府", "公安局", "政府"];
/**
 * A small ingest: a new version of `count` latest reports, one per year in turn from the last, each with one figure
 * changed (申请量 + 1,000), written through the store's write path (toReportRow → upsertReport, lib/testing/seed-documents)
 * in one transaction each, so the triggers move each year's data version as an upload would. Returns the years touched.
 */
async function smallIngest(db: import("@/lib/db/client").Db, lastYear: number, count: number, round: number): Promise<number[]> {
  const { loadDocuments } = await import("@/lib/testing/seed-documents");
  const docs: import("@/lib/report/types").CanonicalReport[] = [];
  for (let i = 0; i < count; i++) {
    const year = lastYear - (i % YEARS);
    const [row] = await db.$queryRaw<{ document: import("@/lib/report/types").CanonicalReport }[]>`
      SELECT "document" FROM "Report" WHERE "year" = ${year}::int AND "isLatest" ORDER BY "id" OFFSET ${round * count + i}::int LIMIT 1`;
    if (!row) continue;
    const doc = structuredClone(row.document);
    doc.requests.newReceived[6] = (doc.requests.newReceived[6] ?? 0) + 1000;
    docs.push(doc);
  }
  await loadDocuments(db, docs);
  return [...new Set(docs.map((d) => d.year))];
}

/** Database CPU (ms, every backend of the bench database) and wall time of `work`. */
async function measured<T>(databaseUrl: string, work: () => Promise<T>): Promise<{ value: T; wallMs: number; dbCpuMs: number }> {
  const cpu0 = await readBackendCpu(databaseUrl);
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  return { value, wallMs, dbCpuMs: backendCpuSince(cpu0, await readBackendCpu(databaseUrl)) };
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
const load = (): string =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} on ${cpus().length} cores`;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements the ranking and compare pages run, on the loaded store, after the timed
 * requests built their snapshots. The queries come from the bench's own URLs through the pages' parameter parsing
 * (parseParams, the /rankings default peer group, toRankingQuery / toCompareQuery), so the snapshot keys are the ones the
 * pages looked up; a plan that finds no fresh snapshot says so instead of being left out.
 */
async function explainPlans(databaseUrl: string, urls: Record<string, string[]>): Promise<void> {
  const { rankingGroup, previousRankingGroup, rankingReadSql } = await import("@/lib/db/rankings");
  const { compareGroup, compareReadSql } = await import("@/lib/db/compare");
  const { compareQuerySchema, parseParams, rankingQuerySchema, withDefaultPeerGroup } = await import("@/lib/http/params");
  const { toCompareQuery, toRankingQuery } = await import("@/lib/http/resolve-query");
  const { searchSql } = await import("@/lib/db/search-sql");
  const { toSearchPlan } = await import("@/lib/search/search-plan");
  // the settings the app's connections run with (lib/db/client: no JIT), so the plans are the ones the pages get
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c jit=off" });
  await client.connect();
  try {
    const explain = async (title: string, sql: { text: string; values: unknown[] }): Promise<void> => {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
      console.log(`\n--- EXPLAIN (ANALYZE, BUFFERS): ${title}`);
      for (const row of plan.rows) console.log(`    ${row["QUERY PLAN"]}`);
    };
    const lastYear = Number((await client.query(`SELECT max("year") AS y FROM "Report"`)).rows[0].y);
    const search = (url: string): URLSearchParams => new URL(url, "http://bench").searchParams;
    /** the first URL of a page type matching `test`, as its page parses it (the year is always in the bench URLs) */
    const pick = (kind: string, test: (p: URLSearchParams) => boolean): URLSearchParams | null =>
      (urls[kind] ?? []).map(search).find(test) ?? null;
    const national = pick("rankings", (p) => p.has("highlight") && !p.has("scope"));
    if (national) {
      const params = withDefaultPeerGroup(parseParams(rankingQuerySchema, national));
      const q = toRankingQuery(params, params.year ?? lastYear);
      const group = rankingGroup(q);
      const header = await client.query(
        `SELECT "id", "peers" FROM "RankingSnapshot" WHERE "key" = $1 AND "year" = $2 ORDER BY "id" DESC LIMIT 1`,
        [(await import("@/lib/db/ranking-store")).snapshotKey(group), q.year],
      );
      const peers = header.rows[0] ? Number(header.rows[0].peers) : 0;
      if (!header.rows[0]) console.log(`\n--- no stored ranking for ${national.toString()} (was the rankings page type run?)`);
      const refs = [{ group }, { group: previousRankingGroup(q) }] as const;
      await explain(
        `ranking page with highlight (${national.toString()}; ${peers} peers): snapshot, highlight, page, 较上年 in one statement`,
        rankingReadSql(q, ...refs),
      );
      const deep = Math.max(1, Math.ceil(peers / q.pageSize / 2));
      await explain(`the same ranking, page ${deep} (deep)`, rankingReadSql({ ...q, highlight: undefined, page: deep }, ...refs));
    }
    for (const test of [(p: URLSearchParams) => !p.has("sort"), (p: URLSearchParams) => p.get("sort") === "name"]) {
      const found = pick("compare-national", test);
      if (!found) continue;
      const q = toCompareQuery(parseParams(compareQuerySchema, found), Number(found.get("year") ?? lastYear));
      await explain(
        `compare page (${found.toString()}): snapshot, chart bars, table page in one statement`,
        compareReadSql(q, { group: compareGroup(q) }),
      );
    }
    // what a rebuild costs (once per group and data version), read-only part: the group's rows, ranked
    const group = compareGroup({ figure: "requestsReceived", year: lastYear, level: "县" });
    await explain("group rows of a national comparison (read once per data version when the snapshot is rebuilt)", group.rows);
    for (const word of COMMON_WORDS.slice(0, 2)) {
      const sql = searchSql(toSearchPlan(word), 1, 20);
      if (sql) await explain(`search for a common word (${word}), first page with the total`, sql);
    }
  } finally {
    await client.end();
  }
}

/** Database size per report: tables with their indexes and TOAST, and the widest columns of "Report". */
async function printSizes(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const reports = Number((await client.query(`SELECT count(*) AS n FROM "Report"`)).rows[0].n);
    const tables = await client.query(`
      SELECT c.relname AS "table", pg_relation_size(c.oid) AS heap,
             coalesce(pg_total_relation_size(c.reltoastrelid), 0) AS toast, pg_indexes_size(c.oid) AS indexes,
             pg_total_relation_size(c.oid) AS total
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC`);
    const kb = (b: unknown): string => `${(Number(b) / 1024).toFixed(2)} KB`;
    const mb = (b: unknown): string => `${(Number(b) / 1024 / 1024).toFixed(1)} MB`;
    console.log(`\ndatabase size (${reports} report rows):`);
    let sum = 0;
    for (const t of tables.rows) {
      sum += Number(t.total);
      if (Number(t.total) < 1024 * 1024) continue;
      console.log(
        `  ${String(t.table).padEnd(16)} total ${mb(t.total).padStart(10)}  heap ${mb(t.heap)}  toast ${mb(t.toast)}  indexes ${mb(t.indexes)}  = ${kb(Number(t.total) / reports)} per report`,
      );
    }
    console.log(`  all tables       total ${mb(sum).padStart(10)}  = ${kb(sum / reports)} per report`);
    const cols = await client.query(`
      SELECT avg(pg_column_size("document")) AS document, avg(pg_column_size("provenance")) AS provenance,
             avg(pg_column_size("findings")) AS findings, avg(pg_column_size("sourceText")) AS "sourceText",
             avg(coalesce(pg_column_size("sourceBytes"), 0)) AS "sourceBytes"
      FROM (SELECT * FROM "Report" TABLESAMPLE SYSTEM (1)) s`);
    console.log(
      `  stored (compressed) column size per report: ${Object.entries(cols.rows[0] as Record<string, unknown>)
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(", ")}`,
    );
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  if (!LOAD_ONLY && !existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  const name = REUSE ? new URL(REUSE).pathname.slice(1) : (NAME ?? `compare_bench_${Math.random().toString(36).slice(2, 10)}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = REUSE ?? url.toString();
  let server: ChildProcess | null = null;
  if (!REUSE) await admin(`CREATE DATABASE "${name}"`);
  try {
    let loaded: BenchData;
    if (REUSE) {
      // migrations added since the database was loaded (idempotent)
      const applied = await deployMigrations(await createAdapter({ databaseUrl }));
      if (applied.length > 0) console.log(`applied ${applied.join(", ")}`);
      await settle(databaseUrl);
      loaded = await readBenchData(databaseUrl);
      console.log(`reusing ${name}: ${loaded.agencyIds.length} agencies, ${loaded.reports} report rows`);
    } else {
      await deployMigrations(await createAdapter({ databaseUrl }));
      const loadStart = performance.now();
      loaded = await loadBenchReports({ databaseUrl, agencies: AGENCIES, years: YEARS });
      console.log(
        `loaded ${loaded.agencyIds.length} agencies, ${loaded.reports} report rows in ${((performance.now() - loadStart) / 1000).toFixed(1)} s (${name})`,
      );
    }
    if (LOAD_ONLY) return;
    server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
      // own process group: `next start` runs the server in a child process (next-server), so the group is killed
      detached: true,
    });
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(base, server);
    const urls = pageUrls(loaded);
    const { createDb } = await import("@/lib/db/client");
    const { warmSnapshots, formatWarmSummary } = await import("@/lib/db/snapshot-warm");
    const writer = await createDb({ databaseUrl });
    let round = 0;
    /** first passes after a small ingest: readers rebuilding (cold), then after a warm pass (warmed) */
    const afterIngestPasses = async (kind: string, list: string[]): Promise<void> => {
      const row = (label: string, pass: { value: number[]; dbCpuMs: number }): void => {
        const t = pass.value;
        console.log(
          `${`  ${label}`.padEnd(20)} ${String(t.length).padEnd(4)} ${fmt(percentile(t, 50)).padEnd(10)} ${fmt(percentile(t, 95)).padEnd(10)} ${fmt(t[t.length - 1]!).padEnd(10)} ${"".padEnd(10)} db cpu ${(pass.dbCpuMs / 1000).toFixed(1)} s for the pass; ${load()}`,
        );
      };
      const touched = await smallIngest(writer, loaded.lastYear, INGEST, round++);
      row(`after ingest, cold`, await measured(databaseUrl, () => timeRequests(base, list, list.length)));
      await smallIngest(writer, loaded.lastYear, INGEST, round++);
      const warmed = await measured(databaseUrl, () => warmSnapshots(writer));
      console.log(
        `  ${kind}: ingest of ${INGEST} reports (years ${touched.join(", ")}); ${formatWarmSummary(warmed.value)}, db cpu ${(warmed.dbCpuMs / 1000).toFixed(1)} s; ${load()}`,
      );
      row(`after ingest, warmed`, await measured(databaseUrl, () => timeRequests(base, list, list.length)));
    };
    console.log(
      `page type            n    p50        p95        max        db tx/req  cpu/req    (server time incl. render; one client, sequential)`,
    );
    for (const [kind, list] of Object.entries(urls)) {
      if (ONLY && !ONLY.includes(kind)) continue;
      // first pass over every URL: builds each stored ranking once (the cost after an ingest changed that year)
      const cold = await timeRequests(base, list, list.length);
      const [tx0, cpu0] = [await committedTransactions(databaseUrl), serverCpuMs(server)];
      const times = await timeRequests(base, list, REQUESTS);
      const [tx1, cpu1] = [await committedTransactions(databaseUrl), serverCpuMs(server)];
      const perRequest = (a: number | null, b: number | null): string =>
        a === null || b === null ? "—" : ((b - a) / times.length).toFixed(1);
      console.log(
        `${kind.padEnd(20)} ${String(times.length).padEnd(4)} ${fmt(percentile(times, 50)).padEnd(10)} ${fmt(percentile(times, 95)).padEnd(10)} ${fmt(times[times.length - 1]!).padEnd(10)} ${perRequest(tx0, tx1).padEnd(10)} ${`${perRequest(cpu0, cpu1)} ms`.padEnd(10)} ${load()}`,
      );
      console.log(
        `${"  first pass".padEnd(20)} ${String(cold.length).padEnd(4)} ${fmt(percentile(cold, 50)).padEnd(10)} ${fmt(percentile(cold, 95)).padEnd(10)} ${fmt(cold[cold.length - 1]!).padEnd(10)}`,
      );
      if (INGEST > 0) await afterIngestPasses(kind, list);
    }
    await writer.$disconnect();
    await explainPlans(databaseUrl, urls);
    await printSizes(databaseUrl);
  } finally {
    if (server) await stopServer(server);
    if (!KEEP && !REUSE && !LOAD_ONLY) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else console.log(`kept ${databaseUrl}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
