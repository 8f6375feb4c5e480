/**
 * Reads the positioned text items (文字层) of a PDF with pdfjs-dist. Pure: bytes in, items out,
 * no fs, no worker thread (pdfjs runs its "fake worker" in-process), no font loading.
 */
import { limitMessages } from "../limits";
import type { ParseFailureCode } from "../types";

/** One text run as pdfjs reports it, in PDF points with the origin at the page's top-left. */
export type PdfTextItem = {
  /** 1-based page number */
  page: number;
  str: string;
  x0: number;
  x1: number;
  /** top and bottom of the run's em box (top-left origin, y grows downwards) */
  top: number;
  bottom: number;
  /** baseline (top-left origin) */
  baseline: number;
  fontSize: number;
  /** written top-to-bottom (vertical writing mode) */
  vertical: boolean;
};

export type PdfPageSize = { width: number; height: number };

export type PdfItems = { pages: PdfPageSize[]; items: PdfTextItem[] };

/** A failure of reading the PDF itself, carried up to `ParseFailure`. */
export class PdfReadError extends Error {
  constructor(
    readonly code: Extract<ParseFailureCode, "pdf-encrypted" | "pdf-damaged" | "timeout" | "too-many-pages">,
    message: string,
  ) {
    super(message);
    this.name = "PdfReadError";
  }
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsPromise: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

/** True when the bytes end with a PDF trailer (`%%EOF` within the last 2 KiB): a cheap truncation check. */
export function hasPdfTrailer(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048));
  const eof = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
  outer: for (let i = tail.length - eof.length; i >= 0; i--) {
    for (let j = 0; j < eof.length; j++) if (tail[i + j] !== eof[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Every non-blank text item of every page. Throws `PdfReadError` for encrypted or damaged files,
 * when `signal` is aborted (the caller's time limit), and (`too-many-pages`) when the page tree declares more than
 * `maxPages` pages: checked before any page is read (a 1.7 KB file can declare 10⁹).
 */
export async function readPdfItems(bytes: Uint8Array, signal?: AbortSignal, maxPages = Number.POSITIVE_INFINITY): Promise<PdfItems> {
  if (!hasPdfTrailer(bytes)) {
    throw new PdfReadError("pdf-damaged", "PDF 文件不完整（缺少文件尾，可能被截断） / the PDF is truncated (no %%EOF trailer)");
  }
  const pdfjs = await loadPdfJs();
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy, and a plain
  // Uint8Array: it refuses a Node Buffer (what HTTP bodies and fs reads are), whose slice() would not copy anyway.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const onAbort = () => void task.destroy();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const doc = await task.promise;
    if (!(doc.numPages <= maxPages)) {
      throw new PdfReadError("too-many-pages", limitMessages.tooManyPages(doc.numPages, maxPages));
    }
    const pages: PdfPageSize[] = [];
    const items: PdfTextItem[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      if (signal?.aborted) throw new PdfReadError("timeout", "timeout");
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const height = viewport.height;
      pages.push({ width: viewport.width, height });
      const content = await page.getTextContent();
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        const str = raw.str;
        if (str.trim() === "") continue;
        // device space of the page as shown: origin top-left, y down, /Rotate and CropBox applied
        const [ma, mb, mc, md, mx, my] = pdfjs.Util.transform(viewport.transform, raw.transform as number[]) as number[] as [
          number, number, number, number, number, number,
        ];
        const along = Math.hypot(ma, mb);
        const fontSize = Math.hypot(mc, md) || along || raw.height || 10;
        const length = raw.width || fontSize * [...str].length;
        const runsDown = Math.abs(mb) > Math.abs(ma);
        // text at a slant (a diagonal watermark such as 政务公开 or 样本) is not part of the report's layout
        const slant = Math.atan2(Math.abs(mb), Math.abs(ma)) * (180 / Math.PI);
        if (slant > 8 && slant < 82) continue;
        // pdfjs reports vertical writing mode (竖排) runs with a tall box
        const verticalMode = !runsDown && raw.width > 0 && raw.height > raw.width * 1.5 && [...str].length > 1 && raw.width <= fontSize * 1.2;
        let box: { x0: number; x1: number; top: number; bottom: number; baseline: number };
        if (runsDown) {
          // text rotated by ±90° on the page: it reads top-to-bottom (or bottom-to-top)
          const top = mb > 0 ? my : my - length;
          box = { x0: mx - fontSize * 0.5, x1: mx + fontSize * 0.5, top, bottom: top + length, baseline: top + length };
        } else if (verticalMode) {
          box = { x0: mx, x1: mx + raw.width, top: my, bottom: my + raw.height, baseline: my + raw.height };
        } else {
          const x0 = ma >= 0 ? mx : mx - length;
          box = { x0, x1: x0 + length, top: my - fontSize * 0.85, bottom: my + fontSize * 0.15, baseline: my };
        }
        items.push({ page: p, str, ...box, fontSize, vertical: runsDown || verticalMode });
      }
      page.cleanup();
    }
    await doc.destroy();
    return { pages, items };
  } catch (err) {
    if (err instanceof PdfReadError) throw err;
    if (signal?.aborted) throw new PdfReadError("timeout", "timeout");
    const name = err instanceof Error ? err.name : "";
    if (name === "PasswordException") {
      throw new PdfReadError("pdf-encrypted", "PDF 已加密（需要密码），无法读取 / the PDF is encrypted (password protected)");
    }
    const detail = err instanceof Error ? err.message : String(err);
    throw new PdfReadError("pdf-damaged", `PDF 文件已损坏，无法读取 / the PDF is damaged: ${detail}`);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    void task.destroy().catch(() => undefined);
  }
}
