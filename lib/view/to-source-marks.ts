/**
 * Shapes provenance into the marks of the source view: every value with a known location becomes a
 * mark on its line, named in Chinese. Pure.
 */
import type { Provenance } from "../report/types";
import { describeField } from "./report-fields";

export type SourceMarkData = {
  /** the value's canonical path ("requests.granted[6]"), which source links name in data-source-paths */
  path: string;
  line: number;
  start: number;
  end: number;
  label: string;
  /** PDF and OCR: the 1-based page and the cell's box in PDF points [x0, y0, x1, y1], origin top-left */
  page: number | null;
  box: [number, number, number, number] | null;
  isInferred: boolean;
};

/** One mark per located value, in line and column order. */
export function toSourceMarks(provenance: Provenance): SourceMarkData[] {
  const marks: SourceMarkData[] = [];
  for (const [path, p] of Object.entries(provenance)) {
    if (!p.loc || p.status === "missing") continue;
    marks.push({
      path,
      line: p.loc.line,
      start: p.loc.start,
      end: p.loc.end,
      label: describeField(path),
      page: p.loc.page ?? null,
      box: p.loc.page && p.loc.box ? p.loc.box : null,
      isInferred: p.status === "inferred",
    });
  }
  return marks.sort((a, b) => a.line - b.line || a.start - b.start);
}

/** The source text as lines (CRLF and CR tolerated), 1-based line n at index n − 1. */
export function toSourceLines(sourceText: string): string[] {
  return sourceText.split(/\r\n|\r|\n/);
}

/** What the source view shows of one report version: its lines (toSourceLines) and its marks (toSourceMarks). */
export type SourceViewData = { lines: string[]; marks: SourceMarkData[] };

/** The source view's data, as app/agencies/[id]/source serves it to the agency page. */
export function toSourceViewData(sourceText: string, provenance: Provenance): SourceViewData {
  return { lines: toSourceLines(sourceText), marks: toSourceMarks(provenance) };
}
