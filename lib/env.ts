/**
 * Environment, validated once with zod. The ONLY module that reads `process.env`.
 * An empty string counts as unset (`DATABASE_URL=` in a .env file means "use the embedded database").
 */
import { z } from "zod";

const emptyAsUnset = (value: unknown): unknown => (value === "" ? undefined : value);

const envSchema = z.object({
  /** PostgreSQL connection string; unset → embedded PGlite under PGLITE_DIR */
  DATABASE_URL: z.preprocess(emptyAsUnset, z.string().url().optional()),
  /** data folder of the embedded PGlite database (one process per folder!) */
  PGLITE_DIR: z.preprocess(emptyAsUnset, z.string().default("./data/db")),
  /** bearer token for POST /api/ingest; unset → ingest is off (503), never open */
  INGEST_TOKEN: z.preprocess(
    emptyAsUnset,
    z.string().min(16, "INGEST_TOKEN must be at least 16 characters (e.g. openssl rand -hex 24); unset it to switch ingest off").optional(),
  ),
  /** HTTP port of `npm start` */
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(3000)),
  /** largest accepted ingest body in bytes (default 10 MB) */
  INGEST_MAX_BYTES: z.preprocess(
    emptyAsUnset,
    z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
  ),
  /** set by Next.js (`next start` = production): the parse pool then runs its bundled worker entry */
  NODE_ENV: z.preprocess(emptyAsUnset, z.string().optional()),
  /** parse worker threads (default: one per core) */
  PARSE_WORKERS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(64).optional()),
  /** wall-clock limit of one parse in ms; the worker is terminated when it passes (default 30 s) */
  PARSE_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).default(30_000)),
  /** V8 heap limit of each parse worker in MB (default 512) */
  PARSE_MEMORY_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(64).default(512)),
  PARSE_YOUNG_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(8).optional()),
  /** most pages a PDF may declare (default 200) */
  PARSE_MAX_PAGES: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(200)),
  /** most bytes a DOCX may unpack to (default 50 MB) */
  PARSE_MAX_UNPACKED_BYTES: z.preprocess(
    emptyAsUnset,
    z.coerce
      .number()
      .int()
      .positive()
      .default(50 * 1024 * 1024),
  ),
  /** maintenance connection the integration tests use to create and drop their own databases */
  TEST_PG_URL: z.preprocess(emptyAsUnset, z.string().url().default("postgresql://root@127.0.0.1:5432/postgres")),
});

export type Env = z.infer<typeof envSchema>;

/** Parse an environment-like record; throws a readable error naming the bad variables. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}

let cached: Env | null = null;

/** The process environment, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
