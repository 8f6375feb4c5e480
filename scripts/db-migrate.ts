/**
 * The project's migrate command (replaces `prisma migrate`, whose native engine cannot be downloaded here).
 *   tsx scripts/db-migrate.ts [deploy]      apply prisma/migrations, load regions, load data/samples into an empty store
 *   tsx scripts/db-migrate.ts deploy --no-seed      migrations only
 *   tsx scripts/db-migrate.ts deploy --no-samples   migrations and regions, no sample reports (e2e)
 *   tsx scripts/db-migrate.ts diff NAME     write prisma/migrations/<timestamp>_NAME/migration.sql from schema.prisma
 *   tsx scripts/db-migrate.ts diff --check  exit 1 when schema.prisma and the migrations disagree
 * Target: DATABASE_URL (PostgreSQL) or else the PGlite folder PGLITE_DIR (default ./data/db). Run it BEFORE the server.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createAdapter, createDb, getDbTarget } from "@/lib/db/client";
import { PgliteLockedError } from "@/lib/db/pglite-lock";
import { deployMigrations, diffMigrations, MIGRATIONS_DIR } from "@/lib/db/schema-engine";

const EMPTY_MIGRATION = "-- This is an empty migration.";

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function diff(args: string[]): Promise<number> {
  const sql = (await diffMigrations()).trim();
  const isEmpty = sql === "" || sql === EMPTY_MIGRATION;
  if (args.includes("--check")) {
    if (isEmpty) return 0;
    console.error("schema.prisma differs from prisma/migrations; run `npm run db:diff -- NAME`:\n" + sql);
    return 1;
  }
  if (isEmpty) {
    console.log("schema.prisma and prisma/migrations agree: nothing to do.");
    return 0;
  }
  const name = (args.find((a) => !a.startsWith("-")) ?? "change").replace(/[^a-z0-9_]+/gi, "_");
  const dir = path.join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${dir}/migration.sql`);
  return 0;
}

async function deploy(args: string[]): Promise<number> {
  const target = getDbTarget();
  const where = "databaseUrl" in target ? "PostgreSQL" : `PGlite ${target.pgliteDir}`;
  const adapter = await createAdapter(target);
  const applied = await deployMigrations(adapter);
  console.error(`[db] ${where}: ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);
  if (args.includes("--no-seed")) return 0;
  const { seedDatabase } = await import("@/lib/ingest/seed-database");
  const db = await createDb(target, adapter);
  const seeded = await seedDatabase(db, { withSamples: !args.includes("--no-samples"), log: (m) => console.error(`[db] ${m}`) });
  await db.$disconnect();
  return seeded.failed > 0 ? 1 : 0;
}

const [command = "deploy", ...rest] = process.argv.slice(2);
const run = command === "diff" ? diff : command === "deploy" ? deploy : null;
if (!run) {
  console.error(`unknown command ${command}; use deploy or diff`);
  process.exit(2);
}
// exit explicitly: open PGlite handles would keep node alive for seconds
run(rest).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // a locked database folder: the message says who holds it and what to do, a stack trace would only hide that
    console.error(err instanceof PgliteLockedError ? err.message : err);
    process.exit(1);
  },
);
