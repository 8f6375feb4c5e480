/**
 * One process per embedded database folder (PGlite 数据目录独占锁). PGlite is PostgreSQL compiled to WASM inside ONE
 * process: a second process that opens the same folder writes over the first one's pages and corrupts it (a bulk CLI
 * run against a folder the server held lost all 28 reports). So every process that opens a folder (the server, migrate,
 * the bulk CLI) first takes `<folder>.lock`, a file created with O_EXCL that names the holder:
 *   free                      → created, ours until the process exits
 *   held by a live process    → refused at once with `PgliteLockedError`, naming the holder and what to do
 *   held by a dead process    → stale (a killed server): taken over, under a short-lived takeover file so that two
 *                               processes finding the same stale lock cannot both take it
 * Liveness is `kill(pid, 0)` on this host; a lock written on another host is treated as held.
 */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type LockHolder = { pid: number; hostname: string; command: string; since: string };

/** The folder is held by another live process. `message` says who and what to do instead. */
export class PgliteLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly lockFile: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? `进程 ${holder.pid}（${holder.command}，${holder.hostname}，自 ${holder.since} 起）` : "另一个进程";
    const whoEn = holder ? `process ${holder.pid} (${holder.command} on ${holder.hostname}, since ${holder.since})` : "another process";
    super(
      [
        `嵌入式数据库目录 ${folder} 正被${who}使用：PGlite 只允许一个进程打开同一目录，同时打开会损坏数据。`,
        `The embedded database folder ${folder} is in use by ${whoEn}. PGlite allows ONE process per folder; a second one corrupts it.`,
        "What to do:",
        "  - to add reports while the server runs, POST them to /api/ingest (INGEST_TOKEN), or",
        "  - stop that process first (e.g. the server: npm start / next start), then run this command again, or",
        "  - use PostgreSQL (set DATABASE_URL) when several processes need the database at once.",
        `If you are sure no such process runs, delete ${lockFile}.`,
      ].join("\n"),
    );
    this.name = "PgliteLockedError";
  }
}

type Held = { file: string; count: number };
const held = new Map<string, Held>();
let exitHookInstalled = false;

function releaseAllSync(): void {
  for (const h of held.values()) removeIfOurs(h.file);
  held.clear();
}

function removeIfOurs(file: string): void {
  try {
    const holder = readHolder(file);
    if (holder && holder.pid === process.pid && holder.hostname === os.hostname()) unlinkSync(file);
  } catch {
    // already gone
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockHolder>;
    return typeof parsed.pid === "number" ? (parsed as LockHolder) : null;
  } catch {
    return null;
  }
}

/** True when `pid` names a running process on this host (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isLive(holder: LockHolder | null): boolean {
  if (!holder) return false;
  if (holder.hostname !== os.hostname()) return true;
  return isProcessAlive(holder.pid);
}

function describeCommand(): string {
  const args = process.argv.slice(1).map((a) => path.basename(a));
  return args.join(" ").slice(0, 120) || "node";
}

/** Creates the lock file with O_EXCL; false when it already exists. */
function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  const holder: LockHolder = { pid: process.pid, hostname: os.hostname(), command: describeCommand(), since: new Date().toISOString() };
  try {
    writeSync(fd, JSON.stringify(holder) + "\n");
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Replaces a stale lock, serialized through `<lock>.takeover` so only one process takes it over. */
function takeOverStale(file: string, stale: LockHolder | null): boolean {
  const takeover = `${file}.takeover`;
  try {
    // a takeover file left by a process killed mid-takeover is itself stale after a few seconds
    if (Date.now() - statSync(takeover).mtimeMs > 10_000) unlinkSync(takeover);
  } catch {
    // none
  }
  let fd: number;
  try {
    fd = openSync(takeover, "wx");
  } catch {
    return false;
  }
  closeSync(fd);
  try {
    const now = readHolder(file);
    const unchanged = JSON.stringify(now) === JSON.stringify(stale);
    if (!unchanged || isLive(now)) return false;
    try {
      unlinkSync(file);
    } catch {
      // removed meanwhile
    }
    return tryCreate(file);
  } finally {
    unlinkSync(takeover);
  }
}

/**
 * Takes the folder's lock for this process (re-entrant within it) or throws `PgliteLockedError`. Released when the
 * process exits, or by the returned function once every holder in this process has released it.
 */
export function lockPgliteFolder(folder: string): () => void {
  const resolved = path.resolve(folder);
  const file = `${resolved.replace(/[\\/]+$/, "")}.lock`;
  const mine = held.get(file);
  if (mine) {
    mine.count++;
    return once(() => release(file));
  }
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 30; attempt++) {
    if (tryCreate(file)) {
      held.set(file, { file, count: 1 });
      if (!exitHookInstalled) {
        process.on("exit", releaseAllSync);
        exitHookInstalled = true;
      }
      return once(() => release(file));
    }
    const holder = readHolder(file);
    if (!holder && isYoung(file)) {
      // created this instant by another process that has not written its name yet
      sleepSync(50);
      continue;
    }
    if (isLive(holder) && !(holder!.pid === process.pid && holder!.hostname === os.hostname())) {
      throw new PgliteLockedError(folder, file, holder);
    }
    // stale (dead holder, unreadable file, or our own pid from a previous life): take it over
    if (takeOverStale(file, holder)) {
      held.set(file, { file, count: 1 });
      if (!exitHookInstalled) {
        process.on("exit", releaseAllSync);
        exitHookInstalled = true;
      }
      return once(() => release(file));
    }
  }
  throw new PgliteLockedError(folder, file, readHolder(file));
}

function isYoung(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 2_000;
  } catch {
    return false;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function release(file: string): void {
  const h = held.get(file);
  if (!h) return;
  if (--h.count > 0) return;
  held.delete(file);
  removeIfOurs(file);
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
