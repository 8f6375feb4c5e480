/**
 * Start-up of the web server (called from instrumentation.ts): parse the environment, open the database, start the parse
 * workers.
 * On failure: the reason on stderr, exit code 1. No stack trace: the message says what is wrong and what to do.
 */
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getParsePool } from "@/lib/parse-pool";

export async function checkServerStartup(): Promise<void> {
  try {
    getEnv();
    const db = await getDb();
    await db.$queryRawUnsafe("SELECT 1");
    getParsePool().warm();
  } catch (err) {
    console.error(`[startup] the server cannot start:\n${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
