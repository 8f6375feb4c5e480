// Source mode of a parse worker (dev, tests, CLI): register tsx in this thread, then load the TypeScript entry.
// `next start` uses the bundled build/workers/parse-worker.mjs instead (see worker-entry.ts).
import { workerData } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
await import(workerData.entry);
