/**
 * Prisma's schema engine without the native binary: @prisma/schema-engine-wasm driven through a driver adapter.
 * `diffMigrations` writes what `prisma migrate dev --create-only` would; `deployMigrations` is `prisma migrate deploy`
 * (same `_prisma_migrations` table), so a user with the normal Prisma toolchain can take over.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

/** Repository paths the engine reads. */
export const SCHEMA_PATH = "prisma/schema.prisma";
export const MIGRATIONS_DIR = "prisma/migrations";

const FILTERS = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let enginePromise: Promise<EngineModule> | null = null;

/** The package entry imports the .wasm as an ES module, which node cannot; instantiate it by hand once. */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bg;
  })();
  return enginePromise;
}

/** The migrations folder in the engine's format, read from `root` (the repository). */
export function readMigrationsList(root = process.cwd()): MigrationList {
  const dir = path.join(root, MIGRATIONS_DIR);
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lock = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  } as MigrationList;
}

async function openEngine(adapter: SqlMigrationAwareDriverAdapterFactory, root: string): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const content = readFileSync(path.join(root, SCHEMA_PATH), "utf8");
  const log = (m: string): void => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(m);
  };
  return SchemaEngine.new({ datamodels: [[SCHEMA_PATH, content]] }, log, bindMigrationAwareSqlAdapterFactory(adapter));
}

type Disposable = { dispose(): Promise<void> };

/**
 * adapter-pg opens a new pool per `connect()` and the engine never closes it, so its session-level migration
 * advisory lock would outlive the deploy (a second deploy then waits 10 s). Track those pools and close them.
 * (PGlite's adapter shares the one open database with the client: left alone.)
 */
function trackConnections(adapter: SqlMigrationAwareDriverAdapterFactory): {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
} {
  if (adapter.adapterName !== "@prisma/adapter-pg") return { adapter, close: async () => {} };
  const opened: Disposable[] = [];
  const tracked = Object.create(adapter) as SqlMigrationAwareDriverAdapterFactory;
  tracked.connect = async () => {
    const conn = await adapter.connect();
    opened.push(conn);
    wholeScripts(conn);
    return conn;
  };
  return { adapter: tracked, close: async () => void (await Promise.all(opened.map((c) => c.dispose()))) };
}

/**
 * adapter-pg's executeScript splits a migration at every ";" (so a plpgsql function body breaks); the native engine
 * sends the script whole. Do the same: one simple-protocol query runs the whole script (as one implicit transaction).
 */
function wholeScripts(conn: object): void {
  const pool = (conn as { client?: { query(sql: string): Promise<unknown> } }).client;
  if (!pool || typeof pool.query !== "function") return;
  (conn as { executeScript(script: string): Promise<void> }).executeScript = async (script: string) => {
    await pool.query(script);
  };
}

/** Apply every migration not yet recorded in `_prisma_migrations`; returns the names applied now. */
export async function deployMigrations(adapter: SqlMigrationAwareDriverAdapterFactory, root = process.cwd()): Promise<string[]> {
  const tracked = trackConnections(adapter);
  const engine = await openEngine(tracked.adapter, root);
  try {
    const res = await engine.applyMigrations({ migrationsList: readMigrationsList(root), filters: FILTERS });
    return res.appliedMigrationNames;
  } finally {
    engine.free();
    await tracked.close();
  }
}

/** SQL that takes the migrations folder to schema.prisma (in-memory PGlite shadow database). "-- This is an empty migration." when in sync. */
export async function diffMigrations(root = process.cwd()): Promise<string> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { createPgliteAdapter, loadPgliteExtensions } = await import("@/lib/db/client");
  const shadow = new PGlite({ extensions: await loadPgliteExtensions() });
  const engine = await openEngine(await createPgliteAdapter(shadow), root);
  const content = readFileSync(path.join(root, SCHEMA_PATH), "utf8");
  const res = await engine.diff({
    from: { tag: "migrations", ...readMigrationsList(root) },
    to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content }] },
    script: true,
    exitCode: null,
    filters: FILTERS,
  } as Parameters<SchemaEngine["diff"]>[0]);
  engine.free();
  await shadow.close();
  return res.stdout ?? "";
}
