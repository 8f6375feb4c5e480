/**
 * The OCR worker pool (识别线程池): tesseract.js workers (each a Node worker thread running the
 * tesseract.js-core WebAssembly build) with the Simplified Chinese model of @tesseract.js-data/chi_sim.
 * Everything is read from node_modules: the worker script (tesseract.js/src/worker-script/node), the core
 * (required by that script from tesseract.js-core), and the model (an explicit local langPath, gzip on).
 * The model is never cached to disk (cacheMethod "none", cachePath a temp folder), and no URL is ever
 * given to tesseract.js, so nothing reaches the network.
 *
 * One worker per core by default (`OCR_WORKERS`); a page that runs past its time limit has its worker
 * terminated (a fresh one replaces it) and is answered with an OcrTimeoutError. The limit is the configured one
 * stretched (at most 4×) to the measured recognition speed and the load (job-timer.ts), so a loaded machine does not
 * refuse a scan a quiet one reads.
 */
import { availableParallelism, tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Worker as TesseractWorker } from "tesseract.js";
import { JobTimer } from "./job-timer";

/** One recognised word, in the coordinates of the image given to `recognize`. */
export type OcrWord = {
  text: string;
  /** 0–100 */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** per character: text and confidence */
  symbols: { text: string; confidence: number }[];
};

export class OcrTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`OCR of one page took longer than ${ms} ms`);
    this.name = "OcrTimeoutError";
  }
}

/**
 * Node's own require, from the project root: inside the Next.js server bundle `createRequire(import.meta.url)`'s
 * resolve() is rewritten to return bundler module ids, not paths; process.getBuiltinModule is left alone.
 */
function nodeRequire(): NodeJS.Require {
  const mod = (process as unknown as { getBuiltinModule?: (id: string) => typeof import("node:module") }).getBuiltinModule?.("module");
  return (mod?.createRequire ?? createRequire)(join(process.cwd(), "package.json"));
}

/** The models: chi_sim reads the page; eng gives numbers their second reading (it reads Latin digits better). */
export type OcrLang = "chi_sim" | "eng";

/** Where the model and the worker script live: resolved inside node_modules, never a URL. */
export function ocrAssetPaths(lang: OcrLang = "chi_sim"): { langPath: string; workerPath: string; corePath: string } {
  const require = nodeRequire();
  const dataDir = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  const tessDir = dirname(require.resolve("tesseract.js/package.json"));
  const coreDir = dirname(require.resolve("tesseract.js-core/package.json"));
  return {
    // 4.0.0_best_int: the LSTM model (integer weights of tessdata_best), the one tesseract.js uses for LSTM_ONLY
    langPath: join(dataDir, "4.0.0_best_int"),
    workerPath: join(tessDir, "src", "worker-script", "node", "index.js"),
    corePath: coreDir,
  };
}

type Job = {
  image: Uint8Array;
  timeoutMs: number;
  /** Tesseract parameters for this job only (set before, restored after) */
  params?: Record<string, string>;
  resolve: (words: OcrWord[]) => void;
  reject: (err: unknown) => void;
};

type Slot = { worker: Promise<TesseractWorker>; busy: boolean };

/** Default pool size: OCR_WORKERS, else one per core. */
export function defaultOcrWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number.parseInt(env.OCR_WORKERS ?? "", 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 64) : Math.max(1, availableParallelism());
}

/** Parameters every worker starts with (one text line per mosaic line: a uniform block of text, PSM 6). */
const DEFAULT_PARAMS: Record<string, string> = {
  tessedit_pageseg_mode: "6",
  preserve_interword_spaces: "1",
  user_defined_dpi: "200",
  tessedit_char_whitelist: "",
};

async function spawn(lang: OcrLang): Promise<TesseractWorker> {
  const { createWorker, OEM, PSM } = await import("tesseract.js");
  const { langPath, workerPath, corePath } = ocrAssetPaths(lang);
  const worker = await createWorker(lang, OEM.LSTM_ONLY, {
    langPath,
    workerPath,
    corePath,
    gzip: true,
    cachePath: tmpdir(),
    cacheMethod: "none",
    workerBlobURL: false,
    errorHandler: () => undefined,
  });
  // one text line per mosaic line: a uniform block of text
  await worker.setParameters({ ...DEFAULT_PARAMS, tessedit_pageseg_mode: PSM.SINGLE_BLOCK });
  return worker;
}

