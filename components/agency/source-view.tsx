"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { PdfBoxView, type PdfBoxTarget } from "@/components/agency/pdf-box-view";
import { toSourceHtml } from "@/lib/view/to-source-html";
import type { SourceMarkData, SourceViewData } from "@/lib/view/to-source-marks";

/** A value marked in the source text: its path, where it stands and which field it is (lib/view/to-source-marks). */
export type SourceMark = SourceMarkData;

type SourceViewProps = {
  /** the lines and marks of the shown version (app/agencies/[id]/source?year=&version=) */
  sourceUrl: string;
  /** how many lines the text has: the space kept for them and the button's label before they are loaded */
  lineCount: number;
  /** the same lines as a page of their own (app/agencies/[id]/text): the link readers without JavaScript follow */
  textUrl: string;
  /** the original PDF (原件) when the report was read from one: source links then show the cell's box on its page */
  pdfUrl?: string | null;
};

function lineFromHash(hash: string): number | null {
  const m = /^#L(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** What a source link asks to be shown: the lines to highlight and, for a PDF, the boxes to draw. */
type Target = { lines: number[]; boxes: PdfBoxTarget[] };

/** A followed source link, or #L<n> in the address: its line and the cells it names; seq counts the requests from 1. */
type LineRequest = { line: number; paths: string[]; seq: number };

function toTarget(marks: SourceMark[], pdfUrl: string | null, { line, paths }: LineRequest): Target {
  const named = paths.length > 0 ? marks.filter((m) => paths.includes(m.path)) : [];
  const lines = named.length > 0 ? [...new Set(named.map((m) => m.line))].sort((a, b) => a - b) : [line];
  const boxes = pdfUrl
    ? named.flatMap((m) => (m.page !== null && m.box ? [{ path: m.path, label: m.label, page: m.page, box: m.box }] : []))
    : [];
  return { lines, boxes };
}

/** The source list's height (leading-6 lines, py-2, at most max-h-[32rem]): the space it takes before it is loaded. */
function toListHeight(lineCount: number): string {
  return `min(${lineCount * 1.5 + 1}rem, 32rem)`;
}

/**
 * The report's text, one numbered line per source line, with every figure marked. The lines are not part of the
 * page's HTML: they are loaded (sourceUrl) when the view comes near the viewport, when its button is pressed, when a
 * source link (data-source-line="<n>", whose href is that line on the text's own page) anywhere on the page is
 * followed, or when the address already names a line (#L<n>). A followed link then
 * scrolls here, highlights that line and moves keyboard focus to it (clicking the same link twice works too). A link
 * that names the cells it rests on (data-source-paths, e.g. 公开率: 予以公开, 部分公开 and 总计) highlights every one of
 * them; when the report is a PDF, the page is rendered in the browser (pdf.js) with each cell's box drawn on it, and
 * focus moves to the first box.
 */
export function SourceView({ sourceUrl, textUrl, lineCount, pdfUrl = null }: SourceViewProps) {
  const [source, setSource] = useState<SourceViewData | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "failed">("idle");
  const [request, setRequest] = useState<LineRequest | null>(null);
  const isLoading = useRef(false);
  const seq = useRef(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const load = useCallback(() => {
    if (isLoading.current) return;
    isLoading.current = true;
    setStatus("loading");
    fetch(sourceUrl)
      .then((res) => {
        if (!res.ok) throw new Error(`${res.status}`);
        return res.json() as Promise<SourceViewData>;
      })
      .then(
        (data) => {
          setSource(data);
          setStatus("idle");
        },
        () => {
          isLoading.current = false; // the button tries again
          setStatus("failed");
        },
      );
  }, [sourceUrl]);

  // loaded a little before it scrolls into view, so a reader who scrolls down finds the text in place
  useEffect(() => {
    const root = rootRef.current;
    if (!root || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(root);
    return () => observer.disconnect();
  }, [load]);

  useEffect(() => {
    const follow = (line: number, paths: string[]) => {
      seq.current += 1;
      setRequest({ line, paths, seq: seq.current });
      load();
    };
    const sync = () => {
      const line = lineFromHash(window.location.hash);
      if (line === null) setRequest(null);
      else follow(line, []);
    };
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab or window
      // a source link: its href is the line on the page of the report's text (for readers without a script), and
      // data-source-line says which line to show here instead
      const link = (event.target as Element | null)?.closest?.("a[data-source-line]");
      const line = link ? Number(link.getAttribute("data-source-line")) : null;
      if (!link || line === null || !Number.isInteger(line) || line < 1) return;
      // the line may not be loaded yet: this view scrolls to it and focuses it; the address still names the line
      event.preventDefault();
      if (window.location.hash !== `#L${line}`) window.history.pushState(null, "", `#L${line}`);
      follow(line, (link.getAttribute("data-source-paths") ?? "").split(" ").filter(Boolean));
    };
    if (lineFromHash(window.location.hash) !== null) sync();
    window.addEventListener("hashchange", sync);
    window.addEventListener("popstate", sync);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("hashchange", sync);
      window.removeEventListener("popstate", sync);
      document.removeEventListener("click", onClick);
    };
  }, [load]);

  const target = useMemo(() => (source && request ? toTarget(source.marks, pdfUrl, request) : null), [source, request, pdfUrl]);
  const html = useMemo(() => (source ? toSourceHtml(source.lines, source.marks) : null), [source]);

  // highlight the asked-for lines; unless a PDF box takes the focus (PdfBoxView), scroll to the first and focus it
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    for (const row of list.querySelectorAll("[data-highlighted]")) row.removeAttribute("data-highlighted");
    for (const n of target?.lines ?? []) list.querySelector(`#L${n}`)?.setAttribute("data-highlighted", "true");
    if (!target || target.boxes.length > 0) return;
    const row = list.querySelector<HTMLElement>(`#L${target.lines[0]}`);
    row?.scrollIntoView({ block: "center" });
    row?.focus({ preventScroll: true });
  }, [target, html]);

  const boxes = target?.boxes ?? [];
  return (
    <div ref={rootRef} className="flex flex-col gap-3">
      {pdfUrl ? <PdfBoxView url={pdfUrl} boxes={boxes} focusRequest={boxes.length > 0 && request ? request.seq : 0} /> : null}
      {html !== null ? (
        <ol
          ref={listRef}
          className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-slate-50 py-2 font-mono text-[13px] leading-6"
          data-testid="source-view"
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ) : (
        <div
          className="flex flex-col items-start gap-2 rounded border border-slate-200 bg-slate-50 p-4 text-sm"
          style={{ height: toListHeight(lineCount) }}
          data-testid="source-placeholder"
        >
          <button
            type="button"
            onClick={load}
            disabled={status === "loading"}
            className="rounded border border-slate-300 bg-white px-3 py-1 text-sky-800 hover:bg-slate-100 disabled:text-slate-600"
          >
            显示报告原文（共 {lineCount} 行）
          </button>
          <noscript>
            <a href={textUrl} className="text-sky-800 underline">
              在单独的页面查看报告原文（共 {lineCount} 行）
            </a>
          </noscript>
          <p role="status" className="text-slate-700">
            {status === "loading" ? "正在载入报告原文…" : status === "failed" ? "报告原文载入失败，请再试一次。" : ""}
          </p>
        </div>
      )}
    </div>
  );
}
