"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { PdfBoxView, type PdfBoxTarget } from "@/components/agency/pdf-box-view";
import { toSourceHtml } from "@/lib/view/to-source-html";
import type { SourceMarkData } from "@/lib/view/to-source-marks";

/** A value marked in the source text: its path, where it stands and which field it is (lib/view/to-source-marks). */
export type SourceMark = SourceMarkData;

type SourceViewProps = {
  lines: string[];
  marks: SourceMark[];
  /** the original PDF (原件) when the report was read from one: source links then show the cell's box on its page */
  pdfUrl?: string | null;
};

function lineFromHash(hash: string): number | null {
  const m = /^#L(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** What a source link asks to be shown: the lines to highlight and, for a PDF, the boxes to draw. */
type Target = { lines: number[]; boxes: PdfBoxTarget[] };

/**
 * The report's text, one numbered line per source line, with every figure marked. Any link to "#L<n>" on the page
 * scrolls here, highlights that line and moves keyboard focus to it (clicking the same link twice works too). A link
 * that names the cells it rests on (data-source-paths, e.g. 公开率: 予以公开, 部分公开 and 总计) highlights every one of
 * them; when the report is a PDF, the page is rendered in the browser (pdf.js) with each cell's box drawn on it, and
 * focus moves to the first box.
 */
export function SourceView({ lines, marks, pdfUrl = null }: SourceViewProps) {
  const [target, setTarget] = useState<Target | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  const toTarget = useCallback(
    (line: number, paths: string[]): Target => {
      const named = paths.length > 0 ? marks.filter((m) => paths.includes(m.path)) : [];
      const lines = named.length > 0 ? [...new Set(named.map((m) => m.line))].sort((a, b) => a - b) : [line];
      const boxes = pdfUrl
        ? named.flatMap((m) => (m.page !== null && m.box ? [{ path: m.path, label: m.label, page: m.page, box: m.box }] : []))
        : [];
      return { lines, boxes };
    },
    [marks, pdfUrl],
  );

  useEffect(() => {
    const sync = () => {
      const line = lineFromHash(window.location.hash);
      setTarget(line === null ? null : { lines: [line], boxes: [] });
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href^='#L']");
      const line = link ? lineFromHash(link.getAttribute("href") ?? "") : null;
      if (!link || line === null) return;
      const paths = (link.getAttribute("data-source-paths") ?? "").split(" ").filter(Boolean);
      const next = toTarget(line, paths);
      setTarget(next);
      if (next.boxes.length > 0) {
        // the PDF view takes the focus once its page is drawn (PdfBoxView); keep the URL pointing at the line
        event.preventDefault();
        window.history.replaceState(null, "", `#L${line}`);
        setFocusRequest((n) => n + 1);
        return;
      }
      const row = document.getElementById(`L${next.lines[0]}`);
      row?.scrollIntoView({ block: "center" });
      row?.focus({ preventScroll: true });
    };
    sync();
    window.addEventListener("hashchange", sync);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("hashchange", sync);
      document.removeEventListener("click", onClick);
    };
  }, [toTarget]);

  // the lines as one HTML string (every text escaped): 600 lines as React elements were most of the page's server time
  const html = useMemo(() => toSourceHtml(lines, marks), [lines, marks]);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    for (const row of list.querySelectorAll("[data-highlighted]")) row.removeAttribute("data-highlighted");
    for (const n of target?.lines ?? []) list.querySelector(`#L${n}`)?.setAttribute("data-highlighted", "true");
  }, [target, html]);

  return (
    <div className="flex flex-col gap-3">
      {pdfUrl ? <PdfBoxView url={pdfUrl} boxes={target?.boxes ?? []} focusRequest={focusRequest} /> : null}
      <ol
        ref={listRef}
        className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-slate-50 py-2 font-mono text-[13px] leading-6"
        data-testid="source-view"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
