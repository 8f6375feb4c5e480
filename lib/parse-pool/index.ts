/**
 * The parse worker pool: `getParsePool()` is the process-wide pool configured from the environment
 * (PARSE_WORKERS, PARSE_TIMEOUT_MS, PARSE_MEMORY_MB, PARSE_YOUNG_MB, PARSE_MAX_PAGES, PARSE_MAX_UNPACKED_BYTES); the bulk
 * CLI and its benchmark take `bulkParsePoolOptions` (a larger young generation). See pool.ts for the API.
 */
import { setFlagsFromString } from "node:v8";
import { getEnv } from "@/lib/env";
import { ParsePool } from "./pool";

export {
  ParsePool,
  PoolJobError,
  DEFAULT_MEMORY_MB,
  DEFAULT_TIMEOUT_MS,
  type ParsePoolOptions,
  type PoolStats,
  type PoolFailureCode,
} from "./pool";
export type { TaskName, TaskPayload, TaskValue } from "./tasks";

/** The pool options the environment names. */
export function parsePoolOptionsFromEnv(): ConstructorParameters<typeof ParsePool>[0] {
  const env = getEnv();
  return {
    workers: env.PARSE_WORKERS,
    timeoutMs: env.PARSE_TIMEOUT_MS,
    memoryMb: env.PARSE_MEMORY_MB,
    youngGenerationMb: env.PARSE_YOUNG_MB,
    limits: { maxPages: env.PARSE_MAX_PAGES, maxUnpackedBytes: env.PARSE_MAX_UNPACKED_BYTES },
  };
}

// on globalThis so dev-mode HMR never starts a second pool
const globalForPool = globalThis as unknown as { __ogiParsePool?: ParsePool };

/** The process-wide parse pool (created on first use). */
export function getParsePool(): ParsePool {
  globalForPool.__ogiParsePool ??= new ParsePool(parsePoolOptionsFromEnv());
  return globalForPool.__ogiParsePool;
}

/**
 * V8 young generation of a bulk run's workers (npm run ingest, bench:ingest) unless PARSE_YOUNG_MB says otherwise.
 * A PDF's parse leaves several MB of garbage (pdf.js's font conversion above all): with 64 MB, a worker scavenged
 * about once per PDF and ran a full collection every ~10 PDFs, and each full collection dropped the optimized code
 * of short-lived closures, which V8 then compiled again on its helper threads. With 256 MB, measured on the
 * bench's 120 PDFs in the steady pass: scavenges 141 → 49, full collections 9 → 3, TurboFan compilations 352 → 173,
 * and CPU per PDF 63 → 48 ms at one worker, 71 → 62 ms at two (load 16–18). It costs up to 192 MB more memory per
 * worker, which a bulk run on a machine of its own can spare; the server's pool keeps 64 MB beside the web server.
 */
export const BULK_YOUNG_GENERATION_MB = 256;

/**
 * Old-generation growth of a bulk run's process (V8 `--heap-growing-percent`): after a full collection the old
 * generation may grow by this share of what survived before the next one, instead of V8's own factor (small when,
 * as in a bulk run, little time goes to GC). A PDF leaves about 1.4 MB in the old generation that dies later (not
 * traced to its source; pdf.js's font conversion builds arrays larger than a young-generation page), so with V8's
 * factor a worker ran a full collection every 40–60 PDFs, and each one dropped the optimized code of pdf.js's and
 * Node's per-call closures, which V8 then compiled again on its helper threads (in steady state compilation is most
 * of those threads' time, not GC).
 * Measured on bench:ingest's 120 PDFs, one worker, passes 2–3, alternating runs (load 4.0–5.5): helper threads
 * 13.6–21.5 → 9.4–11.6 ms per PDF, all CPU 81–108 → 77–88 ms; traced, TurboFan compilations per pass 132–184 → 104–124.
 * It costs at most the old generation's live size again (about 90 MB per worker). V8 flags are process-wide and a
 * Worker's resourceLimits cannot set this one, so the bulk CLI and its benchmark set it for their whole process
 * before their pool starts; the server keeps V8's default.
 */
export const BULK_HEAP_GROWING_PERCENT = 100;

/** Give this process (and the workers it starts from now on) the bulk run's old-generation growth. */
export function applyBulkHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${BULK_HEAP_GROWING_PERCENT}`);
}

/** The environment's pool options (`env`) for a bulk run of `workers` workers (default: the environment's, or one per core). */
export function bulkParsePoolOptions(
  workers?: number | null,
  env: ConstructorParameters<typeof ParsePool>[0] = parsePoolOptionsFromEnv(),
): ConstructorParameters<typeof ParsePool>[0] {
  return {
    ...env,
    ...(workers ? { workers } : {}),
    youngGenerationMb: env?.youngGenerationMb ?? BULK_YOUNG_GENERATION_MB,
  };
}
