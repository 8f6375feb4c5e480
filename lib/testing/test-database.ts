/**
 * The one test-database helper: disposable databases for integration tests (and the ingest benchmark): a fresh PostgreSQL database on the
 * server at TEST_PG_URL (default postgresql://root@127.0.0.1:5432/postgres), or an in-memory PGlite.
 * Migrations are applied with the same engine as `npm run db:migrate`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createAdapter, createDb, type Db, type DbTarget } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/schema-engine";
import { parseEnv } from "@/lib/env";

export type BackendName = "postgres" | "pglite";

export type TestDatabase = {
  backend: BackendName;
  db: Db;
  target: DbTarget;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** the PostgreSQL database's URL (null for PGlite), e.g. for DATABASE_URL when code under test opens its own client */
  url: string | null;
  /** disconnect and drop the database */
  drop(): Promise<void>;
};

/**
 * The maintenance connection used to create and drop test databases. Read without `getEnv()`, whose cache would pin
 * DATABASE_URL before a test points it at the database it just created.
 */
export const ADMIN_PG_URL = parseEnv(process.env).TEST_PG_URL;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Create `<prefix>_<random>` on the PostgreSQL server; returns its URL. */
export async function createPostgresDatabase(prefix: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  await admin(`CREATE DATABASE "${name}"`);
  return { url: withDatabase(ADMIN_PG_URL, name), name, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A migrated, empty database on the given backend. */
export async function createTestDatabase(backend: BackendName, prefix = "test_foundation"): Promise<TestDatabase> {
  if (backend === "postgres") {
    const created = await createPostgresDatabase(prefix);
    const target = { databaseUrl: created.url };
    const adapter = await createAdapter(target);
    await deployMigrations(adapter);
    const db = await createDb(target, adapter);
    return {
      backend,
      db,
      target,
      adapter,
      url: created.url,
      drop: async () => {
        await db.$disconnect();
        await created.drop();
      },
    };
  }
  const target = { pgliteDir: null };
  const adapter = await createAdapter(target);
  await deployMigrations(adapter);
  const db = await createDb(target, adapter);
  return { backend, db, target, adapter, url: null, drop: () => db.$disconnect() };
}
