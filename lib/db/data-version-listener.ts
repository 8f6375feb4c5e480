/**
 * The store's data version (DataVersion scope "all"), known in this process without a query per request: one
 * dedicated PostgreSQL connection LISTENs on "ogi_data_version" (the write triggers NOTIFY at commit with the new
 * version) and reads the version once when it connects. Every app instance on the database keeps its own copy, so an
 * ingest through any instance (or the bulk CLI) is seen by all of them within a round trip.
 * Unknown (null) until connected and while disconnected (then reconnects every second): callers must not answer from
 * a validator they cannot check. PostgreSQL only: with embedded PGlite there is no listener and no version.
 */
import pg from "pg";

type ListenerState = { url: string; version: string | null; client: pg.Client | null; started: boolean };

const CHANNEL = "ogi_data_version";
const RECONNECT_MS = 1000;

// on globalThis: the proxy and the route bundles of one process share one listener
const g = globalThis as unknown as { __ogiDataVersion?: ListenerState };

async function connect(state: ListenerState): Promise<void> {
  const client = new pg.Client({ connectionString: state.url, application_name: "ogi-data-version-listener" });
  const retry = (): void => {
    if (state.client !== client) return;
    state.client = null;
    state.version = null;
    client.removeAllListeners();
    client.end().catch(() => {});
    setTimeout(() => void connect(state).catch(() => {}), RECONNECT_MS).unref();
  };
  client.on("error", retry);
  client.on("end", retry);
  client.on("notification", (msg) => {
    if (msg.channel === CHANNEL && msg.payload && state.client === client) state.version = msg.payload;
  });
  state.client = client;
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // after LISTEN: a write committed from here on is notified, one committed before is in this read
    const { rows } = await client.query(`SELECT coalesce(max("version"), 0)::text AS v FROM "DataVersion" WHERE "scope" = 'all'`);
    // a notification may already have moved it further while the read ran
    if (state.client === client && (state.version === null || BigInt(rows[0].v) > BigInt(state.version))) state.version = rows[0].v;
  } catch {
    retry();
  }
}

/** Start listening (once per process) on the database at `url`. */
export function startDataVersionListener(url: string): void {
  if (g.__ogiDataVersion?.started) return;
  const state: ListenerState = { url, version: null, client: null, started: true };
  g.__ogiDataVersion = state;
  void connect(state);
}

/** The data version this process knows, or null when it cannot vouch for one (not connected yet, or disconnected). */
export function knownDataVersion(): string | null {
  return g.__ogiDataVersion?.version ?? null;
}
