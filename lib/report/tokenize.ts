/**
 * Source text → lines of cells with their locations. Cells are separated by TAB or "|"; inside a
 * cell, a label followed by space-separated numbers ("28 2 0 0 0 0") becomes a text cell and
 * number cells. A whitespace-only line is one blank cell (layouts that print each cell on its own
 * line); an empty line has no cells.
 */
import { compact, isSpaceCode, toHalfWidth } from "./normalize";
import { isOverlong, parseNumberCell, type CellValue } from "./parse-number";
import { isProse } from "./prose";

/** One cell of the source with where it stands (line 1-based, chars 0-based, end exclusive). */
export type Cell = {
  /** half-width, trimmed text */
  text: string;
  /** the text as printed */
  raw: string;
  line: number;
  start: number;
  end: number;
  value: CellValue;
  /**
   * Digits read from run-together text (粘连): the cell may hold several table cells with no
   * separator between them ("640020470"); its number value is not a reading, only its digits are.
   */
  glued?: boolean;
  /** a sentence with counts in it printed inside a table (prose.ts): no label, and its numbers are no cells */
  prose?: true;
};

/**
 * True for a number cell. Made once here rather than written inline at every filter: an inline arrow is a new
 * function on each call, whose optimized code V8 drops at every full garbage collection (see
 * lib/report/pdf/layout/order.ts).
 */
export const isNumberCell = (c: Cell): boolean => c.value.kind === "number";

/** One source line: its normalised text and (computed on first use) its cells. */
export class Line {
  private cached: Cell[] | null = null;
  private compacted: string | null = null;
  constructor(
    /** 1-based line number */
    readonly index: number,
    /** half-width text, same length as the raw line */
    readonly text: string,
    readonly raw: string,
    /** where `text` starts in the source line (a segment of a run-together line), 0 for a whole line */
    readonly offset = 0,
    preset: Cell[] | null = null,
  ) {
    this.cached = preset;
  }

  /** The text with all whitespace removed (`compact`), computed once. */
  get compact(): string {
    return (this.compacted ??= compact(this.text));
  }

  /** The line's cells; narrative lines outside the tables are never split. */
  get cells(): Cell[] {
    if (this.cached === null) {
      const cells = splitLine(this.index, this.raw, this.text);
      if (this.offset) {
        for (const c of cells) {
          c.start += this.offset;
          c.end += this.offset;
        }
      }
      this.cached = cells;
    }
    return this.cached;
  }
}

const WORD_RE = /\S+/g;

function makeCell(lineNo: number, raw: string, norm: string, start: number, end: number): Cell {
  const text = norm.slice(start, end);
  return { text, raw: raw.slice(start, end), line: lineNo, start, end, value: parseNumberCell(text) };
}

/** Splits one separator-free segment [from, to) into cells. */
function splitSegment(lineNo: number, raw: string, norm: string, from: number, to: number, out: Cell[]): void {
  let start = from;
  let end = to;
  while (start < end && isSpaceCode(norm.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(norm.charCodeAt(end - 1))) end--;
  if (start === end) {
    out.push(makeCell(lineNo, raw, norm, start, end));
    return;
  }
  const whole = makeCell(lineNo, raw, norm, start, end);
  if (whole.value.kind === "text" && isProse(whole.text)) {
    out.push({ ...whole, prose: true });
    return;
  }
  if (whole.value.kind !== "text" || !/\s/.test(whole.text)) {
    out.push(whole);
    return;
  }
  const words: Array<[number, number]> = [];
  WORD_RE.lastIndex = 0;
  const segment = norm.slice(start, end);
  for (let m = WORD_RE.exec(segment); m; m = WORD_RE.exec(segment)) {
    words.push([start + m.index, start + m.index + m[0].length]);
    if (words.length > 200) break;
  }
  let firstNumber = words.length;
  while (firstNumber > 0) {
    const [ws, we] = words[firstNumber - 1]!;
    const value = parseNumberCell(norm.slice(ws, we));
    // an overlong digit run is split off like a number, so its row can be told it has one
    if (value.kind !== "number" && !isOverlong(value)) break;
    firstNumber--;
  }
  if (firstNumber === words.length) {
    out.push(whole);
    return;
  }
  if (firstNumber > 0) out.push(makeCell(lineNo, raw, norm, start, words[firstNumber - 1]![1]));
  for (let w = firstNumber; w < words.length; w++) out.push(makeCell(lineNo, raw, norm, words[w]![0], words[w]![1]));
}

/** Splits a line into cells; pipes at the very start or end of a line are table borders, not cells. */
function splitLine(lineNo: number, raw: string, norm: string): Cell[] {
  const cells: Cell[] = [];
  if (norm.length === 0) return cells;
  const usesPipes = norm.includes("|");
  if (!usesPipes && !norm.includes("\t")) {
    splitSegment(lineNo, raw, norm, 0, norm.length, cells);
    return cells;
  }
  const bounds: Array<[number, number]> = [];
  for (let segStart = 0; ;) {
    let next = norm.indexOf("\t", segStart);
    if (usesPipes) {
      const pipe = norm.indexOf("|", segStart);
      if (pipe >= 0 && (next < 0 || pipe < next)) next = pipe;
    }
    if (next < 0) {
      bounds.push([segStart, norm.length]);
      break;
    }
    bounds.push([segStart, next]);
    segStart = next + 1;
  }
  if (usesPipes && !norm.includes("\t")) {
    const first = bounds[0];
    if (first && norm.slice(first[0], first[1]).trim() === "" && bounds.length > 1) bounds.shift();
    const last = bounds[bounds.length - 1];
    if (last && norm.slice(last[0], last[1]).trim() === "" && bounds.length > 1) bounds.pop();
  }
  for (const [from, to] of bounds) splitSegment(lineNo, raw, norm, from, to, cells);
  return cells;
}

/** Tokenises the whole source text (split on \n; a trailing \r is dropped from each line). */
export function tokenize(sourceText: string): Line[] {
  const rawLines = sourceText.split("\n");
  const lines: Line[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    let raw = rawLines[i]!;
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    lines.push(new Line(i + 1, toHalfWidth(raw), raw));
  }
  return lines;
}
