/**
 * The parse worker pool (解析工作线程池): every parse of untrusted bytes runs here, in a worker thread with a
 * wall-clock limit (the worker is terminated, which stops even a synchronous loop) and a V8 heap limit
 * (`resourceLimits`), so a hostile file costs one worker, never the process that asked.
 *
 *   const pool = new ParsePool({ workers: 2 });
 *   const result = await pool.parse({ bytes, mediaType: "application/pdf" });   // ParseResult, never rejects for bad input
 *   const value = await pool.run("parse", payload, { timeoutMs: 60_000 });      // any task in tasks.ts
 *   await pool.close();
 *
 * Jobs queue FIFO when every worker is busy; a job's clock starts when a ready worker takes it. A worker that timed out,
 * ran out of memory or died is replaced on demand. Idle workers do not keep the process alive (unref), so a CLI
 * exits when its work is done; call `close()` to stop them at once.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { getEnv } from "@/lib/env";
import type { ParseFailure, ParseResult, ReportInput } from "@/lib/report/types";
import type { ParseLimits } from "@/lib/report/limits";
import type { JobMessage, WorkerMessage } from "./protocol";
import type { ReportSource } from "@/lib/db/report-row";
import type { ParsedRow, TaskName, TaskPayload, TaskValue } from "./tasks";
import type { WorkerBoot } from "./protocol";
import { resolveWorkerEntry, type WorkerEntry } from "./worker-entry";

export type ParsePoolOptions = {
  /** worker threads (default: one per core, `os.availableParallelism()`) */
  workers?: number;
  /** wall-clock limit of one job in ms (default 30 s); the worker is terminated when it passes */
  timeoutMs?: number;
  /** V8 old-generation heap limit of each worker in MB (default 512) */
  memoryMb?: number;
  /** V8 young-generation size of each worker in MB (default: 64, at most an eighth of `memoryMb`) */
  youngGenerationMb?: number;
  /** declared-size limits handed to the parser (pages, unpacked size, depth, text length) */
  limits?: Partial<ParseLimits>;
  /** which worker entry to start: "bundle" (production) or "source" (tsx); default from NODE_ENV */
  mode?: "bundle" | "source";
  /**
   * load and compile pdf.js in each worker before it says ready: about 1.5 s of CPU and 40 MB of heap at start instead
   * of in the first PDF's job (its time limit, a bulk run's throughput). Default: when the heap limit leaves room for
   * it (`memoryMb` ≥ 128; the default is 512); false leaves it to the first PDF's job
   */
  preloadPdf?: boolean;
};

/** Why a job failed without an answer from its task. */
export type PoolFailureCode = "timeout" | "out-of-memory" | "worker-crashed";

/** A job that did not finish: the worker was stopped (timeout, memory) or died. The input's fault, not the server's. */
export class PoolJobError extends Error {
  constructor(
    readonly code: PoolFailureCode,
    message: string,
  ) {
    super(message);
    this.name = "PoolJobError";
  }
}

/** Options of one parse job. */
export type ParseJobOptions = {
  /** wall-clock limit of this job (default: the pool's) */
  timeoutMs?: number;
  limits?: Partial<ParseLimits>;
  /** read a scan with OCR inside the worker (give it the OCR time limit) */
  ocr?: boolean;
  /** OCR progress: pages done of pages */
  onProgress?: (done: number, total: number) => void;
};

type OcrProgress = { done: number; total: number };

export type PoolStats = { workers: number; busy: number; queued: number; completed: number; stopped: number };

