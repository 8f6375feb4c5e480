/**
 * The time limit of one OCR recognition job, adapted to how fast this machine reads right now (自适应识别时限). A fixed
 * limit refuses on a loaded machine the scan a quiet one reads, so the configured limit (OCR_PAGE_TIMEOUT_MS) is a
 * floor that stretches with two measures: the measured recognition time per image byte of the jobs before (a moving
 * average, times a safety factor, times this job's size), and the run queue (load average per core). The stretch is
 * capped (MAX_STRETCH × the configured limit), and the document's own limit (OCR_DOCUMENT_TIMEOUT_MS) still bounds the
 * whole scan, so a job that hangs is still stopped.
 */
import { availableParallelism, loadavg } from "node:os";

/** The most a limit stretches: this many times the configured limit. */
export const MAX_STRETCH = 4;
/** A job may take this many times what the measured rate predicts for its size before it is stopped. */
const SAFETY = 3;
/** Weight of the newest measurement in the moving average. */
const WEIGHT = 0.3;

/** Load average (1 min) per core: > 1 when more threads want a core than there are cores. */
export function loadPerCore(): number {
  return loadavg()[0]! / Math.max(1, availableParallelism());
}

export class JobTimer {
  private msPerByte: number | null = null;

  constructor(private readonly load: () => number = loadPerCore) {}

  /** The limit for a job of `bytes` whose configured limit is `baseMs`: never below it, at most MAX_STRETCH times it. */
  limitFor(baseMs: number, bytes: number): number {
    const byLoad = baseMs * Math.max(1, this.load() || 0);
    const byRate = this.msPerByte === null ? 0 : SAFETY * this.msPerByte * Math.max(0, bytes);
    return Math.round(Math.min(baseMs * MAX_STRETCH, Math.max(baseMs, byLoad, byRate)));
  }

  /**
   * Records how long a job of `bytes` took from when a worker started it (a job stopped at its limit is recorded with
   * the limit: a lower bound, so the jobs after it get longer).
   */
  record(elapsedMs: number, bytes: number): void {
    if (!(bytes > 0) || !(elapsedMs >= 0)) return;
    const rate = elapsedMs / bytes;
    this.msPerByte = this.msPerByte === null ? rate : this.msPerByte + WEIGHT * (rate - this.msPerByte);
  }

  /** The measured rate (ms per image byte), null before the first job. */
  get rate(): number | null {
    return this.msPerByte;
  }
}
