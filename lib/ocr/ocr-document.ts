/**
 * OCR of a scanned report (扫描件识别): the pages of an image-only PDF (rendered by pdfjs-dist onto
 * @napi-rs/canvas) or one PNG/JPEG image → deskew → ruling lines removed → text blobs → mosaics
 * recognised by the Tesseract pool → words with their page, box (PDF points, origin top-left) and
 * confidence, as positioned text items for the same layout code that reads a PDF's text layer.
 */
import type { OcrPageWords, OcrRecognizer, OcrWordItem } from "@/lib/report/ocr";
import { binarize, buildMosaic, estimateSkew, findTextBlobs, removeRules, toGray } from "./page-image";
import type { GrayImage, Mosaic, MosaicSlot, PixelBox } from "./page-image";
import { getDigitPool, getOcrPool, OcrTimeoutError, type OcrPool, type OcrWord } from "./tesseract-pool";
import { loadPdfJs, type PdfJs } from "@/lib/report/pdf/load-pdfjs.mjs";

export type OcrLimits = {
  /** pages beyond this are refused before any page is read */
  maxPages: number;
  /** one page's recognition (all its mosaics) */
  pageTimeoutMs: number;
  /** the whole document */
  documentTimeoutMs: number;
};

/**
 * OCR_MAX_PAGES (default 40), OCR_PAGE_TIMEOUT_MS (default 30 s: the floor of each recognition job's limit, which the
 * pool stretches up to 4× with the measured speed and the load, see job-timer.ts), OCR_DOCUMENT_TIMEOUT_MS (default 120 s).
 */
export function ocrLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): OcrLimits {
  const num = (name: string, fallback: number) => {
    const n = Number.parseInt(env[name] ?? "", 10);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    maxPages: num("OCR_MAX_PAGES", 40),
    pageTimeoutMs: num("OCR_PAGE_TIMEOUT_MS", 30_000),
    documentTimeoutMs: num("OCR_DOCUMENT_TIMEOUT_MS", 120_000),
  };
}

/** Resolution pages are rendered at for recognition. */
const RENDER_DPI = Number(process.env.OCR_RENDER_DPI ?? 200);
/** Mosaic lines per recognition job: a page's jobs run on several workers at once. */
const LINES_PER_JOB = 40;

export class OcrPageLimitError extends Error {
  constructor(
    readonly pages: number,
    readonly limit: number,
  ) {
    super(`扫描件共 ${pages} 页，超过识别页数上限 ${limit} 页 / the scan has ${pages} pages, more than the OCR limit of ${limit}`);
    this.name = "OcrPageLimitError";
  }
}

/** PGM (binary greymap): what Leptonica reads with no encoder cost. */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}

type Canvas = typeof import("@napi-rs/canvas");
let canvasModule: Promise<Canvas> | null = null;
const loadCanvas = () => (canvasModule ??= import("@napi-rs/canvas"));

/** Rotates a grey image by `deg` degrees (clockwise positive) about its centre, on white. */
async function rotate(img: GrayImage, deg: number): Promise<GrayImage> {
  const { createCanvas } = await loadCanvas();
  const src = createCanvas(img.width, img.height);
  const sctx = src.getContext("2d");
  const rgba = sctx.createImageData(img.width, img.height);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
    const v = img.data[i]!;
    rgba.data[j] = rgba.data[j + 1] = rgba.data[j + 2] = v;
    rgba.data[j + 3] = 255;
  }
  sctx.putImageData(rgba, 0, 0);
  const dst = createCanvas(img.width, img.height);
  const ctx = dst.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(src, -img.width / 2, -img.height / 2);
  const out = ctx.getImageData(0, 0, img.width, img.height);
  return toGray(out.data, img.width, img.height);
}

