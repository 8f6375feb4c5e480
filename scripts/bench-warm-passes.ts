/**
 * Repeated warm passes on a loaded store (issue 13): each round a small ingest (new versions of --reports N latest
 * reports, one per year in turn from the last, spread over the year's reports, 申请量 + 1,000, as bench-pages' --ingest
 * writes them), then the warm pass the ingest route runs (lib/db/snapshot-warm), printing its wall and database CPU time
 * and, after it, the database size and RankingEntry's size with its live and dead rows: what the warm pass costs per
 * ingest and whether the stored orderings keep growing.
 *
 *   npm run bench:warm -- --reuse postgresql://root@127.0.0.1:5432/<name>_50k [--passes 3] [--reports 7] [--ask] [--rebuild-all]
 *
 * --back K starts each round's ingest K years before the last (--back 6: the first of seven years, which every later
 * year's coverage depends on). --ask first asks for the groups a reader of the pages would (their snapshots built, so the warm passes keep them):
 * per year the national 申请量 ranking and comparison and the 不予公开率 ranking, and the latest year's 申请量 ranking of
 * every province. A store bench-pages' readers already built needs none. Then one warm pass settles the store (a store
 * loaded before the change log has no snapshot it can patch) before the measured rounds.
 *
 * --rebuild-all forgets every snapshot's digest before each pass, so every stale group is ranked and written again (the
 * cost before snapshots were carried forward). The store's snapshots are the ones its readers built (run bench-pages
 * on it first); the small ingests use reports from offset 700 on, away from bench-pages' own.
 */
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { createDb } from "@/lib/db/client";
import { compareGroup } from "@/lib/db/compare";
import { ensureSnapshot } from "@/lib/db/ranking-store";
import { rankingGroup } from "@/lib/db/rankings";
import { formatWarmSummary, warmSnapshots } from "@/lib/db/snapshot-warm";
import { listRegions } from "@/lib/regions/gazetteer";
import type { CanonicalReport } from "@/lib/report/types";
import { loadDocuments } from "@/lib/testing/seed-documents";
import { backendCpuSince, readBackendCpu } from "@/lib/testing/postgres-cpu";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const URL_ = option("reuse", "");
const PASSES = Number(option("passes", "3"));
const REPORTS = Number(option("reports", "7"));
const ASK = process.argv.includes("--ask");
/** --back K: the ingests start K years before the last (6: the first of seven, whose coverage every later year depends on) */
const BACK = Number(option("back", "0"));
const REBUILD_ALL = process.argv.includes("--rebuild-all");
const FIRST_OFFSET = 700;

const load = (): string =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} on ${cpus().length} cores`;
const mb = (v: unknown): string => `${(Number(v) / 1024 / 1024).toFixed(0)} MB`;

/** The database and RankingEntry sizes as one line. */
async function sizes(client: pg.Client): Promise<string> {
  const { rows } = await client.query(`
    SELECT pg_database_size(current_database()) AS "db", pg_total_relation_size('"RankingEntry"') AS "entry",
           (SELECT count(*) FROM "RankingEntry") AS "live",
           (SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'RankingEntry') AS "dead",
           (SELECT count(*) FROM "RankingSnapshot") AS "snapshots", (SELECT count(*) FROM "Report") AS "reports"`);
  const r = rows[0] as Record<string, string>;
  const perReport = (Number(r.db) / 1024 / Number(r.reports)).toFixed(2);
  return `database ${mb(r.db)} (${perReport} KB per report), RankingEntry ${mb(r.entry)} (${r.live} live, ${r.dead} dead rows), ${r.snapshots} snapshots`;
}

/** New versions of REPORTS latest reports, one per year in turn (the last seven years), spread over the year, 申请量 + 1,000. */
async function smallIngest(db: Awaited<ReturnType<typeof createDb>>, client: pg.Client, round: number): Promise<void> {
  const last = Number((await client.query(`SELECT max("year") AS "last" FROM "Report"`)).rows[0]?.last);
  const docs: CanonicalReport[] = [];
  for (let i = 0; i < REPORTS; i++) {
    const { rows } = await client.query(
      `SELECT "document" FROM "Report" WHERE "year" = $1 AND "isLatest" ORDER BY "id" OFFSET $2 LIMIT 1`,
      [last - ((BACK + i) % 7), FIRST_OFFSET + (((round * REPORTS + i) * 397) % 40_000)],
    );
    if (!rows[0]) continue;
    const doc = structuredClone(rows[0].document as CanonicalReport);
    doc.requests.newReceived[6] = (doc.requests.newReceived[6] ?? 0) + 1000;
    docs.push(doc);
  }
  await loadDocuments(db, docs);
}

async function main(): Promise<void> {
  if (!URL_) throw new Error("--reuse <database url> is required");
  const db = await createDb({ databaseUrl: URL_ });
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  try {
    console.log(`before: ${await sizes(client)}; ${load()}`);
    if (ASK) {
      const t0 = performance.now();
      const last = Number((await client.query(`SELECT max("year") AS "last" FROM "Report"`)).rows[0]?.last);
      const groups = [];
      for (let year = last - 6; year <= last; year++) {
        groups.push(rankingGroup({ figure: "requestsReceived", year, include: false, order: "desc" }));
        groups.push(compareGroup({ figure: "requestsReceived", year }));
        groups.push(rankingGroup({ figure: "notHeldRate", year, include: false, order: "desc" }));
      }
      for (const p of listRegions().filter((r) => r.level === 1)) {
        groups.push(rankingGroup({ figure: "requestsReceived", year: last, include: false, order: "desc", scope: p.code }));
      }
      for (const g of groups) await ensureSnapshot(db, g);
      console.log(`asked ${groups.length} groups in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${load()}`);
    }
    const settle = await warmSnapshots(db);
    console.log(`settling pass: ${formatWarmSummary(settle)}; ${load()}`);
    for (let pass = 0; pass < PASSES; pass++) {
      await smallIngest(db, client, pass);
      if (REBUILD_ALL) await client.query(`UPDATE "RankingSnapshot" SET "digest" = NULL`);
      const cpu0 = await readBackendCpu(URL_);
      const start = performance.now();
      const phases = new Map<string, number>();
      const summary = await warmSnapshots(db, {
        log: (line) => {
          // "<warmed|carried> <key> (<rows> rows) in <ms> ms", "coverage … in <ms> ms", "vacuumed RankingEntry in <ms> ms"
          const ms = Number(/in (\d+) ms$/.exec(line)?.[1] ?? 0);
          const phase = line.startsWith("coverage") ? "coverage+region sums" : line.split(" ")[0]!;
          phases.set(phase, (phases.get(phase) ?? 0) + ms);
        },
      });
      const wall = performance.now() - start;
      const cpu = backendCpuSince(cpu0, await readBackendCpu(URL_));
      console.log(
        `pass ${pass + 1} after ${REPORTS} reports: ${formatWarmSummary(summary)}; wall ${(wall / 1000).toFixed(1)} s, ` +
          `db cpu ${(cpu / 1000).toFixed(1)} s; ${load()}`,
      );
      console.log(`  wall by phase: ${[...phases].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(", ")}`);
      console.log(`  after: ${await sizes(client)}`);
    }
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
