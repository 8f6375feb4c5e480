/**
 * Extraction damage applied to the table model, combinable:
 * - "drop": one value cell of a section 三/四 row disappears (6 numbers for 7 columns);
 * - "blank": a 0 in section 三/四 prints as an empty cell;
 * - "wrap": a row label wraps, its tail printed on the next line;
 * - "pageBreak": section 三 breaks across pages: footer "- n -" and the header again;
 * - "fullWidth": digits print full-width (１２３);
 * - "thousands": numbers ≥ 1000 print with thousands separators (20,780);
 * - "units": section 二 prints units and notes (75394432.52元, 2笔, 22（其中修订16件）): see print-units.ts;
 * - "headerUnits": section 二 states its money unit once, in a header or a caption row (单位：元): see print-header-units.ts;
 * - "crossedLabels": a row's label body lands on its neighbour's label line (lossy: see cross-labels.ts);
 * - "overlong": one value row prints as one run of more than 40 digits (lossy: see overlong-run.ts);
 * - "zeroGlyphs": zeros print as 〇 ○ 零 inside numbers, single digits full-width, lone zeros as 〇 零 (see zero-glyphs.ts);
 * - "footnotes": a note with numbers under a table (注：…、*含…); "prose": a sentence restating the table between its
 *   rows (本年度共收到政府信息公开申请12件，其中…): see table-notes.ts. Both lossless;
 * - "transposed": section 三 printed with rows and columns swapped (lossy: see transpose-table.ts);
 * - "blankMarks": a 0 prints as —, /, 无 (lossy); "cellUnits": counts print as 12件 (lossless); "splitNumber": a number
 *   wraps inside its cell, its tail on the next line (lossy; text layouts only): see cell-damage.ts.
 * - "titleWrap": the title over two lines, maybe behind a Markdown #; "columnHeader": a header naming the columns with
 *   row words above one of section 三's rows (both lossless; see converter-damage.ts; titleWrap is applied to the blocks
 *   by synthesize.ts); "strayMark": a stray mark read as a number on a line of its own between a row's label and its
 *   numbers (lossy: sound only; tab layouts); "blankTotals": HTML leaves empty the 总计 and the zeros of several of 三's
 *   rows (lossy, exact where the identities force them back); "misnumbered": the part headings numbered one off, titles
 *   kept (lossless; applied to the blocks by synthesize.ts, see converter-damage.ts); "strayDigit": an OCR stray digit as
 *   one more cell among a row's numbers, a line of its own in the one-cell-per-line layouts (lossy: sound only);
 *   "centredGroup": a merged group label of section 三 printed on a later row of its group (lossless; tab layouts).
 * Lossy edits (drop, blank) are returned so the oracle can tell whether the identities force
 * the lost values back.
 */
import type { Rng } from "./prng";
import { toFullWidthDigits, withThousandsSeparators } from "./format-value";
import { crossLabels } from "./cross-labels";
import { printHeaderUnits } from "./print-header-units";
import { printOverlongRun } from "./overlong-run";
import { printZeroGlyphs } from "./zero-glyphs";
import { addFootnote, addProseRow } from "./table-notes";
import { transposeRequests } from "./transpose-table";
import type { CanonicalReport } from "@/lib/report/types";
import { printUnits } from "./print-units";
import { printBlankMarks, printCellUnits, splitNumbers } from "./cell-damage";
import { addColumnHeader, addStrayDigit, addStrayMark, blankTotals, centreGroupLabel } from "./converter-damage";
import type { Table, TableRow } from "./table-model";

/** The kinds of damage. */
export type CorruptionKind =
  | "drop"
  | "blank"
  | "wrap"
  | "pageBreak"
  | "fullWidth"
  | "thousands"
  | "units"
  | "headerUnits"
  | "crossedLabels"
  | "overlong"
  | "zeroGlyphs"
  | "footnotes"
  | "prose"
  | "transposed"
  | "blankMarks"
  | "cellUnits"
  | "splitNumber"
  | "titleWrap"
  | "columnHeader"
  | "strayMark"
  | "blankTotals"
  | "misnumbered"
  | "strayDigit"
  | "centredGroup";

