/**
 * CPU time of this process by thread, read from /proc/self/task (Linux; benchmarks only). A bulk ingest's CPU is spent
 * in three places: the main thread (reading files, the database client, the pool), the parse workers, and the threads
 * nobody started by name: V8's platform helpers (concurrent and parallel GC, concurrent JIT compilation) and libuv's
 * pool. `process.cpuUsage()` sums them; this splits them, so a change can show which part it moved.
 */
import { readdirSync, readFileSync } from "node:fs";

/** CPU milliseconds (user + system) per thread id of this process; empty where /proc cannot be read. */
export function readThreadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return out;
  }
  const msPerTick = 1000 / 100; // USER_HZ is 100 on Linux
  for (const tid of tids) {
    try {
      // fields after "(comm) ": state is [0]; utime and stime are fields 14 and 15 of the line, [11] and [12] here
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * msPerTick);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

export type ThreadCpuSplit = { main: number; workers: number; other: number };

/**
 * CPU milliseconds spent between two readings by the main thread (its id is the process id), by the threads in
 * `workerIds`, and by every other thread (a thread that started in between counts from 0; one that ended is lost).
 */
export function splitThreadCpu(
  before: Map<number, number>,
  after: Map<number, number>,
  workerIds: readonly number[],
  mainId: number = process.pid,
): ThreadCpuSplit {
  const split: ThreadCpuSplit = { main: 0, workers: 0, other: 0 };
  const workers = new Set(workerIds);
  for (const [tid, ms] of after) {
    const spent = ms - (before.get(tid) ?? 0);
    if (tid === mainId) split.main += spent;
    else if (workers.has(tid)) split.workers += spent;
    else split.other += spent;
  }
  return split;
}
