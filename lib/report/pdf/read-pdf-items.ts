/**
 * Reads the positioned text items (文字层) of a PDF with pdfjs-dist. Pure: bytes in, items out,
 * no fs, no worker thread (pdfjs runs its "fake worker" in-process), no font loading (see `noFontLoading`).
 */
import { limitMessages } from "../limits";
import { loadPdfJs } from "./load-pdfjs.mjs";
import { radicalsToIdeographs } from "../normalize";
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

/** A ruling line of a table (表格线), in PDF points with the origin at the page's top-left. */
export type PdfRule = {
  page: number;
  /** horizontal: y is its height and x0..x1 its extent; vertical: x0 = x1 and y0..y1 its extent */
  horizontal: boolean;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
};

export type PdfItems = {
  pages: PdfPageSize[];
  items: PdfTextItem[];
  rules?: PdfRule[];
  /**
   * pages whose text is mostly drawn invisible (text rendering mode 3 or 7): the searchable text layer an OCR program
   * lays over a scanned image. Its digits are OCR readings, not typed numbers (see parse-pdf.ts)
   */
  hiddenTextPages?: number[];
};

/** pdfjs operator codes used to follow the graphics state (pdfjs-dist OPS). */
const OP_SAVE = 10;
const OP_RESTORE = 11;
const OP_TRANSFORM = 12;
const OP_CONSTRUCT_PATH = 91;
const OP_STROKES = new Set([20, 21, 24, 25, 26, 27]);
const OP_FILLS = new Set([22, 23]);
const OP_SET_TEXT_RENDERING_MODE = 38;
/** showText, showSpacedText, nextLineShowText, nextLineSetSpacingShowText */
const OP_SHOW_TEXT = new Set([44, 45, 46, 47]);
/** thinner than this (points) a filled rectangle is a line */
const RULE_THICKNESS = 2.5;
/** shorter than this (points) a segment is no table rule */
const RULE_MIN_LENGTH = 4;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * True when most of a page's text-showing operators draw invisible text (rendering mode 3, neither fill nor stroke,
 * or 7, clip only): the text layer an OCR program (ABBYY, Acrobat, OCRmyPDF) lays over a scanned page. A typed
 * report draws its text visibly; a hidden word or two (a watermark's text) is not most of the page.
 */
export function isHiddenTextPage(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>): boolean {
  let mode = 0;
  const stack: number[] = [];
  let hidden = 0;
  let shown = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OP_SAVE) stack.push(mode);
    else if (fn === OP_RESTORE) mode = stack.pop() ?? 0;
    else if (fn === OP_SET_TEXT_RENDERING_MODE) mode = Number((argsArray[i] as unknown[] | null)?.[0] ?? 0);
    else if (fn !== undefined && OP_SHOW_TEXT.has(fn)) {
      if (mode === 3 || mode === 7) hidden++;
      else shown++;
    }
  }
  return hidden > shown;
}

/**
 * The ruling lines of a page from its operator list: axis-aligned segments of stroked paths and
 * thin filled rectangles (how browsers and word processors draw cell borders). `viewport` maps
 * PDF user space to the page as shown (top-left origin).
 */
