/**
 * The shapes the layout-text steps pass along: items → fragments (one baseline run) → cells (stacked
 * fragments) → rows and tables (value cells with their labels) → emitted lines (版面文本).
 */

/** A PDF box in points, origin top-left: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number];

/** Where one range of one layout line came from. */
export type LayoutSpan = { line: number; start: number; end: number; page: number; box: Box };

/** Layout text (版面文本): one visual row per line, cells separated by TABs, with the source of every range. */
export type LayoutText = { text: string; spans: LayoutSpan[]; pageCount: number };

/** A horizontal run of items on one baseline (one line of one cell). */
export type Fragment = {
  page: number;
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  fontSize: number;
  vertical: boolean;
};

/** A cell: fragments stacked vertically in one table cell or one paragraph. */
export type Cell = {
  id: number;
  page: number;
  parts: Fragment[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  fontSize: number;
  isValue: boolean;
  /** global vertical position of the cell's centre (pages stacked) */
  gy: number;
};

/** Pages are stacked vertically this far apart, so one number (`gy`) orders cells across pages. */
export const PAGE_STRIDE = 100000;

/** A value column (栏) of a table: its x extent and centre. */
export type Slot = { x0: number; x1: number; c: number };

/** A row of a table: the value cells on one band plus the label cells attached to it. */
export type Row = { values: Cell[]; labels: Cell[]; gy: number; page: number; top: number; bottom: number };

/** Value rows that belong together, their value columns and the header cells above them. */
export type Table = { rows: Row[]; valueX0: number; valueX1: number; slots: Slot[]; header: Cell[] };

/** One emitted cell of a line: its source cells, joined with `sep` ("" for label fragments, " " for values). */
export type EmittedCell = { text: string; sources: Cell[]; sep?: string };

/** An emitted line: its cells, TAB-separated when serialised. */
export type Emitted = { cells: EmittedCell[] };

/** Emitted lines placed at a vertical position (`gy`), to be put in reading order. */
export type Block = { gy: number; lines: Emitted[] };
