/**
 * The parse worker pool: `getParsePool()` is the process-wide pool configured from the environment
 * (PARSE_WORKERS, PARSE_TIMEOUT_MS, PARSE_MEMORY_MB, PARSE_MAX_PAGES, PARSE_MAX_UNPACKED_BYTES); scripts that want
 * their own size (the bulk CLI's --workers) construct `new ParsePool({...})`. See pool.ts for the API.
 */
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
