// Loads pdf.js (pdfjs-dist's legacy build, which runs on Node 20) and gives the engine its own built-ins back.
// Plain JavaScript, not TypeScript, so that lib/parse-pool/tsx-bootstrap.mjs can load pdf.js through it before it
// registers tsx (see there). Types: load-pdfjs.d.mts.

/**
 * Built-ins that pdf.js's legacy build replaces with core-js polyfills when it loads: JSON.parse and JSON.stringify
 * (for JSON.rawJSON and the source-text access proposal), Array.prototype.push (for a spec corner of a non-writable
 * length) and Function.prototype.toString. They are slower than the engine's and pdf.js needs none of them: measured
 * in a worker, JSON.stringify of a report's provenance took 10× as long and the text parser about 40% longer; a plain
 * loop of pushes takes 6× as long. Captured when this module loads, which must be before anything loads pdf.js.
 */
const ENGINE_BUILT_INS = [
  [JSON, "parse"],
  [JSON, "stringify"],
  [Array.prototype, "push"],
  [Function.prototype, "toString"],
].map(([owner, name]) => ({ owner, name, descriptor: Object.getOwnPropertyDescriptor(owner, name) }));

/** Put the engine's built-ins back (once pdf.js has loaded: loadPdfJs is the one place that loads it). */
function restoreEngineBuiltIns() {
  for (const { owner, name, descriptor } of ENGINE_BUILT_INS) Object.defineProperty(owner, name, descriptor);
}

let loading = null;

/**
 * pdf.js's API module, loaded once per thread, with its fake-worker module (pdf.js imports it on the first
 * getDocument in Node; loading it here puts its cost and its polyfills in the same place), and the engine's
 * built-ins restored.
 */
export function loadPdfJs() {
  loading ??= (async () => {
    try {
      const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
      await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      return pdfjs;
    } finally {
      restoreEngineBuiltIns();
    }
  })();
  return loading;
}
