/**
 * Damage that PDF→Markdown/text converters do to real reports (seen in the held-out real reports of the 2026-12 sweep):
 * - "misnumbered": the part headings after 一、总体情况 numbered one off (一、主动公开… / 二、收到和处理… or 三、… / 四、…),
 *   the titles as printed (lossless);
 * - "titleWrap": the title breaks over two lines (2025 年上海市人民政府办公厅政府信息公开 / 工作年度报告); in text, half
 *   the time behind a Markdown heading mark (# 沐阳县人民政府 2025 年政府信息公开…), and the opening paragraph names no
 *   body (no 请与…联系), so the title is where the agency is read. Lossless: the agency and year stand;
 * - "columnHeader": a header row that names the columns with row words (项目 | 本年新收件数 | 上年结转件数 | 予以公开 |
 *   部分公开 | 不予公开 | 结转下年度 | 总计) printed again above one of section 三's rows. Lossless: it names no row.
 *   Not in the layouts printing one cell per line ("lines", "pipe"), where its words stand each on a line like a block of
 *   row labels printed apart from their numbers (class 2), which no reader can tell apart;
 * - "strayMark": a row's label on a line of its own, a stray mark read as a number (1, 7) on the next line, the row's
 *   numbers on the line after (信息公开申请 / 1 / | 0 | 0 | 0 | 0 | 0 | 0 | 0 |). Lossy: the reader cannot tell whether the
 *   lone number is the row's (its cells lost) or a stray, so only soundness applies. Tab layouts only (one cell per line,
 *   the lone number is one more cell of the stream: "strayDigit"; HTML has no such line);
 * - "strayDigit": an OCR stray digit as one more cell among a section 三 row's numbers, before the first, between two of
 *   them or after the last: one more field of the row's line in the tab layouts, a line of its own in the layouts
 *   printing one cell per line ("lines", "pipe"). Lossy: eight numbers for seven cells, only soundness applies;
 * - "centredGroup": the label of a merged group cell of section 三 (（三）不予公开 … （六）其他处理) on the line of a later row
 *   of its group, as a vertically centred merged cell comes out of a PDF (上海市科委 2024: （六）其他处理's first row, 1.申请人
 *   无正当理由逾期不补正…, comes under （五）不予处理's label, so its numbering 1. names 1.信访举报投诉类申请 too). Lossless;
 *   tab layouts (the one-cell-per-line layouts print cells in source order);
 * - "blankTotals": HTML tables that leave the 总计 cell of some section 三 rows empty although the row has numbers (the
 *   real 2019 上海市人民政府办公厅 page prints 总计 only on its top rows and （七）, and its zeros not at all). Lossy; exact
 *   where the identities force the blanks back. HTML only: in text a trailing empty field may be padding.
 */
import type { Block } from "./compose-report";
import type { Rng } from "./prng";
import type { LossyEdit } from "./corrupt-tables";
import type { Cell, Table, TableRow } from "./table-model";

/** Splits the title heading into two heading lines (in place); `markdown` may put a heading mark before it. */
export function wrapTitle(rng: Rng, blocks: Block[], markdown: boolean): void {
  const at = blocks.findIndex((b) => b.kind === "text" && b.heading);
  const title = blocks[at];
  if (!title || title.kind !== "text") return;
  const cut = title.text.lastIndexOf(rng.pick(["信息公开", "工作年度报告", "年度报告"]));
  if (cut <= 0) return;
  const end = title.text.startsWith("信息公开", cut) ? cut + "信息公开".length : cut;
  const head = `${markdown && rng.chance(0.5) ? rng.pick(["# ", "## ", "#"]) : ""}${title.text.slice(0, end)}`;
  blocks.splice(at, 1, { kind: "text", text: head, heading: true }, { kind: "text", text: title.text.slice(end), heading: true });
  // many real reports name their body nowhere else near the top (no 如对本报告有疑问，请与…联系): the title is the only source
  for (const b of blocks) if (b.kind === "text" && !b.heading) b.text = b.text.replace(/如对本报告有疑问，请与[^。]*联系。/, "");
}

const NUMERALS = "一二三四五六七八九";

/**
 * Misnumbers the part headings after 一、总体情况 by one (in place), as real reports do (上海市科委 2024 numbers 主动公开
 * 一、 and 收到和处理 二、; others skip one and start 主动公开 at 三、): the titles are kept, only the numerals move.
 */
