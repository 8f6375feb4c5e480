"use client";

import { useEffect, useRef, useState } from "react";
import type { PDFDocumentProxy } from "pdfjs-dist";

/** One cell to draw: its canonical path, Chinese label, 1-based page and box in PDF points [x0, y0, x1, y1] (top-left origin). */
export type PdfBoxTarget = { path: string; label: string; page: number; box: [number, number, number, number] };

type PdfBoxViewProps = {
  /** the original PDF (/agencies/:id/original?…) */
  url: string;
  /** the cells a source link asked for; empty until one is followed */
  boxes: PdfBoxTarget[];
  /** bumped on every followed source link: focus moves to the first box once its page is drawn */
  focusRequest: number;
};

/** Served by app/pdfjs/[...path] from the installed pdfjs-dist (no CDN; the CSP allows only this origin). */
const WORKER_URL = "/pdfjs/pdf.worker.min.mjs";
const CMAP_URL = "/pdfjs/cmaps/";
const STANDARD_FONT_URL = "/pdfjs/standard_fonts/";

let pdfjsPromise: Promise<typeof import("pdfjs-dist")> | null = null;

/** pdf.js, loaded in the browser only on the first source link that needs it. */
function loadPdfjs(): Promise<typeof import("pdfjs-dist")> {
  pdfjsPromise ??= import("pdfjs-dist").then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = WORKER_URL;
    return pdfjs;
  });
  return pdfjsPromise;
}

/**
 * PDF provenance to the box (原件定位): the pages holding the asked-for cells, rendered in the browser by pdf.js on a
 * canvas, with each cell's box drawn over it at its provenance position. Nothing is loaded until a source link asks.
 */
export function PdfBoxView({ url, boxes, focusRequest }: PdfBoxViewProps) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const wanted = boxes.length > 0;

  useEffect(() => {
    if (!wanted || doc) return;
    let cancelled = false;
    loadPdfjs()
      .then(
        (pdfjs) =>
          pdfjs.getDocument({
            url,
            // the page CSP has no 'unsafe-eval': pdf.js must not compile font programs with new Function
            isEvalSupported: false,
            cMapUrl: CMAP_URL,
            cMapPacked: true,
            standardFontDataUrl: STANDARD_FONT_URL,
          }).promise,
      )
      .then(
        (loaded) => {
          if (cancelled) void loaded.destroy();
          else setDoc(loaded);
        },
        () => {
          if (!cancelled) setFailed(true);
        },
      );
    return () => {
      cancelled = true;
    };
  }, [url, wanted, doc]);

  useEffect(() => () => void doc?.destroy(), [doc]);

  if (!wanted) return null;
  const pages = [...new Set(boxes.map((b) => b.page))].sort((a, b) => a - b);
  return (
    <section aria-label="PDF 原件中的出处" className="flex flex-col gap-3" data-testid="pdf-source">
      <p className="text-sm text-slate-700">
        原件中的出处：
        {boxes.map((b) => `${b.label}（第 ${b.page} 页）`).join("、")}。红框标出数值所在的单元格。
        <a href={url} className="ml-2 text-sky-800 underline" target="_blank" rel="noopener">
          打开 PDF 原件<span className="sr-only">（新窗口）</span>
        </a>
      </p>
      {failed ? <p className="text-sm text-red-800">PDF 原件无法在浏览器中显示，请打开原件查看。</p> : null}
      {!doc && !failed ? <p className="text-sm text-slate-600">正在载入 PDF 原件…</p> : null}
      {doc
        ? pages.map((page, i) => (
            <PdfPage
              key={page}
              doc={doc}
              page={page}
              boxes={boxes.filter((b) => b.page === page)}
              focusRequest={i === 0 ? focusRequest : 0}
            />
          ))
        : null}
    </section>
  );
}

type PageSize = { width: number; height: number };

/** Drawn boxes stand this many PDF points outside the cell's text box, so a one-digit cell stays visible on a phone. */
const BOX_MARGIN = 2;

function PdfPage({ doc, page, boxes, focusRequest }: { doc: PDFDocumentProxy; page: number; boxes: PdfBoxTarget[]; focusRequest: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const firstBoxRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<PageSize | null>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let task: { cancel: () => void } | null = null;
    doc.getPage(page).then(
      async (p) => {
        if (cancelled) return;
        const base = p.getViewport({ scale: 1 });
        setSize({ width: base.width, height: base.height });
        const canvas = canvasRef.current;
        if (!canvas) return;
        const cssWidth = canvas.parentElement?.clientWidth || base.width;
        const scale = (cssWidth / base.width) * Math.min(window.devicePixelRatio || 1, 2);
        const viewport = p.getViewport({ scale });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        const render = p.render({ canvas, viewport });
        task = render;
        try {
          await render.promise;
          if (!cancelled) setRendered(true);
        } catch {
          // cancelled by a newer render, or the page could not be drawn: the boxes stay on the blank page
        }
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page]);

  useEffect(() => {
    if (focusRequest === 0 || !rendered) return;
    const box = firstBoxRef.current;
    box?.scrollIntoView({ block: "center" });
    box?.focus({ preventScroll: true });
  }, [focusRequest, rendered]);

  return (
    <figure className="flex flex-col gap-1">
      <div
        className="relative w-full max-w-3xl border border-slate-300 bg-white"
        style={size ? { aspectRatio: `${size.width} / ${size.height}` } : { minHeight: "8rem" }}
        data-testid="pdf-page"
        data-page={page}
        data-page-width={size?.width}
        data-page-height={size?.height}
      >
        <canvas ref={canvasRef} className="block h-full w-full" data-rendered={rendered ? "true" : undefined} aria-hidden="true" />
        {size
          ? boxes.map((b, i) => (
              <div
                key={b.path}
                ref={i === 0 ? firstBoxRef : undefined}
                tabIndex={-1}
                role="img"
                aria-label={`${b.label}（PDF 第 ${page} 页）`}
                data-testid="pdf-box"
                data-path={b.path}
                data-box={b.box.join(",")}
                className="absolute rounded-sm border-2 border-red-600 bg-red-500/15 outline-offset-2 focus:outline focus:outline-2 focus:outline-sky-700"
                style={{
                  left: `${((b.box[0] - BOX_MARGIN) / size.width) * 100}%`,
                  top: `${((b.box[1] - BOX_MARGIN) / size.height) * 100}%`,
                  width: `${((b.box[2] - b.box[0] + 2 * BOX_MARGIN) / size.width) * 100}%`,
                  height: `${((b.box[3] - b.box[1] + 2 * BOX_MARGIN) / size.height) * 100}%`,
                }}
              />
            ))
          : null}
      </div>
      <figcaption className="text-xs text-slate-600">PDF 原件第 {page} 页</figcaption>
    </figure>
  );
}