/** Recognises one page image; words come back in the page's pixel coordinates with their blob's line box. */
export async function recognizePage(
  gray: GrayImage,
  pool: OcrPool,
  timeoutMs: number,
  digitPool: OcrPool = getDigitPool(),
): Promise<{ words: OcrWordItem[]; skew: number }> {
  type Placed = OcrWordItem & { blobX0?: number; blobX1?: number };
  let page = gray;
  let ink = binarize(page);
  const skew = estimateSkew(ink, page.width, page.height);
  if (Math.abs(skew) >= 0.2) {
    page = await rotate(page, -skew);
    ink = binarize(page);
  }
  const ruled = removeRules(ink, page.width, page.height);
  const blobs = findTextBlobs(ink, page.width, page.height);
  if (blobs.length === 0) return { words: [], skew };
  const order = blobs.slice().sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const chunks: (typeof order)[] = [];
  for (let i = 0; i < order.length; i += LINES_PER_JOB) chunks.push(order.slice(i, i + LINES_PER_JOB));
  // the limit applies to each recognition job from when a worker starts it (not while it waits for one)
  const left = () => timeoutMs;
  const first = await Promise.all(
    chunks.map(async (chunk) => {
      const mosaic = buildMosaic(page, ruled, chunk);
      return placeWords(await pool.recognize(encodePgm(mosaic.image), left()), mosaic);
    }),
  );
  const words = first.flat();
  // a second, independent reading of every number by the English model (better at Latin digits than chi_sim):
  // the English reading is kept, and where the two differ the number is doubtful, the other reading a candidate
  const numericBlobs = new Map<string, { blob: PixelBox; words: Placed[] }>();
  for (const w of words) {
    const key = `${w.top}:${w.bottom}:${w.blobX0}`;
    const entry = numericBlobs.get(key) ?? { blob: { x0: w.blobX0!, x1: w.blobX1!, y0: w.top, y1: w.bottom }, words: [] };
    entry.words.push(w);
    numericBlobs.set(key, entry);
  }
  const numeric = [...numericBlobs.values()].filter((e) => e.words.every((w) => NUMBER_WORD.test(w.text)));
  for (let i = 0; i < numeric.length; i += LINES_PER_JOB * 2) {
    const group = numeric.slice(i, i + LINES_PER_JOB * 2);
    const mosaic = buildMosaic(
      page,
      ruled,
      group.map((g) => g.blob),
    );
    const again = placeWords(await digitPool.recognize(encodePgm(mosaic.image), left()), mosaic);
    for (const g of group) {
      const second = again.filter((w) => w.top === g.blob.y0 && w.blobX0 === g.blob.x0);
      const secondText = second.map((w) => w.text).join(" ");
      const firstText = g.words.map((w) => w.text).join(" ");
      if (secondText === firstText) continue;
      // the same number of words: take the English reading word by word, keep chi_sim's as the alternative
      if (second.length === g.words.length && second.every((w) => NUMBER_WORD.test(w.text))) {
        g.words.forEach((w, k) => {
          const e = second[k]!;
          if (e.text === w.text) return;
          w.alternative = w.text;
          w.text = e.text;
          w.confidence = Math.min(w.confidence, e.confidence);
        });
      } else {
        for (const w of g.words) w.alternative = secondText;
      }
    }
  }
  for (const w of words) {
    delete w.blobX0;
    delete w.blobX1;
  }
  return { words, skew };
}

const NUMBER_WORD = /^[0-9〇OoＯ.,，．]+$/;

/** Maps words from mosaic coordinates back to the page: each word belongs to the mosaic line its centre is in. */
function placeWords(words: OcrWord[], mosaic: Mosaic): (OcrWordItem & { blobX0?: number; blobX1?: number })[] {
  const { slots, scale } = mosaic;
  const out: (OcrWordItem & { blobX0?: number; blobX1?: number })[] = [];
  for (const w of words) {
    const text = w.text.trim();
    if (text === "") continue;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    let best: MosaicSlot | undefined;
    let bestDist = Infinity;
    for (const s of slots) {
      const d = cy < s.y ? s.y - cy : cy > s.y + s.h ? cy - (s.y + s.h) : 0;
      if (d < bestDist) {
        bestDist = d;
        best = s;
      }
    }
    if (!best) continue;
    const toPage = (mx: number) => best.blob.x0 + (mx - best.x) / scale;
    out.push({
      text,
      confidence: w.confidence,
      symbols: w.symbols,
      x0: Math.max(best.blob.x0, toPage(w.bbox.x0)),
      x1: Math.min(best.blob.x1, toPage(w.bbox.x1)),
      top: best.blob.y0,
      bottom: best.blob.y1,
      blobX0: best.blob.x0,
      blobX1: best.blob.x1,
    });
  }
  return out;
}

