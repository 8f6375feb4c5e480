/**
 * Create (`create`) or drop (`drop`) the e2e database named by E2E_DATABASE_URL.
 * Run by the web server command before migrating, and by global teardown.
 */
import pg from "pg";
import { E2E_ADMIN_URL } from "./e2e-env";

/** Run one statement on the maintenance database. */
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: E2E_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseName(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set");
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^e2e_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch ${name}: e2e databases are named e2e_*`);
  return name;
}

/** Drop and re-create the e2e database. */
export async function createE2eDatabase(): Promise<void> {
  const name = databaseName();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
}

/** Drop the e2e database. */
export async function dropE2eDatabase(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${databaseName()}" WITH (FORCE)`);
}

if (process.argv[1]?.endsWith("e2e-db.ts")) {
  const action = process.argv[2] === "drop" ? dropE2eDatabase : createE2eDatabase;
  action().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
