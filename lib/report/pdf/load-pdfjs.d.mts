/** Types of load-pdfjs.mjs (plain JavaScript so that the parse worker's tsx bootstrap can load it before tsx). */
export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
/** pdf.js's API module (and its fake-worker module), loaded once per thread, the engine's built-ins restored. */
export function loadPdfJs(): Promise<PdfJs>;
