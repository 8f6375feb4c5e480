/**
 * The grid/row assembler of section 三: walks the section's cells in reading order, opens a row at
 * each matched label and gives it the value cells that follow (same line; or, for a label standing
 * alone, the following lines up to the next label). Continuation fragments of wrapped labels,
 * repeated headers and page footers match nothing and are skipped.
 */
import { readLabel, rowEvidence } from "./match-row";
import { isOverlong } from "./parse-number";
import { REQUEST_GROUPS, type RequestGroup } from "./template";
import type { Cell, Line } from "./tokenize";

/** The value cells gathered for one printed row (or group label). */
export type RowTokens = {
  key: string;
  label: Cell;
  tokens: Cell[];
  labelLine: number;
  duplicate?: boolean;
  /** another row's label text stands in the same label run as this row's label (a wrapped or misread label landed
   *  on the wrong line): which printed row the numbers belong to is not certain */
  crossedWith?: string;
  /** a row of numbers no label stands beside (class 2: labels detached from their numbers); key `orphan:<n>` */
  orphan?: boolean;
  /** opened right after another row label that got no numbers: the label belongs to a block of labels printed apart from
   *  the block of their numbers, so the numbers that follow it are not its own by adjacency */
  afterEmpty?: boolean;
  /** a group label's numbers that the class-2 placement took as a row of the table */
  placed?: boolean;
  /** a digit run too long to read stands among the row's cells (parse-number MAX_NUMBER_CHARS): its values are unknown */
  overlong?: Cell;
  /** numbers right below the row that may be the tails of its wrapped cells (wrapped-cells.ts): read every way */
  wrapped?: Cell[];
  /** the row's numbers (fewer than STRAY_MAX, some on a line below its label) are followed by a full line of numbers
   *  that opened a row of its own: the short line may be a stray mark and the full line the row's, so its numbers stand
   *  only where the identities force them */
  strayBefore?: boolean;
  /** where the label stands on its line: its index among the line's cells, and how many cells the line has */
  labelField?: number;
  lineFields?: number;
};

/** What the assembler found: rows by path, group labels that carried numbers, ignored duplicates. */
export type AssembledRequests = {
  rows: Map<string, RowTokens>;
  groups: Map<RequestGroup, RowTokens>;
  duplicates: RowTokens[];
  /** every row, group, duplicate and orphan number row in print order; orphans only here */
  sequence: RowTokens[];
  /** how many orphan number rows there are: the detached-label placement runs only when this is > 0 */
  orphans: number;
  /** the section's lines (the placement reads the column grid of orphan rows from them) */
  lines: readonly Line[];
  /** overlong digit runs (parse-number MAX_NUMBER_CHARS) that stand before any row label or number */
  strayOverlong: Cell[];
};

const HEADER_RE = /^(商业企业|科研机构|社会公益组织|法律服务机构|自然人|申请人情况)$/;
/** Number and blank cells of a row. */
const values = (t: RowTokens): number => t.tokens.reduce((n, c) => n + (c.value.kind === "text" ? 0 : 1), 0);

/**
 * A line that is one blank cell of a layout printing each cell on its own line: whitespace or a blank mark (—, /, 无),
 * possibly closed by a pipe (` |`, `— |`). A run of pipes alone (`||`, the grid positions a pipe table leaves out) is no cell.
 */
const isBlankCellLine = (line: Line): boolean => line.cells.length === 1 && !/^\|*$/.test(line.text.trim());

/** A cell that starts with a row's own numbering (1. （二） 四、): a label of its own, not a wrapped fragment. */
const UNNUMBERED_FRAGMENT_EXCLUDES = /^(?:\d{1,2}\s*[.、,)]|[(（]\s*[一二三四五六七]\s*[)）]|[一二三四][、.,]|\(?七\)?总计)/;

/** Number cells of a row; an overlong digit run counts as one (it stands where the row's numbers stand). */
const numbers = (t: RowTokens): number => t.tokens.reduce((n, c) => n + (c.value.kind === "number" ? 1 : 0), t.overlong ? 1 : 0);

/**
 * A line of cells with no number whose cells name three rows or more, each in a cell of its own (| 项目 | 本年新收件数 |
 * 上年结转件数 | 予以公开 | … | 结转下年度 | 总计 |): a column header some converters print above the table's last rows,
 * not a row's label. Its row words would open those rows again (crossed with each other) and take the numbers below.
 */
function namesColumns(line: Line, lineNumbers: number): boolean {
  if (lineNumbers > 0 || line.cells.length < 3) return false;
  const named = new Set<string>();
  let cells = 0;
  for (const c of line.cells) {
    if (c.value.kind !== "text") continue;
    const evidence = rowEvidence(c.text);
    if (evidence.size === 0) continue;
    cells++;
    for (const e of evidence) named.add(e);
  }
  return cells >= 3 && named.size >= 3;
}

