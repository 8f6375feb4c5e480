/** From a layout-text range back to the page and box it was read from. */
import type { Box, LayoutSpan } from "./layout-types";

/** The page and box of a layout-text range (the first span it overlaps, grown over spans of that page). */
export function locateRange(spans: LayoutSpan[], line: number, start: number, end: number): { page: number; box: Box } | null {
  const hits = spans.filter((s) => s.line === line && s.start < Math.max(end, start + 1) && s.end > start);
  const first = hits[0];
  if (!first) {
    const onLine = spans.filter((s) => s.line === line);
    if (!onLine.length) return null;
    return unite(onLine.filter((s) => s.page === onLine[0]!.page));
  }
  return unite(hits.filter((s) => s.page === first.page));
}

function unite(list: LayoutSpan[]): { page: number; box: Box } | null {
  const first = list[0];
  if (!first) return null;
  const box: Box = [...first.box];
  for (const s of list) {
    box[0] = Math.min(box[0], s.box[0]);
    box[1] = Math.min(box[1], s.box[1]);
    box[2] = Math.max(box[2], s.box[2]);
    box[3] = Math.max(box[3], s.box[3]);
  }
  return { page: first.page, box };
}