/** Renders one page to grey levels at `dpi`; also returns the page size in points. */
async function renderPdfPage(
  doc: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>,
  pageNo: number,
  dpi: number,
): Promise<{ gray: GrayImage; widthPt: number; heightPt: number }> {
  const { createCanvas } = await loadCanvas();
  const page = await doc.getPage(pageNo);
  const base = page.getViewport({ scale: 1 });
  // never more than ~12 megapixels, whatever the page size
  const scale = Math.min(dpi / 72, Math.sqrt(12e6 / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  // pdfjs's Node canvas factory is @napi-rs/canvas too
  await page.render({ canvasContext: ctx as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport })
    .promise;
  const img = ctx.getImageData(0, 0, width, height);
  page.cleanup();
  return { gray: toGray(img.data, width, height), widthPt: base.width, heightPt: base.height };
}

/** Decodes a PNG/JPEG upload to grey levels, scaled so a page is read at about 200 dpi. */
async function decodeImage(bytes: Uint8Array): Promise<{ gray: GrayImage; widthPt: number; heightPt: number }> {
  const { createCanvas, loadImage } = await loadCanvas();
  const img = await loadImage(Buffer.from(bytes));
  // an A4 page at 200 dpi is 1654 × 2339: photos are scaled into that range, small images up to it
  const long = Math.max(img.width, img.height);
  const scale = long > 2600 ? 2400 / long : long < 1200 ? Math.min(3, 1800 / long) : 1;
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  const data = ctx.getImageData(0, 0, width, height);
  return { gray: toGray(data.data, width, height), widthPt: (width * 72) / RENDER_DPI, heightPt: (height * 72) / RENDER_DPI };
}

/** Progress of one document: pages done of pages. */
export type OcrProgress = (done: number, total: number) => void;

function toPoints(words: OcrWordItem[], page: number, pxPerPt: number): OcrWordItem[] {
  return words.map((w) => ({ ...w, page, x0: w.x0 / pxPerPt, x1: w.x1 / pxPerPt, top: w.top / pxPerPt, bottom: w.bottom / pxPerPt }));
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The recognizer the parser is given: reads every page of an image-only PDF or one image.
 * Throws OcrPageLimitError before reading when the document has too many pages, OcrTimeoutError past a limit.
 */
export function createOcrRecognizer(
  options: { pool?: OcrPool; digitPool?: OcrPool; limits?: Partial<OcrLimits>; onProgress?: OcrProgress } = {},
): OcrRecognizer {
  const limits = { ...ocrLimitsFromEnv(), ...options.limits };
  return {
    limits,
    async recognizeImage(bytes) {
      const pool = options.pool ?? getOcrPool();
      const { gray, widthPt, heightPt } = await decodeImage(bytes);
      const pxPerPt = gray.width / widthPt;
      const { words, skew } = await recognizePage(gray, pool, limits.pageTimeoutMs, options.digitPool ?? getDigitPool());
      options.onProgress?.(1, 1);
      return [{ page: 1, width: widthPt, height: heightPt, skew, words: toPoints(words, 1, pxPerPt) }];
    },
    async recognizePdf(bytes) {
      const pool = options.pool ?? getOcrPool();
      const pdfjs = await loadPdfJs();
      const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
      const started = Date.now();
      try {
        const doc = await task.promise;
        if (doc.numPages > limits.maxPages) throw new OcrPageLimitError(doc.numPages, limits.maxPages);
        const pages: OcrPageWords[] = [];
        let done = 0;
        // render one page while the pool reads the previous ones (rendering is on this thread)
        const inflight = new Set<Promise<void>>();
        for (let p = 1; p <= doc.numPages; p++) {
          const left = limits.documentTimeoutMs - (Date.now() - started);
          if (left <= 0) throw new OcrTimeoutError(limits.documentTimeoutMs);
          const { gray, widthPt, heightPt } = await renderPdfPage(doc, p, RENDER_DPI);
          const pxPerPt = gray.width / widthPt;
          const reading = recognizePage(gray, pool, limits.pageTimeoutMs, options.digitPool ?? getDigitPool());
          const job: Promise<void> = withDeadline(reading, left)
            .then(({ words, skew }) => {
              pages[p - 1] = { page: p, width: widthPt, height: heightPt, skew, words: toPoints(words, p, pxPerPt) };
              options.onProgress?.(++done, doc.numPages);
            })
            .finally(() => inflight.delete(job));
          job.catch(() => undefined); // handled by the race / Promise.all below, not an unhandled rejection meanwhile
          inflight.add(job);
          // keep at most pool.size pages in flight; a failed page fails the document
          if (inflight.size >= pool.size) await Promise.race(inflight);
        }
        await Promise.all(inflight);
        await doc.destroy();
        return pages;
      } finally {
        void task.destroy().catch(() => undefined);
      }
    },
  };
}
