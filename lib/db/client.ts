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
    return new PrismaPg({ connectionString: target.databaseUrl });
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  if (!target.pgliteDir) return new PrismaPGlite(await PGlite.create());
  // before PGlite touches a file: a second process must never open the folder (released when this process exits)
  const release = lockPgliteFolder(target.pgliteDir);
  try {
    return new PrismaPGlite(await PGlite.create(target.pgliteDir));
  } catch (err) {
    release();
    throw err;
  }
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
