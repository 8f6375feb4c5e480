/**
 * Runs once when the Next.js server starts (before it takes requests): the checks that must stop a misconfigured server
 * at start-up with a message, instead of answering 500 on every request later.
 *   - the environment parses (e.g. an INGEST_TOKEN that is too short)
 *   - the database opens: for the embedded PGlite this takes the folder's lock, so a server started on a folder that
 *     another process holds (the bulk CLI, a second server) exits at once naming the holder
 */
export async function register(): Promise<void> {
  // Next.js's documented runtime switch; the Edge runtime has neither a database nor a file system
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkServerStartup } = await import("@/lib/server-startup");
  await checkServerStartup();
}