export function rulesFromOperators(page: number, fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, viewport: Matrix): PdfRule[] {
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = viewport;
  const push = (a: [number, number], b: [number, number]): void => {
    const [x0, x1] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
    const [y0, y1] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
    if (y1 - y0 < 0.8 && x1 - x0 >= RULE_MIN_LENGTH) rules.push({ page, horizontal: true, x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (x1 - x0 < 0.8 && y1 - y0 >= RULE_MIN_LENGTH)
      rules.push({ page, horizontal: false, x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OP_SAVE) stack.push(ctm);
    else if (fn === OP_RESTORE) ctm = stack.pop() ?? viewport;
    else if (fn === OP_TRANSFORM && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OP_CONSTRUCT_PATH && args) {
      const op = args[0] as number;
      const buffer = (args[1] as unknown[] | undefined)?.[0];
      if (!(buffer instanceof Float32Array) || !(OP_STROKES.has(op) || OP_FILLS.has(op))) continue;
      // the path's points, split into subpaths; curves end a subpath (no table rule is curved)
      const subpaths: Array<Array<[number, number]>> = [];
      let cur: Array<[number, number]> = [];
      for (let k = 0; k < buffer.length;) {
        const code = buffer[k++];
        if (code === 0 || code === 1) {
          if (code === 0 || cur.length === 0) subpaths.push((cur = []));
          cur.push(apply(ctm, buffer[k]!, buffer[k + 1]!));
          k += 2;
        } else if (code === 2 || code === 3) {
          k += code === 2 ? 6 : 4;
          cur = [];
        } else if (code === 4 && cur.length) cur.push(cur[0]!);
      }
      for (const pts of subpaths) {
        if (OP_STROKES.has(op)) {
          for (let j = 1; j < pts.length; j++) push(pts[j - 1]!, pts[j]!);
          continue;
        }
        // filled: a thin rectangle is a line along its long side
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (y1 - y0 < RULE_THICKNESS && x1 - x0 >= RULE_MIN_LENGTH) push([x0, (y0 + y1) / 2], [x1, (y0 + y1) / 2]);
        else if (x1 - x0 < RULE_THICKNESS && y1 - y0 >= RULE_MIN_LENGTH) push([(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]);
      }
    }
  }
  return rules;
}

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

/**
 * The `ownerDocument` pdfjs loads a document's fonts into when `disableFontFace` is false: it accepts each font and
 * does nothing with it. Nothing here draws glyphs: the text comes from getTextContent, and the operator list is read
 * only for ruling lines (表格线). With `disableFontFace: true`, pdfjs's default in Node, the operator-list pass
 * instead turns every glyph the page shows into a path (PartialEvaluator.buildFontPaths) and sends it over, which
 * nothing reads.
 * pdfjs makes a CSS FontFace for each font (`new FontFace(...)`, the browser's Font Loading API), which Node lacks:
 * this installs an inert one on globalThis where there is none (in a parse worker, or the server when it parses
 * in-process; nothing else in Node uses that name).
 */
function noFontLoading(): Document {
  if (!("FontFace" in globalThis)) {
    class InertFontFace {
      readonly loaded: Promise<InertFontFace> = Promise.resolve(this);
      constructor(readonly family: string) {}
      load(): Promise<InertFontFace> {
        return this.loaded;
      }
    }
    Object.defineProperty(globalThis, "FontFace", { value: InertFontFace, configurable: true, writable: true });
  }
  // pdfjs reads only `fonts` of its owner document when it loads a font (FontLoader)
  return { fonts: { add: () => undefined, delete: () => undefined } } as unknown as Document;
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
    // fonts are "loaded" into a document that only counts them (see noFontLoading): with disableFontFace (pdfjs's
    // default in Node) its operator-list pass builds a drawing path for every glyph shown, which nothing here draws
    disableFontFace: false,
    ownerDocument: noFontLoading(),
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
    const rules: PdfRule[] = [];
    const hiddenTextPages: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      if (signal?.aborted) throw new PdfReadError("timeout", "timeout");
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const height = viewport.height;
      pages.push({ width: viewport.width, height });
      const content = await page.getTextContent();
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        // browser-made PDFs name CJK glyphs by their radical code points ("⾏政" for 行政)
        const str = radicalsToIdeographs(raw.str);
        if (str.trim() === "") continue;
        // device space of the page as shown: origin top-left, y down, /Rotate and CropBox applied
        const [ma, mb, mc, md, mx, my] = pdfjs.Util.transform(viewport.transform, raw.transform as number[]) as number[] as [
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        const along = Math.hypot(ma, mb);
        const fontSize = Math.hypot(mc, md) || along || raw.height || 10;
        const length = raw.width || fontSize * [...str].length;
        const runsDown = Math.abs(mb) > Math.abs(ma);
        // text at a slant (a diagonal watermark such as 政务公开 or 样本) is not part of the report's layout
        const slant = Math.atan2(Math.abs(mb), Math.abs(ma)) * (180 / Math.PI);
        if (slant > 8 && slant < 82) continue;
        // pdfjs reports vertical writing mode (竖排) runs with a tall box
        const verticalMode =
          !runsDown && raw.width > 0 && raw.height > raw.width * 1.5 && [...str].length > 1 && raw.width <= fontSize * 1.2;
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
      // ruling lines only on pages with table numbers (a scan's images are never decoded for this;
      // the operator list costs about as much as the text content)
      if (items.filter((it) => it.page === p && /^\s*[\d０-９]/.test(it.str)).length >= 3) {
        const ops = await page.getOperatorList();
        rules.push(...rulesFromOperators(p, ops.fnArray, ops.argsArray, viewport.transform as Matrix));
        if (isHiddenTextPage(ops.fnArray, ops.argsArray)) hiddenTextPages.push(p);
      }
      page.cleanup();
    }
    await doc.destroy();
    return { pages, items, rules, hiddenTextPages };
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