/** Fewer numbers than this on a row's line (of 7 cells) are too few for the row with cells lost: they may be a stray mark. */
const STRAY_MAX = 4;

/** Assembles the rows of section 三 from its lines. */
/**
 * A label cell read in the open group, where the template's order decides a label known only by its numbering: within a
 * group the sub-rows are numbered 1. 2. … upwards, so a printed numbering below one already printed in the group (1. after
 * 8.属于行政查询事项) opens the next group's row, not the group's own again. That is how a group label printed on a later
 * row of its group (a vertically centred merged cell: 1.本机关 / 不掌握相关政府信息 before （四）无法提供, 上海市科委 2024's
 * 1.申请人无正当理由逾 before （六）其他处理) reads. A label that names its row by its words is read by them.
 */
/** The sub-row numbering a label cell starts with (3. 3、 3．), or null. */
function printedSub(text: string): number | null {
  const m = /^\s*(\d{1,2})\s*[.、．]/.exec(text);
  return m ? Number(m[1]) : null;
}

function readSubLabel(text: string, group: RequestGroup | null, lastSub: number): ReturnType<typeof readLabel> {
  const read = readLabel(text, group);
  const m = read.match;
  if (m.kind !== "row" || !group || m.row.group !== group || m.row.sub === undefined || m.row.sub >= lastSub) return read;
  if (printedSub(text) !== m.row.sub) return read; // only a printed numbering is read by order
  if (read.evidence.has(m.row.path)) return read; // its own words name it
  const next = REQUEST_GROUPS[REQUEST_GROUPS.findIndex((g) => g.group === group) + 1]?.group;
  if (!next) return read;
  const again = readLabel(text, next);
  return again.match.kind === "row" && again.match.row.group === next ? again : read;
}

