/**
 * Text emission: a table's rows as TAB-separated lines (label columns, then value columns), the text
 * outside tables as plain lines in reading order, and the serialised text with a span per fragment.
 */
import { slotOf, type LabelColumns } from "./columns";
import { cellText, joinLines, tidy } from "./layout-strings";
import { PAGE_STRIDE, type Block, type Box, type Cell, type Emitted, type LayoutSpan, type Table } from "./layout-types";
import { cellsByGy, cellsByX0, cellsInReadingOrder } from "./order";

/** One line per row: its labels column by column, then its values slot by slot. */
export function rowLines(table: Table, { xs, colOf }: LabelColumns): Emitted[] {
  const nSlots = table.slots.length;
  const lines: Emitted[] = [];
  for (const row of table.rows) {
    const out: Emitted = { cells: [] };
    for (let k = 0; k < xs.length; k++) {
      const mine: Cell[] = [];
      for (const c of row.labels) if (colOf(c) === k) mine.push(c);
      mine.sort(cellsByGy);
      out.cells.push({ text: tidy(mine.map(cellText).join("")), sources: mine });
    }
    const slotCells: Cell[][] = [];
    for (let s = 0; s < nSlots; s++) slotCells.push([]);
    for (const v of row.values) slotCells[slotOf(table.slots, v)]!.push(v);
    for (const s of slotCells) out.cells.push({ text: s.map(cellText).join(" "), sources: s, sep: " " });
    lines.push(out);
  }
  return lines;
}

/** Cells outside every table as plain lines: cells starting on one line go on one line, left to right. */
export function plainLineBlocks(rest: Cell[]): Block[] {
  const sorted = [...rest].sort(cellsInReadingOrder);
  const textLines: { gy: number; cells: Cell[] }[] = [];
  for (const c of sorted) {
    const startGy = (c.page - 1) * PAGE_STRIDE + c.parts[0]!.top + c.parts[0]!.fontSize * 0.5;
    let line: { gy: number; cells: Cell[] } | undefined;
    for (const l of textLines) {
      if (l.cells[0]!.page === c.page && Math.abs(l.gy - startGy) < c.fontSize * 0.5) {
        line = l;
        break;
      }
    }
    if (line) line.cells.push(c);
    else textLines.push({ gy: startGy, cells: [c] });
  }
  return textLines.map((l) => {
    l.cells.sort(cellsByX0);
    return { gy: l.gy, lines: [{ cells: l.cells.map((c) => ({ text: cellText(c), sources: [c] })) }] };
  });
}

/** Serialises blocks (already in reading order) to text, with one span per source fragment. */
export function serialise(blocks: Block[]): { text: string; spans: LayoutSpan[] } {
  const outLines: string[] = [];
  const spans: LayoutSpan[] = [];
  for (const b of blocks) {
    for (const l of b.lines) {
      const lineNo = outLines.length + 1;
      let s = "";
      for (let i = 0; i < l.cells.length; i++) {
        const cell = l.cells[i]!;
        if (i > 0) s += "\t";
        // rebuild the cell's text fragment by fragment so every fragment keeps its own box
        let text = "";
        const pieces: { start: number; end: number; page: number; box: Box }[] = [];
        for (let si = 0; si < cell.sources.length; si++) {
          if (si > 0) text += cell.sep ?? "";
          const parts = cell.sources[si]!.parts;
          for (let pi = 0; pi < parts.length; pi++) {
            const p = parts[pi]!;
            text = pi === 0 ? text + p.text : joinLines(text, p.text);
            pieces.push({
              start: text.length - p.text.length,
              end: text.length,
              page: p.page,
              box: [round(p.x0), round(p.top), round(p.x1), round(p.bottom)],
            });
          }
        }
        const start = s.length;
        s += text;
        for (const piece of pieces)
          spans.push({ line: lineNo, start: start + piece.start, end: start + piece.end, page: piece.page, box: piece.box });
      }
      outLines.push(s);
    }
  }
  return { text: outLines.join("\n") + "\n", spans };
}

const round = (n: number) => Math.round(n * 10) / 10;