export class OcrPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** adapts each job's time limit to the measured recognition speed and the load */
  private readonly timer = new JobTimer();

  constructor(
    readonly size = defaultOcrWorkers(),
    /** terminate the workers after this long without work (they hold the model in memory) */
    private readonly idleMs = 60_000,
    readonly lang: OcrLang = "chi_sim",
  ) {}

  /** Recognises one image (PNG/JPEG/PGM bytes) as a block of text lines. */
  recognize(image: Uint8Array, timeoutMs: number, params?: Record<string, string>): Promise<OcrWord[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ image, timeoutMs, params, resolve, reject });
      this.pump();
    });
  }

  /** Number of jobs waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) {
        slot = { worker: spawn(this.lang), busy: false };
        this.slots.push(slot);
      }
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.busy = true;
      void this.run(slot, job);
    }
    if (this.slots.every((s) => !s.busy)) {
      this.idleTimer = setTimeout(() => void this.terminate(), this.idleMs);
      this.idleTimer.unref?.();
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    let limit = job.timeoutMs;
    let started = 0;
    try {
      const worker = await slot.worker;
      // the configured limit stretched to the machine's measured speed and load (job-timer.ts)
      limit = this.timer.limitFor(job.timeoutMs, job.image.length);
      started = performance.now();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          this.timer.record(limit, job.image.length);
          reject(new OcrTimeoutError(limit));
        }, limit);
      });
      if (job.params) await worker.setParameters(job.params);
      const result = await Promise.race([worker.recognize(Buffer.from(job.image), {}, { blocks: true, text: false }), timeout]);
      this.timer.record(performance.now() - started, job.image.length);
      if (job.params) await worker.setParameters(Object.fromEntries(Object.keys(job.params).map((k) => [k, DEFAULT_PARAMS[k] ?? ""])));
      const words: OcrWord[] = [];
      for (const block of result.data.blocks ?? []) {
        for (const para of block.paragraphs) {
          for (const line of para.lines) {
            for (const w of line.words) {
              words.push({
                text: w.text,
                confidence: w.confidence,
                bbox: { ...w.bbox },
                symbols: w.symbols.map((s) => ({ text: s.text, confidence: s.confidence })),
              });
            }
          }
        }
      }
      job.resolve(words);
    } catch (err) {
      job.reject(err);
      // a worker that timed out (or failed) is replaced: its thread may still be busy
      if (timedOut || !(err instanceof OcrTimeoutError)) {
        const dead = slot.worker;
        slot.worker = spawn(this.lang);
        void dead.then((w) => w.terminate()).catch(() => undefined);
      }
    } finally {
      clearTimeout(timer);
      slot.busy = false;
      this.pump();
    }
  }

  /** Stops every worker (the CLI calls this before exiting; the pool starts them again on demand). */
  async terminate(): Promise<void> {
    clearTimeout(this.idleTimer);
    const slots = this.slots.filter((s) => !s.busy);
    this.slots = this.slots.filter((s) => s.busy);
    await Promise.all(slots.map((s) => s.worker.then((w) => w.terminate()).catch(() => undefined)));
  }
}

let shared: OcrPool | null = null;
let digits: OcrPool | null = null;

/** The process-wide pool (chi_sim). */
export function getOcrPool(): OcrPool {
  shared ??= new OcrPool();
  return shared;
}

/** The process-wide pool for the second reading of numbers (eng). */
export function getDigitPool(): OcrPool {
  digits ??= new OcrPool(defaultOcrWorkers(), 60_000, "eng");
  return digits;
}

/** Stops the process-wide pools' workers (for CLIs and tests). */
export async function shutdownOcrPool(): Promise<void> {
  await Promise.all([shared?.terminate(), digits?.terminate()]);
}