export function assembleRequests(lines: readonly Line[]): AssembledRequests {
  const rows = new Map<string, RowTokens>();
  const groups = new Map<RequestGroup, RowTokens>();
  const duplicates: RowTokens[] = [];
  let group: RequestGroup | null = null;
  /** the highest sub-row numbering (1. 2. …) printed on a label read so far in the open group */
  let lastSub = 0;
  let current: RowTokens | null = null;
  const sequence: RowTokens[] = [];
  const strayOverlong: Cell[] = [];
  let orphans = 0;
  /** the line the current row's first number stands on */
  let firstNumberLine = -1;
  /** labels since the last number: true once a row label has gone by with no numbers */
  let emptyRun = false;
  const openOrphan = (cell: Cell, line: Line): RowTokens => {
    const row: RowTokens = { key: `orphan:${orphans++}`, label: cell, tokens: [], labelLine: line.index, orphan: true };
    sequence.push(row);
    firstNumberLine = -1;
    return row;
  };
  for (const line of lines) {
    const lineNumbers = line.cells.reduce((n, c) => n + (c.value.kind === "number" ? 1 : 0), 0);
    // rows whose label text (keyword, or a keyword with one character misread) stands in the text run since the last number
    let runEvidence = new Set<string>();
    // the column header (repeated after a page break) names no row; its 其他 column is not 3.其他
    const header = line.cells.some((c) => c.value.kind === "text" && HEADER_RE.test(c.text)) || namesColumns(line, lineNumbers);
    for (const cell of line.cells) {
      // a sentence inside the table (prose.ts): neither a label nor cells
      if (cell.prose) continue;
      if (isOverlong(cell.value)) {
        // a digit run too long to read: it is no label, and the row it stands in cannot be read
        if (current) current.overlong ??= cell;
        else strayOverlong.push(cell);
        runEvidence = new Set<string>();
        emptyRun = false;
        continue;
      }
      if (cell.value.kind === "text") {
        if (header) continue;
        const { match: m, evidence } = readSubLabel(cell.text, group, lastSub);
        for (const e of evidence) runEvidence.add(e);
        if (current && current.key.indexOf("group:") !== 0 && current.labelLine === line.index && numbers(current) === 0) {
          const other = [...evidence].find((e) => e !== current!.key);
          if (other) current.crossedWith ??= other;
        }
        if (m.kind === "none") continue;
        const key = m.kind === "row" ? m.row.path : `group:${m.kind === "group" ? m.group : ""}`;
        const before: RequestGroup | null = group;
        if (m.kind === "row") group = m.row.group ?? (m.row.paren === 1 || m.row.paren === 2 || m.row.top ? null : group);
        else group = m.group;
        if (group !== before) lastSub = 0;
        const printed = printedSub(cell.text);
        if (m.kind === "row" && m.row.group === group && m.row.sub === printed) lastSub = Math.max(lastSub, printed);
        // the label again (a wrapped label's next fragment) before the row's numbers, or on its own line; once the row has
        // numbers from an earlier line, the label printed again opens a duplicate, never more numbers for this row
        if (current && current.key === key && (numbers(current) === 0 || current.labelLine === line.index)) {
          if (numbers(current) === 0) current.labelLine = line.index;
          continue;
        }
        // a group label right before a row label of another group, on one line before any number (（六）其他处理
        // 要求行政机关确认…): the numbers may be the row's or the group's (a one-row （六）)
        const crossesGroupLabel =
          m.kind === "row" &&
          current !== null &&
          current.key.startsWith("group:") &&
          current.labelLine === line.index &&
          numbers(current) === 0 &&
          current.key !== `group:${m.row.group ?? ""}`;
        if (crossesGroupLabel) current!.crossedWith ??= key;
        const existing: RowTokens | undefined = m.kind === "row" ? rows.get(key) : groups.get(m.group);
        // a row label after another row label with no number in between (group labels do not count)
        const afterEmpty = emptyRun;
        if (m.kind === "row") emptyRun = true;
        if (existing && numbers(existing) > 0) {
          current = { key, label: cell, tokens: [], labelLine: line.index, duplicate: true };
          duplicates.push(current);
          sequence.push(current);
          firstNumberLine = -1;
          continue;
        }
        const opened: RowTokens = existing ?? { key, label: cell, tokens: [], labelLine: line.index };
        opened.labelLine = line.index;
        if (afterEmpty) opened.afterEmpty = true;
        if (!existing) sequence.push(opened);
        firstNumberLine = -1;
        opened.labelField = line.cells.indexOf(cell);
        opened.lineFields = line.cells.length;
        if (m.kind === "row") {
          const other = [...runEvidence].find((e) => e !== key);
          if (other) opened.crossedWith ??= other;
          // an unnumbered fragment naming this row on the line after another row's label, before that row has any
          // value (8.属于行政查询事项 本 / 机关不掌握相关政府信息 / 0 …): a wrapped label of one row landed on another's;
          // the numbers that follow may be either row's
          if (
            current &&
            !current.key.startsWith("group:") &&
            current.key !== key &&
            values(current) === 0 &&
            current.labelLine === line.index - 1 &&
            !UNNUMBERED_FRAGMENT_EXCLUDES.test(cell.text.trim())
          )
            opened.crossedWith ??= current.key;
          if (crossesGroupLabel) opened.crossedWith ??= current!.key;
        } else if (current && !current.key.startsWith("group:") && current.labelLine === line.index && numbers(current) === 0) {
          // a group label after a row's label on the row's own line, before any number (5.要求行政机关确认… 其他处理 0 1 …):
          // the numbers may be the row's or the group's
          opened.crossedWith ??= current.key;
        }
        if (m.kind === "row") rows.set(key, opened);
        else groups.set(m.group, opened);
        current = opened;
        continue;
      }
      const isNumber = cell.value.kind === "number";
      if (isNumber) {
        runEvidence = new Set<string>();
        emptyRun = false;
      }
      if (!current) {
        if (!isNumber) continue;
        current = openOrphan(cell, line);
      }
      // A number the row cannot take (it has its 7, or a full line of numbers after a line that gave it its own) starts a
      // row of numbers with no label: the placement step aligns those rows with the template (class 2).
      const full =
        isNumber &&
        line.index !== current.labelLine &&
        (numbers(current) >= 7 || (firstNumberLine !== -1 && firstNumberLine !== line.index && lineNumbers >= 2));
      // a row that took only a stray number or two from a line below its label, right before a full line of numbers
      // (信息公开申请 / 1 / | 0 | 0 | 0 | 0 | 0 | 0 | 0 |): the short line may be a stray mark and the full line the row's
      const label = current.labelLine;
      if (
        full &&
        !current.orphan &&
        numbers(current) < STRAY_MAX &&
        current.tokens.some((t) => t.value.kind === "number" && t.line !== label)
      )
        current.strayBefore = true;
      if (full) current = openOrphan(cell, line);
      if (line.index === current.labelLine || numbers(current) === 0) current.tokens.push(cell);
      else if (isNumber && numbers(current) < 7) current.tokens.push(cell);
      else if (cell.value.kind === "blank" && isBlankCellLine(line) && values(current) < 7) current.tokens.push(cell);
      if (isNumber && firstNumberLine === -1) firstNumberLine = line.index;
    }
  }
  return { rows, groups, duplicates, sequence, orphans, lines, strayOverlong };
}
