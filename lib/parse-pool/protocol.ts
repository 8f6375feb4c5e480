/**
 * Messages between the parse pool (main thread) and its workers. Plain structured-clone data only.
 */

/** main → worker: run one task */
export type JobMessage = { type: "job"; id: number; task: string; payload: unknown };

/** worker → main */
export type WorkerMessage =
  /**
   * the worker has loaded its task modules and takes jobs; `osThreadId`: its thread's id in the operating system (Linux:
   * its entry under /proc/self/task), so a bench can read its CPU time apart from the main thread's and V8's helpers'
   */
  | { type: "ready"; osThreadId?: number }
  /** a running task's progress, passed to the caller's `onProgress` */
  | { type: "progress"; id: number; progress: unknown }
  /** a task finished: its value, or the message of what it threw (a bug in the task, never a hostile file's fault) */
  | { type: "done"; id: number; ok: true; value: unknown }
  | { type: "done"; id: number; ok: false; error: string };

/** What the pool hands every worker at start (Worker `workerData`). */
export type WorkerBoot = {
  /** module URL of the worker entry, imported by the tsx bootstrap (source mode) */
  entry?: string;
  /** load and compile pdf.js before saying ready (ParsePoolOptions.preloadPdf) */
  preloadPdf?: boolean;
};