export const CORRUPTION_KINDS: readonly CorruptionKind[] = [
  "drop",
  "blank",
  "wrap",
  "pageBreak",
  "fullWidth",
  "thousands",
  "units",
  "headerUnits",
  "crossedLabels",
  // appended last, so the random draws of the kinds before it (and the cases the property tests check) stay the same
  "overlong",
  "zeroGlyphs",
  "footnotes",
  "prose",
  "transposed",
  "blankMarks",
  "cellUnits",
  "splitNumber",
  "titleWrap",
  "columnHeader",
  "strayMark",
  "blankTotals",
  "misnumbered",
  "strayDigit",
  "centredGroup",
];

/**
 * A value lost from a row. `rowPaths` are the row's value paths in print order; `index` the one
 * lost. `positionKnown` is false when the reader cannot tell where the gap stands (a dropped
 * cell, or a blank at either end of a row, which text layouts cannot tell from a dropped cell). A "crossed" edit
 * loses two whole rows (`rowPaths` both rows' paths; `index` -1), an "overlong" edit one whole row: the oracle never
 * calls either forced.
 */
export type LossyEdit = {
  kind: "drop" | "blank" | "crossed" | "overlong" | "transposed" | "split" | "stray";
  rowPaths: string[];
  index: number;
  positionKnown: boolean;
  /** "overlong": the section of the row that prints as an overlong digit run */
  section?: Table["section"];
};

const valueIndexes = (row: TableRow): number[] => row.cells.flatMap((c, i) => (c.path ? [i] : []));

/** Body rows of sections 三/四 with value cells, excluding rows already edited. */
function candidateRows(tables: Table[], used: Set<TableRow>): TableRow[] {
  return tables
    .filter((t) => t.section !== "二")
    .flatMap((t) => t.rows.slice(t.headerRows))
    .filter((row) => !used.has(row) && valueIndexes(row).length > 1);
}

function dropCell(rng: Rng, tables: Table[], used: Set<TableRow>): LossyEdit | null {
  const rows = candidateRows(tables, used);
  if (rows.length === 0) return null;
  const row = rng.pick(rows);
  const idx = valueIndexes(row);
  const index = rng.int(0, idx.length - 1);
  const rowPaths = idx.map((i) => row.cells[i]?.path ?? "");
  row.cells.splice(idx[index] ?? 0, 1);
  used.add(row);
  return { kind: "drop", rowPaths, index, positionKnown: false };
}

function blankZero(rng: Rng, tables: Table[], used: Set<TableRow>, isHtml: boolean): LossyEdit | null {
  const rows = candidateRows(tables, used).filter((row) => valueIndexes(row).some((i) => row.cells[i]?.text === "0"));
  if (rows.length === 0) return null;
  const row = rng.pick(rows);
  const idx = valueIndexes(row);
  const zeros = idx.map((cellIndex, index) => ({ cellIndex, index })).filter(({ cellIndex }) => row.cells[cellIndex]?.text === "0");
  const { cellIndex, index } = rng.pick(zeros);
  row.cells[cellIndex]!.text = "";
  used.add(row);
  const atEdge = index === 0 || index === idx.length - 1;
  return { kind: "blank", rowPaths: idx.map((i) => row.cells[i]?.path ?? ""), index, positionKnown: isHtml || !atEdge };
}

function wrapLabel(rng: Rng, tables: Table[]): void {
  const rows = tables
    .filter((t) => t.section === "三")
    .flatMap((t) => t.rows.slice(t.headerRows))
    .filter((row) => !row.wrapTail && row.cells.some((c) => !c.path && c.text.length >= 8));
  if (rows.length === 0) return;
  const row = rng.pick(rows);
  const cellIndex = row.cells.findLastIndex((c) => !c.path && c.text.length >= 8);
  const cell = row.cells[cellIndex]!;
  // Keep the numbering prefix (1. / （三） / 一、) on the first line and at least 2 characters after it.
  const cut = rng.int(Math.min(cell.text.length - 2, 5), cell.text.length - 2);
  row.wrapTail = { cellIndex, text: cell.text.slice(cut) };
  cell.text = cell.text.slice(0, cut);
}

