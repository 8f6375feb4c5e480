/**
 * The source view's numbered lines (报告原文) as one HTML string: the agency page shows every line of the report (600
 * and more for a long one) with every located value marked, and rendering them as React elements was most of the
 * page's server time. Built here once with every text and attribute escaped; the client component places it and
 * highlights lines through their ids (components/agency/source-view). Pure.
 *
 * Per line: <li id="L<n>" class="source-line"> with a link to itself (#L<n>, 第 n 行) and the text, each value marked
 * (<mark title="<field>">, amber when read, sky when inferred), and the PDF page when the value was read from one.
 */
import type { SourceMarkData } from "./to-source-marks";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value as HTML (every character that could end text or an attribute is escaped). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const MARK_CLASS = { read: "rounded bg-amber-100 text-inherit", inferred: "rounded bg-sky-100 text-inherit" } as const;

/** One line's text with its marks; marks that are empty, run past the line or overlap an earlier one are left out. */
function toMarkedLine(text: string, marks: SourceMarkData[]): string {
  const sorted = marks.filter((m) => m.end > m.start && m.end <= text.length).sort((a, b) => a.start - b.start);
  let html = "";
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    html += escapeHtml(text.slice(at, m.start));
    html += `<mark title="${escapeHtml(m.label)}" class="${m.isInferred ? MARK_CLASS.inferred : MARK_CLASS.read}">${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return html + escapeHtml(text.slice(at));
}

/** The `<li>` of every line, 1-based (line n is lines[n − 1]), with the marks of `marks` on their lines. */
export function toSourceHtml(lines: string[], marks: SourceMarkData[]): string {
  const byLine = new Map<number, SourceMarkData[]>();
  for (const m of marks) {
    const list = byLine.get(m.line);
    if (list) list.push(m);
    else byLine.set(m.line, [m]);
  }
  const out: string[] = [];
  lines.forEach((text, i) => {
    const n = i + 1;
    const lineMarks = byLine.get(n) ?? [];
    const page = lineMarks.find((m) => m.page !== null)?.page ?? null;
    const pageNote = page !== null ? `<span class="source-page">（PDF 第 ${page} 页）</span>` : "";
    out.push(
      `<li id="L${n}" tabindex="-1" class="source-line"><a href="#L${n}" aria-label="第 ${n} 行">${n}</a><span>${toMarkedLine(text, lineMarks)}${pageNote}</span></li>`,
    );
  });
  return out.join("");
}

/**
 * A link to line n of a report's text: the page of its own (textUrl, app/agencies/[id]/text) at that line, which a
 * reader without a script follows; the agency page's source view intercepts it by its data-source-line.
 */
export function toSourceLineHref(textUrl: string, line: number): string {
  return `${textUrl}#L${line}`;
}
