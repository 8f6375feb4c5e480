// Two `next start` instances on ONE PostgreSQL database (their own, not the shared e2e one), as behind a load balancer:
// - two different versions of the same report ingested through both at once → one consistent result read from both
//   (versions 1 and 2, exactly one latest, the same latest report on both);
// - caching: an unchanged page or API answer carries an ETag; a revalidation is answered 304 WITHOUT a database query
//   (shown by answering it while every table is locked: a request that needs the database waits), and an ingest through
//   one instance changes the other instance's ETag (LISTEN/NOTIFY), so no instance serves a stale validator.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_ADMIN_URL, E2E_INGEST_TOKEN } from "./e2e-env";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const AUTH = { authorization: `Bearer ${E2E_INGEST_TOKEN}`, "content-type": "text/plain; charset=utf-8" };
const SAMPLE = readFileSync(path.join(process.cwd(), "lib/report/fixtures/seeds", "000_a0650e73d90a4fd5.txt"));

const dbName = `e2e_instances_${Math.random().toString(36).slice(2, 10)}`;
const dbUrl = (() => {
  const u = new URL(E2E_ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const servers: ChildProcess[] = [];
const bases = [`http://127.0.0.1:${BASE_PORT}`, `http://127.0.0.1:${BASE_PORT + 1}`];

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: E2E_ADMIN_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env: { ...process.env, DATABASE_URL: dbUrl }, stdio: ["ignore", "ignore", "inherit"] });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

async function waitFor(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base} did not start`);
}

/** Poll until the instance knows a data version (its listener connected) and answers with an ETag. */
async function etagOf(url: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const res = await fetch(url);
    await res.arrayBuffer();
    const etag = res.headers.get("etag");
    if (res.ok && etag) return etag;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered with an ETag`);
}

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await admin(`CREATE DATABASE "${dbName}"`);
  await run("node_modules/.bin/tsx", ["scripts/db-migrate.ts", "deploy", "--no-samples"]);
  for (const [i, base] of bases.entries()) {
    const server = spawn("node_modules/.bin/next", ["start", "-p", String(BASE_PORT + i)], {
      env: { ...process.env, DATABASE_URL: dbUrl, INGEST_TOKEN: E2E_INGEST_TOKEN, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true, // own process group: next start runs next-server as a child
    });
    servers.push(server);
    await waitFor(base);
  }
});

test.afterAll(async () => {
  for (const s of servers) {
    try {
      process.kill(-s.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

test("two versions of one report ingested through two instances at once: one consistent result on both", async () => {
  const versionA = SAMPLE;
  const versionB = Buffer.concat([SAMPLE, Buffer.from("\n（本报告第二版：更正排版）\n")]);
  const answers = await Promise.all([
    fetch(`${bases[0]}/api/ingest`, { method: "POST", headers: AUTH, body: versionA }),
    fetch(`${bases[1]}/api/ingest`, { method: "POST", headers: AUTH, body: versionB }),
  ]);
  const bodies = await Promise.all(
    answers.map((r) => r.json() as Promise<{ report: { id: number; version: number }; agency: { id: number } }>),
  );
  expect(answers.map((r) => r.status).sort()).toEqual([201, 201]);
  expect(bodies[0]!.agency.id).toBe(bodies[1]!.agency.id);
  expect(bodies.map((b) => b.report.version).sort()).toEqual([1, 2]);
  const agencyId = bodies[0]!.agency.id;
  const newest = bodies.find((b) => b.report.version === 2)!.report.id;

  for (const base of bases) {
    const list = await (await fetch(`${base}/api/v1/reports?agency=${agencyId}&latest=0`)).json();
    expect(list.items.map((r: { version: number }) => r.version).sort()).toEqual([1, 2]);
    expect(list.items.filter((r: { isLatest: boolean }) => r.isLatest).map((r: { id: number }) => r.id)).toEqual([newest]);
    const latest = await (await fetch(`${base}/api/v1/reports?agency=${agencyId}`)).json();
    expect(latest.items.map((r: { id: number }) => r.id)).toEqual([newest]);
  }
});

test("an unchanged page is revalidated with no database query; an ingest through the other instance invalidates it", async () => {
  const page = `${bases[0]}/rankings?figure=requestsReceived`;
  const api = `${bases[0]}/api/v1/rankings?figure=requestsReceived`;
  const etag = await etagOf(page);
  expect(await etagOf(api)).toBe(etag);
  const first = await fetch(page);
  expect(first.headers.get("cache-control")).toContain("public");

  // every table locked: a request that needs the database waits, a revalidation does not
  const locker = new pg.Client({ connectionString: dbUrl });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    const tables = await locker.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    await locker.query(`LOCK TABLE ${tables.rows.map((t) => `"${t.tablename}"`).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    for (const url of [page, api]) {
      const revalidated = await fetch(url, { headers: { "if-none-match": etag }, signal: AbortSignal.timeout(5000) });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get("etag")).toBe(etag);
    }
    // the control: without the validator the page needs the database and does not answer while it is locked
    await expect(fetch(`${bases[0]}/rankings?figure=penalty`, { signal: AbortSignal.timeout(1500) })).rejects.toThrow();
  } finally {
    await locker.query("ROLLBACK");
    await locker.end();
  }

  // a new report through the OTHER instance: instance 0's validator changes (notified at commit)
  const other = Buffer.concat([SAMPLE, Buffer.from("\n（第三版）\n")]);
  expect((await fetch(`${bases[1]}/api/ingest`, { method: "POST", headers: AUTH, body: other })).status).toBe(201);
  let status = 304;
  for (let i = 0; i < 30 && status === 304; i++) {
    const res = await fetch(page, { headers: { "if-none-match": etag } });
    await res.arrayBuffer();
    status = res.status;
    if (status === 304) await new Promise((r) => setTimeout(r, 100));
  }
  expect(status).toBe(200);
  expect(await etagOf(page)).not.toBe(etag);
});
