/**
 * Shared e2e settings. playwright.config.ts picks ONE throwaway PostgreSQL database per run and puts its URL in
 * E2E_DATABASE_URL (workers inherit it); the web server is started on it with INGEST_TOKEN = E2E_INGEST_TOKEN.
 * Data: the `setup` project (e2e/seed.setup.ts) posts data/samples/* to /api/ingest, and UI specs depend on it.
 */
import { randomBytes } from "node:crypto";

/** Bearer token the e2e web server accepts. */
export const E2E_INGEST_TOKEN = "e2e-ingest-token-0123456789";

/** Maintenance connection used to create / drop the e2e database. */
export const E2E_ADMIN_URL = process.env.TEST_PG_URL || "postgresql://root@127.0.0.1:5432/postgres";

/** The run's database URL (chosen once in the runner process, inherited by workers). */
export function getE2eDatabaseUrl(): string {
  if (!process.env.E2E_DATABASE_URL) {
    const url = new URL(E2E_ADMIN_URL);
    url.pathname = `/e2e_ogi_${randomBytes(4).toString("hex")}`;
    process.env.E2E_DATABASE_URL = url.toString();
  }
  return process.env.E2E_DATABASE_URL;
}