export function misnumberSections(rng: Rng, blocks: Block[]): void {
  const shift = rng.pick([-1, 1]);
  const at = blocks.findIndex((b) => b.kind === "text" && b.heading && /^二、主动公开/.test(b.text));
  if (at < 0) return;
  for (const b of blocks.slice(at)) {
    if (b.kind !== "text" || !b.heading) continue;
    const m = /^([二三四五六])、/.exec(b.text);
    if (m) b.text = `${NUMERALS[NUMERALS.indexOf(m[1]!) + shift]}、${b.text.slice(2)}`;
  }
}

const h = (text: string, colspan = 1): Cell => ({ text, colspan, isHeader: true });

/** Puts a column header naming the columns with row words above the second or the last row of section 三 (in place). */
export function addColumnHeader(rng: Rng, tables: Table[]): void {
  const table = tables.find((t) => t.section === "三");
  if (!table || table.columns !== 10 || table.rows.length < table.headerRows + 3) return;
  // above a row that spans the label columns (二、上年结转… / 四、结转下年度…): no merged group label runs through it
  const at = rng.pick([table.headerRows + 1, table.rows.length - 1]);
  const words = rng.pick([
    ["本年新收件数", "上年结转件数", "予以公开", "部分公开", "不予公开", "结转下年度", "总计"],
    ["本年新收", "上年结转", "予以公开", "部分公开", "无法提供", "不予处理", "结转下年度"],
  ]);
  table.rows.splice(at, 0, { cells: [h("项目", 3), ...words.map((w) => h(w))] });
  for (const b of table.pageBreaks) if (b.beforeRow >= at) b.beforeRow++;
}

/** Prints a stray mark between one section 三 row's label and its numbers (in place); the lossy edit, or null. */
export function addStrayMark(rng: Rng, tables: Table[], used: Set<TableRow>): LossyEdit | null {
  const table = tables.find((t) => t.section === "三");
  if (!table) return null;
  const rows = table.rows
    .slice(table.headerRows)
    .filter((row) => !used.has(row) && !row.wrapTail && row.cells.filter((c) => c.path).length === 7);
  if (rows.length === 0) return null;
  const row = rng.pick(rows);
  row.stray = rng.pick(["1", "7", "4"]);
  used.add(row);
  return { kind: "stray", rowPaths: row.cells.flatMap((c) => (c.path ? [c.path] : [])), index: -1, positionKnown: false };
}

/**
 * Prints an OCR stray digit as one more cell among one section 三 row's numbers (before the first, between two of them or
 * after the last; in place); the lossy edit, or null.
 */
export function addStrayDigit(rng: Rng, tables: Table[], used: Set<TableRow>): LossyEdit | null {
  const edit = addStrayMark(rng, tables, used);
  if (!edit) return null;
  const row = tables.find((t) => t.section === "三")!.rows.find((r) => r.stray !== undefined && r.strayAt === undefined)!;
  row.strayAt = rng.int(0, 7);
  return edit;
}

/**
 * Prints the label of one of section 三's merged group cells （三）–（六） on the line of a later row of its group, as PDF
 * text comes out of a vertically centred merged cell (in place). Lossless.
 */
export function centreGroupLabel(rng: Rng, tables: Table[]): void {
  const table = tables.find((t) => t.section === "三");
  if (!table) return;
  const groups = table.rows.flatMap((row) => row.cells.filter((c) => (c.rowspan ?? 1) >= 2 && /^（[三四五六]）/.test(c.text)));
  if (groups.length === 0) return;
  const cell = rng.pick(groups);
  cell.printAt = rng.int(1, (cell.rowspan ?? 2) - 1);
}

/**
 * Empties the 总计 cell and every zero of `count` section 三 rows that have a non-zero total (in place), as the real 2019
 * 上海市人民政府办公厅 page prints its outcome rows (258 12 _ _ 1 1 _); one lossy edit per emptied cell.
 */
export function blankTotals(rng: Rng, tables: Table[], count: number, used: Set<TableRow>): LossyEdit[] {
  const table = tables.find((t) => t.section === "三");
  if (!table) return [];
  const edits: LossyEdit[] = [];
  for (let n = 0; n < count; n++) {
    const rows = table.rows.slice(table.headerRows).filter((row) => {
      const values = row.cells.filter((c) => c.path);
      return !used.has(row) && values.length === 7 && values[6]!.text !== "" && values[6]!.text !== "0";
    });
    if (rows.length === 0) break;
    const row = rng.pick(rows);
    const values = row.cells.filter((c) => c.path);
    const rowPaths = values.map((c) => c.path!);
    values.forEach((c, index) => {
      if (index !== 6 && c.text !== "0") return;
      c.text = "";
      edits.push({ kind: "blank", rowPaths, index, positionKnown: true });
    });
    used.add(row);
  }
  return edits;
}