type Job = {
  id: number;
  task: string;
  payload: unknown;
  timeoutMs: number;
  onProgress?: (progress: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
};

type Slot = { worker: Worker; ready: boolean; job: Job | null; timer?: ReturnType<typeof setTimeout>; osThreadId?: number };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MEMORY_MB = 512;
/**
 * The young generation of each worker (V8's default for a worker is smaller): a parse allocates a few MB that die
 * young; with room for a few documents' worth, fewer scavenges and fewer survivors promoted. Bulk text ingest measured
 * about 1 ms of CPU less per report (worker thread 2.1 → 1.6 ms, GC helper threads 1.5 → 1.2 ms). An eighth of the heap
 * limit at most (64 MB of the default 512).
 */
const YOUNG_GENERATION_MB = 64;

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10}`;

export class ParsePool {
  readonly size: number;
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly youngGenerationMb: number;
  readonly limits: Partial<ParseLimits>;
  readonly preloadPdf: boolean;
  readonly #mode: "bundle" | "source";
  #entry: WorkerEntry | null = null;
  readonly #slots = new Set<Slot>();
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;
  #completed = 0;
  #stopped = 0;
  #readyWaiters: { resolve: () => void; reject: (err: Error) => void }[] = [];

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? os.availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
    this.youngGenerationMb = options.youngGenerationMb ?? Math.min(YOUNG_GENERATION_MB, this.memoryMb / 8);
    this.limits = options.limits ?? {};
    this.preloadPdf = options.preloadPdf ?? this.memoryMb >= 128;
    this.#mode = options.mode ?? (getEnv().NODE_ENV === "production" ? "bundle" : "source");
  }

  /**
   * Parses untrusted input in a worker. Resolves to the parser's result, or to a `ParseFailure` with code `timeout`,
   * `out-of-memory` or `worker-crashed` when the worker had to be stopped. Rejects only when the pool is closed or
   * cannot start a worker at all (a deployment error, not the input's).
   */
  async parse(input: ReportInput, options: ParseJobOptions = {}): Promise<ParseResult> {
    return this.#parseJob("parse", { input }, options);
  }

  /**
   * `parse`, then the row to store, encoded in the worker (tasks.ts `parseRow`): for ingest, whose writing thread then
   * handles one JSON text instead of the parsed objects. Fails like `parse`.
   */
  async parseRow(input: ReportInput, source: Omit<ReportSource, "bytes">, options: ParseJobOptions = {}): Promise<ParsedRow> {
    return this.#parseJob("parseRow", { input, source }, options);
  }

  async #parseJob<K extends "parse" | "parseRow">(
    task: K,
    payload: Omit<TaskPayload<K>, "limits" | "ocr">,
    options: ParseJobOptions,
  ): Promise<TaskValue<K>> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const { onProgress } = options;
    const relay = onProgress ? (p: unknown) => onProgress((p as OcrProgress).done, (p as OcrProgress).total) : undefined;
    try {
      const full = { ...payload, limits: { ...this.limits, ...options.limits }, ocr: options.ocr, timeoutMs } as TaskPayload<K>;
      return await this.run(task, full, { timeoutMs, onProgress: relay });
    } catch (err) {
      if (err instanceof PoolJobError) {
        const failure = { ok: false, error: { code: err.code, message: err.message } } satisfies ParseFailure;
        return failure as TaskValue<K>;
      }
      throw err;
    }
  }

  /** Runs a task from tasks.ts in a worker. Rejects with `PoolJobError` when the worker was stopped or died. */
  run<K extends TaskName>(
    task: K,
    payload: TaskPayload<K>,
    options: { timeoutMs?: number; onProgress?: (progress: unknown) => void } = {},
  ): Promise<TaskValue<K>> {
    if (this.#closed) return Promise.reject(new Error("the parse pool is closed"));
    return new Promise<TaskValue<K>>((resolve, reject) => {
      const job: Job = {
        id: this.#nextId++,
        task,
        payload,
        timeoutMs: options.timeoutMs ?? this.timeoutMs,
        onProgress: options.onProgress,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      this.#queue.push(job);
      this.#dispatch();
    });
  }

  /** Starts every worker now (the server does at start-up), so the first upload does not wait for one to load. */
  warm(): void {
    while (!this.#closed && this.#slots.size < this.size) if (!this.#spawn()) return;
  }

  /** Starts every worker and resolves once all of them have loaded the parser (a bench starts its clock after this). */
  ready(): Promise<void> {
    this.warm();
    if (this.#allReady()) return Promise.resolve();
    if (this.#closed) return Promise.reject(new Error("the parse pool is closed"));
    return new Promise((resolve, reject) => this.#readyWaiters.push({ resolve, reject }));
  }

  #allReady(): boolean {
    return this.#slots.size >= this.size && [...this.#slots].every((s) => s.ready);
  }

  /**
   * The operating-system thread ids of the ready workers (Linux: entries of /proc/self/task; empty elsewhere), for
   * benchmarks that split this process's CPU time between the main thread, the parse workers and V8's helper threads.
   */
  osThreadIds(): number[] {
    return [...this.#slots].flatMap((s) => (s.ready && s.osThreadId !== undefined ? [s.osThreadId] : []));
  }

  stats(): PoolStats {
    const busy = [...this.#slots].filter((s) => s.job).length;
    return { workers: this.#slots.size, busy, queued: this.#queue.length, completed: this.#completed, stopped: this.#stopped };
  }

  /** Stops every worker; queued and running jobs reject. */
  async close(): Promise<void> {
    this.#closed = true;
    const err = new Error("the parse pool was closed");
    for (const job of this.#queue.splice(0)) job.reject(err);
    for (const waiter of this.#readyWaiters.splice(0)) waiter.reject(err);
    await Promise.all(
      [...this.#slots].map((slot) => {
        this.#slots.delete(slot);
        if (slot.timer) clearTimeout(slot.timer);
        slot.job?.reject(err);
        slot.job = null;
        return slot.worker.terminate();
      }),
    );
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const idle = [...this.#slots].find((s) => s.ready && !s.job);
      if (idle) {
        this.#start(idle, this.#queue.shift()!);
        continue;
      }
      const starting = [...this.#slots].filter((s) => !s.ready).length;
      // start another worker while the queue holds more jobs than the starting ones will take
      if (this.#slots.size < this.size && this.#queue.length > starting) {
        if (!this.#spawn()) return;
        continue;
      }
      return;
    }
  }

  #start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.#stop(
        slot,
        new PoolJobError(
          "timeout",
          `解析超时：超过 ${seconds(job.timeoutMs)} 秒，已中止 / parsing took longer than ${seconds(job.timeoutMs)} s and was stopped`,
        ),
      );
    }, job.timeoutMs);
    const message: JobMessage = { type: "job", id: job.id, task: job.task, payload: job.payload };
    slot.worker.postMessage(message);
  }

  /** Ends a slot's job with `err`, terminates its worker and lets the queue move on. */
  #stop(slot: Slot, err: Error): void {
    if (!this.#slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    this.#stopped++;
    void slot.worker.terminate();
    job?.reject(err);
    this.#dispatch();
  }

  #spawn(): boolean {
    let entry: WorkerEntry;
    try {
      this.#entry ??= resolveWorkerEntry(this.#mode);
      entry = this.#entry;
    } catch (err) {
      this.#failQueue(err as Error);
      return false;
    }
    const worker = new Worker(entry.file, {
      workerData: { ...entry.workerData, preloadPdf: this.preloadPdf } satisfies WorkerBoot,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: this.youngGenerationMb },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null };
    this.#slots.add(slot);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") {
        slot.ready = true;
        slot.osThreadId = message.osThreadId;
        worker.unref();
        if (this.#allReady()) for (const waiter of this.#readyWaiters.splice(0)) waiter.resolve();
        this.#dispatch();
        return;
      }
      if (message.type === "progress") {
        if (slot.job?.id === message.id) slot.job.onProgress?.(message.progress);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = null;
      worker.unref();
      this.#completed++;
      if (message.ok) job.resolve(message.value);
      else job.reject(new Error(`parse-pool task "${job.task}" failed: ${message.error}`));
      this.#dispatch();
    });
    worker.on("error", (err: Error & { code?: string }) => {
      if (!slot.ready) {
        this.#startFailed(slot, err.message);
        return;
      }
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
        this.#stop(
          slot,
          new PoolJobError(
            "out-of-memory",
            `解析所需内存超过上限 ${this.memoryMb} MB，已中止 / parsing needed more than ${this.memoryMb} MB and was stopped`,
          ),
        );
      } else {
        this.#stop(slot, new PoolJobError("worker-crashed", `解析线程异常退出，已中止 / the parse worker died: ${err.message}`));
      }
    });
    worker.on("exit", () => {
      if (!slot.ready) {
        this.#startFailed(slot, "exited");
        return;
      }
      this.#stop(slot, new PoolJobError("worker-crashed", "解析线程异常退出，已中止 / the parse worker exited unexpectedly"));
    });
    return true;
  }

  /** A worker that dies before it is ready cannot start at all: a deployment error. Fail the queue, do not respawn. */
  #startFailed(slot: Slot, reason: string): void {
    if (!this.#slots.delete(slot)) return;
    void slot.worker.terminate();
    this.#failQueue(new Error(`a parse worker failed to start: ${reason}`));
  }

  #failQueue(err: Error): void {
    for (const job of this.#queue.splice(0)) job.reject(err);
    for (const waiter of this.#readyWaiters.splice(0)) waiter.reject(err);
  }
}
