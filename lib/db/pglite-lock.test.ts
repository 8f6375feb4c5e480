// The PGlite folder lock across real processes: a second process is refused at once naming the holder; a lock left by
// a killed process is taken over; of several processes racing for a stale lock exactly one wins.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockPgliteFolder, PgliteLockedError } from "./pglite-lock";

const LOCK_MODULE = path.join(import.meta.dirname, "pglite-lock.ts");
const TSX = path.join(process.cwd(), "node_modules/.bin/tsx");

/** A script that takes the lock on `folder`, prints "locked" or the refusal, holds it for `holdMs`, then exits. */
function probeScript(dir: string, folder: string, holdMs: number): string {
  const file = path.join(dir, `probe-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    file,
    `import { lockPgliteFolder } from ${JSON.stringify(LOCK_MODULE)};
try { lockPgliteFolder(${JSON.stringify(folder)}); console.log("locked " + process.pid); }
catch (e) { console.log("refused " + (e as Error).message.split("\\n")[1]); process.exit(3); }
await new Promise((r) => setTimeout(r, ${holdMs}));`,
  );
  return file;
}

let tmp: string;
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe("PGlite folder lock", { timeout: 60_000 }, () => {
  it("refuses a second process at once, naming this one, and frees the folder on release", () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
    const folder = path.join(tmp, "db");
    const release = lockPgliteFolder(folder);
    expect(JSON.parse(readFileSync(`${folder}.lock`, "utf8"))).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    const other = spawnSync(TSX, [probeScript(tmp, folder, 0)], { encoding: "utf8" });
    expect(other.status).toBe(3);
    expect(other.stdout).toContain(`in use by process ${process.pid}`);
    // re-entrant in this process
    const again = lockPgliteFolder(folder);
    again();
    expect(existsSync(`${folder}.lock`)).toBe(true);
    release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
    const after = spawnSync(TSX, [probeScript(tmp, folder, 0)], { encoding: "utf8" });
    expect(after.stdout).toMatch(/^locked \d+/);
  });

  it("takes over a lock whose holder was killed", () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
    const folder = path.join(tmp, "db");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout);
    writeFileSync(
      `${folder}.lock`,
      JSON.stringify({ pid: deadPid, hostname: os.hostname(), command: "next start", since: "2026-01-01T00:00:00Z" }),
    );
    const release = lockPgliteFolder(folder);
    expect(JSON.parse(readFileSync(`${folder}.lock`, "utf8")).pid).toBe(process.pid);
    release();
  });

  it("lets exactly one of several processes take over the same stale lock", async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
    const folder = path.join(tmp, "db");
    writeFileSync(
      `${folder}.lock`,
      JSON.stringify({ pid: 999_999_999, hostname: os.hostname(), command: "killed", since: "2026-01-01T00:00:00Z" }),
    );
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<string>((resolve) => {
          const child = spawn(TSX, [probeScript(tmp, folder, 3_000)], { stdio: ["ignore", "pipe", "inherit"] });
          let out = "";
          child.stdout.on("data", (d: Buffer) => (out += d.toString()));
          child.on("exit", () => resolve(out.trim()));
        }),
    );
    const outs = await Promise.all(runs);
    expect(outs.filter((o) => o.startsWith("locked"))).toHaveLength(1);
    expect(outs.filter((o) => o.startsWith("refused"))).toHaveLength(3);
  });

  it("names the holder and the three ways out in its message", () => {
    const err = new PgliteLockedError("./data/db", "/x/data/db.lock", { pid: 42, hostname: "h", command: "next start", since: "t" });
    expect(err.message).toContain("process 42 (next start on h, since t)");
    expect(err.message).toMatch(/\/api\/ingest/);
    expect(err.message).toMatch(/stop that process/);
    expect(err.message).toMatch(/DATABASE_URL/);
  });
});
