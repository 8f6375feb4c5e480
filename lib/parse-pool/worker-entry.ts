/**
 * Which file a parse worker thread starts from.
 *   production (`next start`, NODE_ENV=production): build/workers/parse-worker.mjs, bundled by `npm run build`
 *     (scripts/build-workers.ts). Next.js does not bundle worker_threads entries usefully, so the pool does not ask it to.
 *   everywhere else (next dev, vitest, the tsx CLI scripts): the TypeScript source through a tsx bootstrap.
 * Paths are taken from the working directory (the project root for every npm script and for `next start`),
 * never from this module's own URL, which points into .next/ once Next has bundled it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { WorkerBoot } from "./protocol";

export const WORKER_BUNDLE = "build/workers/parse-worker.mjs";
const WORKER_SOURCE = "lib/parse-pool/parse-worker.ts";
const TSX_BOOTSTRAP = "lib/parse-pool/tsx-bootstrap.mjs";

export type WorkerEntry = { file: string; workerData: WorkerBoot };

/** The worker entry for this process; `mode` defaults to bundle in production, source otherwise. */
export function resolveWorkerEntry(mode: "bundle" | "source", root: string = process.cwd()): WorkerEntry {
  if (mode === "bundle") {
    const file = path.join(/* turbopackIgnore: true */ root, WORKER_BUNDLE);
    if (!existsSync(file)) {
      throw new Error(
        `parse worker bundle ${file} is missing: run \`npm run build\` (it runs scripts/build-workers.ts) before \`next start\``,
      );
    }
    return { file, workerData: {} };
  }
  const source = path.join(/* turbopackIgnore: true */ root, WORKER_SOURCE);
  return { file: path.join(/* turbopackIgnore: true */ root, TSX_BOOTSTRAP), workerData: { entry: pathToFileURL(source).href } };
}
