/**
 * The Prisma client singleton. DATABASE_URL set → PostgreSQL through @prisma/adapter-pg;
 * unset → embedded, file-backed PGlite at PGLITE_DIR (default ./data/db) through pglite-prisma-adapter.
 * The schema is applied beforehand (`npm run db:migrate`, also run by `npm start`): PGlite allows ONE process per folder,
 * so opening a folder takes its lock first (pglite-lock.ts) and a second process is refused with `PgliteLockedError`.
 * No `server-only` here: the CLI scripts and vitest import this module too.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { lockPgliteFolder } from "@/lib/db/pglite-lock";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/** Where a database lives: a PostgreSQL URL, a PGlite folder, or in-memory PGlite (`pgliteDir: null`). */
export type DbTarget = { databaseUrl: string } | { pgliteDir: string | null };

/** The target the environment names. */
export function getDbTarget(): DbTarget {
  const env = getEnv();
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR };
}

/**
 * The driver adapter for a target. Share ONE adapter between the schema engine and the client in a process:
 * for PGlite it owns the open data folder.
 */
export async function createAdapter(target: DbTarget): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if ("databaseUrl" in target) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // no JIT compilation: the pages' statements are short index lookups whose cost estimates can still pass
    // jit_above_cost, and compiling them (≈ 50 ms) costs far more than it saves
    return new PrismaPg({ connectionString: target.databaseUrl, options: "-c jit=off" });
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const extensions = await loadPgliteExtensions();
  if (!target.pgliteDir) return createPgliteAdapter(await PGlite.create({ extensions }));
  // before PGlite touches a file: a second process must never open the folder (released when this process exits)
  const release = lockPgliteFolder(target.pgliteDir);
  try {
    return await createPgliteAdapter(await PGlite.create(target.pgliteDir, { extensions }));
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * The Prisma adapter over an open PGlite. Its shadow database (used by `diff`) is a PGlite WITH the extensions too:
 * the adapter's own shadow has none, and the pg_trgm migration would fail in it.
 */
export async function createPgliteAdapter(pg: import("@electric-sql/pglite").PGlite): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const factory = new PrismaPGlite(pg);
  factory.connectToShadowDb = async () => new PrismaPGlite(await PGlite.create({ extensions: await loadPgliteExtensions() })).connect();
  return factory;
}

/** The contrib extensions the migrations create (pg_trgm for search), which PGlite must be given when it opens. */
export async function loadPgliteExtensions() {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}

/** A new client for a target (tests and scripts); the app uses `getDb()`. */
export async function createDb(target: DbTarget, adapter?: SqlMigrationAwareDriverAdapterFactory): Promise<Db> {
  return new PrismaClient({ adapter: adapter ?? (await createAdapter(target)) });
}

// cached on globalThis so dev-mode HMR never opens the PGlite folder twice
const globalForDb = globalThis as unknown as { __ogiDb?: Promise<Db> };

/** The process-wide client for the environment's database. */
export function getDb(): Promise<Db> {
  globalForDb.__ogiDb ??= createDb(getDbTarget());
  return globalForDb.__ogiDb;
}