function breakPage(rng: Rng, tables: Table[]): void {
  const table = tables.find((t) => t.section === "三");
  if (!table) return;
  table.pageBreaks.push({ beforeRow: rng.int(table.headerRows + 2, table.rows.length - 1), page: rng.int(2, 9) });
}

function restyleValues(rng: Rng, tables: Table[], style: (text: string) => string): void {
  for (const cell of tables.flatMap((t) => t.rows.flatMap((r) => r.cells))) {
    if (cell.path && cell.text !== "" && rng.chance(0.6)) cell.text = style(cell.text);
  }
}

/** Applies `kinds` to the tables in place (thousands before full width); returns the lossy edits. */
export function corruptTables({
  rng,
  tables,
  kinds,
  isHtml,
  oneCellPerLine = false,
  maxLossy = 2,
  doc,
}: {
  rng: Rng;
  tables: Table[];
  kinds: CorruptionKind[];
  isHtml: boolean;
  /** a layout printing one cell per line ("lines", "pipe"): "columnHeader" is not printed there */
  oneCellPerLine?: boolean;
  maxLossy?: number;
  /** the report the tables print ("footnotes" and "prose" restate its figures) */
  doc: CanonicalReport;
}): LossyEdit[] {
  const used = new Set<TableRow>();
  const edits: LossyEdit[] = [];
  const lossyCount = () => rng.int(1, maxLossy);
  if (kinds.includes("drop"))
    for (let i = lossyCount(); i > 0; i--) {
      const e = dropCell(rng, tables, used);
      if (e) edits.push(e);
    }
  if (kinds.includes("blank"))
    for (let i = lossyCount(); i > 0; i--) {
      const e = blankZero(rng, tables, used, isHtml);
      if (e) edits.push(e);
    }
  if (kinds.includes("crossedLabels")) {
    const crossed = crossLabels(rng, tables, isHtml);
    if (crossed) edits.push({ kind: "crossed", rowPaths: crossed.rowPaths, index: -1, positionKnown: false });
  }
  if (kinds.includes("wrap")) wrapLabel(rng, tables);
  if (kinds.includes("pageBreak") && !isHtml) breakPage(rng, tables);
  if (kinds.includes("units")) printUnits(rng, tables);
  if (kinds.includes("headerUnits")) printHeaderUnits(rng, tables);
  if (kinds.includes("thousands")) restyleValues(rng, tables, withThousandsSeparators);
  if (kinds.includes("fullWidth")) restyleValues(rng, tables, toFullWidthDigits);
  // last, so the draws of every kind before them stay as they were
  if (kinds.includes("zeroGlyphs")) printZeroGlyphs(rng, tables);
  if (kinds.includes("overlong")) {
    const e = printOverlongRun(rng, tables);
    if (e) edits.push({ kind: "overlong", rowPaths: e.rowPaths, index: -1, positionKnown: false, section: e.section });
  }
  if (kinds.includes("footnotes")) addFootnote(rng, tables, doc);
  if (kinds.includes("prose")) addProseRow(rng, tables, doc);
  if (kinds.includes("transposed")) {
    const paths = transposeRequests(rng, tables);
    if (paths) edits.push({ kind: "transposed", rowPaths: paths, index: -1, positionKnown: false, section: "三" });
  }
  if (kinds.includes("blankMarks")) edits.push(...printBlankMarks(rng, tables, lossyCount(), used));
  if (kinds.includes("cellUnits")) printCellUnits(rng, tables);
  if (kinds.includes("splitNumber") && !isHtml) edits.push(...splitNumbers(rng, tables, lossyCount(), used));
  if (kinds.includes("columnHeader") && !oneCellPerLine) addColumnHeader(rng, tables);
  if (kinds.includes("strayMark") && !isHtml && !oneCellPerLine) {
    const e = addStrayMark(rng, tables, used);
    if (e) edits.push(e);
  }
  if (kinds.includes("blankTotals") && isHtml) edits.push(...blankTotals(rng, tables, rng.int(3, 10), used));
  if (kinds.includes("centredGroup") && !isHtml && !oneCellPerLine) centreGroupLabel(rng, tables);
  if (kinds.includes("strayDigit") && !isHtml) {
    const e = addStrayDigit(rng, tables, used);
    if (e) edits.push(e);
  }
  return edits;
}
