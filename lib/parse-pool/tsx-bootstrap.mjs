// Source mode of a parse worker (dev, tests, CLI): register tsx in this thread, then load the TypeScript entry.
// `next start` uses the bundled build/workers/parse-worker.mjs instead (see worker-entry.ts).
//
// pdf.js is loaded first, before tsx is registered: through tsx's loader its 2 MB of JavaScript took 2.8 s to load
// and held about 90 MB more heap in every worker (16 → 104 MB after loading both of its modules), which every
// full garbage collection then walks. Loaded here, the modules are cached under the same URLs, so the parser's own
// loadPdfJs() finds them. A worker that will not read PDFs (preloadPdf: false) skips it.
import { workerData } from "node:worker_threads";

if (workerData.preloadPdf !== false) {
  const { loadPdfJs } = await import("../report/pdf/load-pdfjs.mjs");
  await loadPdfJs();
}
const { register } = await import("tsx/esm/api");
register();
await import(workerData.entry);
