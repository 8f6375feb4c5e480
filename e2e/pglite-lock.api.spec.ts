// The embedded database is one process's (issue 12, severe finding 3): a production server on a PGlite folder, then the
// bulk CLI and a second server on the same folder are refused at once with the holder's PID and what to do (exit 1),
// and after the server is killed (SIGKILL: its lock goes stale) the folder opens with every report.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const NEXT = path.join(ROOT, "node_modules/.bin/next");
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const SAMPLES = path.join(ROOT, "data/samples");
const RUN_TIMEOUT_MS = 180_000;

let tmp: string;
let folder: string;
let server: ChildProcess | null = null;

/**
 * The children's environment. Their parse limit is the command's own (`run`'s 180 s): the deploy parses the sample PDFs,
 * and on a loaded 2-core machine one took longer than the default limit (the test failed on a refused sample, not on
 * the lock). Parse limits have their own tests (hostile.api.spec.ts, lib/parse-pool); a passing run does not wait longer.
 */
function env(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...rest } = process.env;
  return {
    ...rest,
    PGLITE_DIR: folder,
    INGEST_TOKEN: "lock-test-token-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    PARSE_TIMEOUT_MS: String(RUN_TIMEOUT_MS),
  };
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, args, { cwd: ROOT, env: env(), encoding: "utf8", timeout: RUN_TIMEOUT_MS });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("server did not answer /api/health");
}

const isRunning = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

function exited(child: ChildProcess): Promise<number | null> {
  return !isRunning(child) ? Promise.resolve(child.exitCode) : new Promise((r) => child.once("exit", (code) => r(code)));
}

test.beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "e2e-pglite-lock-"));
  folder = path.join(tmp, "db");
});

test.afterAll(async () => {
  if (server && isRunning(server)) {
    server.kill("SIGKILL");
    await exited(server);
  }
  rmSync(tmp, { recursive: true, force: true });
});

test("a running server holds its PGlite folder: the bulk CLI and a second server are refused; the folder survives", async () => {
  test.setTimeout(420_000);
  const migrated = run(["scripts/db-migrate.ts", "deploy"]);
  expect(migrated.status, migrated.stderr).toBe(0);
  const samples = Number(/loaded samples: (\d+) new, 0 failed/.exec(migrated.stderr)?.[1]);
  expect(samples).toBeGreaterThan(0);

  server = spawn(NEXT, ["start", "-p", String(PORT)], { cwd: ROOT, env: env(), stdio: ["ignore", "ignore", "inherit"] });
  await waitForHealth(PORT, server);
  const holder = JSON.parse(readFileSync(`${folder}.lock`, "utf8")) as { pid: number };

  // the bulk CLI: refused at once, exit 1, the message names the holder and the ways out
  const cli = run(["scripts/ingest.ts", SAMPLES]);
  expect(cli.status).toBe(1);
  expect(cli.stderr).toContain(`in use by process ${holder.pid}`);
  expect(cli.stderr).toContain("/api/ingest");
  expect(cli.stderr).toContain("DATABASE_URL");
  expect(cli.stdout).not.toMatch(/new:/);

  // migrate, too
  const migrateAgain = run(["scripts/db-migrate.ts", "deploy"]);
  expect(migrateAgain.status).toBe(1);
  expect(migrateAgain.stderr).toContain(`in use by process ${holder.pid}`);

  // a second server on the same folder stops at start-up with the same message
  const second = spawn(NEXT, ["start", "-p", String(PORT + 1)], { cwd: ROOT, env: env(), stdio: ["ignore", "ignore", "pipe"] });
  let secondErr = "";
  second.stderr!.on("data", (d: Buffer) => (secondErr += d.toString()));
  expect(await exited(second)).not.toBe(0);
  expect(secondErr).toContain(`in use by process ${holder.pid}`);

  // the first server still answers with every report
  const list = await fetch(`http://127.0.0.1:${PORT}/api/v1/reports?pageSize=50`).then(
    (r) => r.json() as Promise<{ pagination: { total: number } }>,
  );
  expect(list.pagination.total).toBe(samples);

  // killed without a chance to clean up: the lock is stale now, and the next process takes it over
  server.kill("SIGKILL");
  await exited(server);
  expect(existsSync(`${folder}.lock`)).toBe(true);
  const after = run(["scripts/ingest.ts", SAMPLES]);
  expect(after.status, after.stderr).toBe(0);
  expect(after.stdout).toMatch(new RegExp(`unchanged:\\s+${samples}\\b`));
  expect(after.stdout).toMatch(/new:\s+0/);
  expect(existsSync(`${folder}.lock`)).toBe(false);
});
