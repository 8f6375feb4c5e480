/**
 * Entry of a parse worker thread: loads the task modules, says "ready", then runs one job at a time.
 * Bundled to build/workers/parse-worker.mjs for `next start` (scripts/build-workers.ts), run from source through
 * tsx everywhere else (dev, tests, CLI). Never opens the database: workers only parse.
 */
import { readlinkSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { JobMessage, WorkerBoot, WorkerMessage } from "./protocol";
import { TASKS, warmUp } from "./tasks";
import { installSyncInflate } from "@/lib/report/pdf/sync-inflate";

const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs as a worker thread of lib/parse-pool, not on its own");

// pdf.js's Flate streams inflated on this thread, not through web streams and libuv's thread pool (see sync-inflate.ts)
installSyncInflate();

const send = (message: WorkerMessage): void => port.postMessage(message);

port.on("message", (job: JobMessage) => {
  const task = (TASKS as Record<string, (payload: unknown, report: (progress: unknown) => void) => Promise<unknown>>)[job.task];
  const report = (progress: unknown): void => send({ type: "progress", id: job.id, progress });
  const work = task ? task(job.payload, report) : Promise.reject(new Error(`unknown parse-pool task "${job.task}"`));
  work.then(
    (value) => send({ type: "done", id: job.id, ok: true, value }),
    (err: unknown) => send({ type: "done", id: job.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});

/** This thread's id in the operating system: Linux names it in /proc/thread-self ("<pid>/task/<tid>"); undefined elsewhere. */
function osThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

await warmUp({ pdf: (workerData as WorkerBoot | null)?.preloadPdf ?? true });
send({ type: "ready", osThreadId: osThreadId() });
