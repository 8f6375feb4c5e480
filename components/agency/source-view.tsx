"use client";

import { useEffect, useState } from "react";

/** A value marked in the source text: where it stands and which field it is. */
export type SourceMark = { line: number; start: number; end: number; label: string; page: number | null; isInferred: boolean };

type SourceViewProps = { lines: string[]; marks: SourceMark[] };

function lineFromHash(hash: string): number | null {
  const m = /^#L(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/**
 * The report's text, one numbered line per source line, with every figure marked. Any link to
 * "#L<n>" on the page scrolls here and highlights that line (clicking the same link twice works too).
 */
export function SourceView({ lines, marks }: SourceViewProps) {
  const [highlighted, setHighlighted] = useState<number | null>(null);

  useEffect(() => {
    const sync = () => setHighlighted(lineFromHash(window.location.hash));
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href^='#L']");
      const line = link ? lineFromHash(link.getAttribute("href") ?? "") : null;
      if (line === null) return;
      setHighlighted(line);
      document.getElementById(`L${line}`)?.scrollIntoView({ block: "center" });
    };
    sync();
    window.addEventListener("hashchange", sync);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("hashchange", sync);
      document.removeEventListener("click", onClick);
    };
  }, []);

  const marksByLine = new Map<number, SourceMark[]>();
  for (const m of marks) marksByLine.set(m.line, [...(marksByLine.get(m.line) ?? []), m]);

  return (
    <ol
      className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-slate-50 py-2 font-mono text-[13px] leading-6"
      data-testid="source-view"
    >
      {lines.map((text, i) => {
        const n = i + 1;
        const isOn = highlighted === n;
        const lineMarks = marksByLine.get(n) ?? [];
        const page = lineMarks.find((m) => m.page !== null)?.page ?? null;
        return (
          <li
            key={n}
            id={`L${n}`}
            data-highlighted={isOn ? "true" : undefined}
            className={`source-line flex scroll-mt-24 gap-3 px-2 ${isOn ? "bg-yellow-200 outline outline-2 outline-amber-500" : ""}`}
          >
            <a href={`#L${n}`} className="w-10 shrink-0 select-none text-right text-slate-500 hover:text-sky-800" aria-label={`第 ${n} 行`}>
              {n}
            </a>
            <span className="whitespace-pre-wrap break-all">
              <MarkedLine text={text} marks={lineMarks} />
              {page !== null ? <span className="ml-2 text-xs text-slate-500">（PDF 第 {page} 页）</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function MarkedLine({ text, marks }: { text: string; marks: SourceMark[] }) {
  const sorted = [...marks].filter((m) => m.end > m.start && m.end <= text.length).sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    parts.push(text.slice(at, m.start));
    parts.push(
      <mark
        key={`${m.start}-${m.label}`}
        title={m.label}
        className={m.isInferred ? "rounded bg-sky-100 text-inherit" : "rounded bg-amber-100 text-inherit"}
      >
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
