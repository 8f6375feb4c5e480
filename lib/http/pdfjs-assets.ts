/**
 * The files of pdfjs-dist the browser may fetch from /pdfjs/… (app/pdfjs/[...path]/route.ts): the worker, the Adobe
 * CMaps and the standard fonts. Everything else under node_modules answers 404.
 */
import path from "node:path";

const ROOT = path.join(process.cwd(), "node_modules", "pdfjs-dist");

/** URL of the worker script (GlobalWorkerOptions.workerSrc) and of the data folders (getDocument's cMapUrl, standardFontDataUrl). */
export const PDFJS_WORKER_URL = "/pdfjs/pdf.worker.min.mjs";
export const PDFJS_CMAP_URL = "/pdfjs/cmaps/";
export const PDFJS_STANDARD_FONT_URL = "/pdfjs/standard_fonts/";

/** The request path (after /pdfjs/) → the file under pdfjs-dist and its content type, or null when not served. */
export function toPdfjsFile(parts: string[]): { file: string; type: string } | null {
  const joined = parts.join("/");
  if (joined === "pdf.worker.min.mjs")
    return { file: path.join(ROOT, "build", "pdf.worker.min.mjs"), type: "text/javascript; charset=utf-8" };
  const m = /^(cmaps|standard_fonts)\/([A-Za-z0-9_-][A-Za-z0-9_.-]*)$/.exec(joined);
  if (!m) return null;
  return { file: path.join(ROOT, m[1]!, m[2]!), type: "application/octet-stream" };
}
