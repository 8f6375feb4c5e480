/**
 * npm run bench:pages – server render time of /compare and /rankings at scale.
 *
 * 1. Creates a fresh PostgreSQL database (compare_bench_<random>), applies the migrations.
 * 2. Loads 3,000 county-level agencies (every county 人民政府 in the gazetteer, topped up with county 公安局) × 7 years
 *    (2019–2025) of generated, internally consistent reports (lib/testing/synth), with the figure columns from
 *    lib/figures via toFigureColumns (as ingest stores them); 3 % of reports also get an older version and
 *    3 % fail their identity checks. Rows are inserted directly in batches (ingest's per-report transactions are slower).
 * 3. Starts the production server (`next start`, needs `npm run build` first) on its own port, requests compare and
 *    ranking pages (national, province and prefecture scopes; several figures and years; highlight; picked agencies),
 *    and prints p50 / p95 / max per page type. Kills the server by PID and drops the database.
 *
 * Options: --agencies 3000 --years 7 --requests 200 --port 3472 --admin-url postgresql://root@127.0.0.1:5432/postgres --keep
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { createAdapter } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/schema-engine";
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

function pageUrls(provinces: string[], prefectures: string[], agencyIds: number[], lastYear: number): Record<string, string[]> {
  const years = Array.from({ length: YEARS }, (_, i) => lastYear - i);
  const figures = ["requestsReceived", "notHeldRate", "disclosureRate", "penalty", "reviewCorrectionRate"];
  const pick = <T,>(list: T[], i: number): T => list[(i * 7919) % list.length]!;
  const rank: string[] = [];
  const compare: string[] = [];
  for (let i = 0; i < 40; i++) {
    const figure = pick(figures, i);
    const year = pick(years, i);
    rank.push(`/rankings?figure=${figure}&year=${year}&level=县`); // national: ~3,000 peers
    rank.push(`/rankings?figure=${figure}&year=${year}&level=县&kind=人民政府&scope=${pick(provinces, i)}&include=1`);
    rank.push(`/rankings?figure=${figure}&year=${year}&level=县&highlight=${pick(agencyIds, i)}`);
    compare.push(`/compare?figure=${figure}&year=${year}&level=县`); // national: every county in the chart
    compare.push(`/compare?figure=${figure}&year=${year}&level=县&scope=${pick(prefectures, i)}&agencies=${[0, 1, 2, 3, 4].map((k) => pick(agencyIds, i + k)).join(",")}`);
    compare.push(`/compare?figure=${figure}&year=${year}&scope=${pick(provinces, i)}&sort=name&dir=asc&page=2`);
  }
  return { "rankings": rank, "compare": compare };
}

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  const name = `compare_bench_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let server: ChildProcess | null = null;
  await admin(`CREATE DATABASE "${name}"`);
  try {
    await deployMigrations(await createAdapter({ databaseUrl }));
    const loadStart = performance.now();
    const loaded = await loadBenchReports({ databaseUrl, agencies: AGENCIES, years: YEARS });
    console.log(`loaded ${loaded.agencyIds.length} agencies, ${loaded.reports} report rows in ${((performance.now() - loadStart) / 1000).toFixed(1)} s (${name})`);
    server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
      // own process group: `next start` runs the server in a child process (next-server), so the group is killed
      detached: true,
    });
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(base, server);
    const urls = pageUrls(loaded.provinces, loaded.prefectures, loaded.agencyIds, loaded.lastYear);
    for (const [kind, list] of Object.entries(urls)) {
      await timeRequests(base, list, 20); // warm up
      const times = await timeRequests(base, list, REQUESTS);
      const f = (ms: number): string => `${ms.toFixed(1)} ms`;
      console.log(`${kind.padEnd(9)} n=${times.length}  p50 ${f(percentile(times, 50))}  p95 ${f(percentile(times, 95))}  max ${f(times[times.length - 1]!)}`);
      // the figures only mean something on a quiet machine: say how busy it was
      console.log(`          load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${cpus().length} cores`);
    }
  } finally {
    if (server) await stopServer(server);
    if (!KEEP) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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
