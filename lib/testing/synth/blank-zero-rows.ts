/**
 * Class 3 damage (issue 10): HTML and DOCX tables leave a section 三 row's applicant cells blank where they are
 * 0 (empty, or a mark: —, /, －, 无). `blankZeroRows` blanks every zero applicant cell (columns 自然人 … 其他) of up to `rows` random rows whose
 * 总计 is printed, and says for each row whether the identities force the blanks back: an independent oracle
 * counts the non-negative integer assignments of the blanks under 自然人 + … + 其他 = 总计 by enumeration (one
 * assignment, all zeros, when the stated cells already sum to the 总计).
 */
import type { Rng } from "./prng";
import type { Table } from "./table-model";

/** One blanked row: the canonical paths of its blanked cells, and whether the oracle finds exactly one assignment. */
export type BlankedRow = { paths: string[]; forced: boolean };

/** The number a printed cell states (thousands separators and full-width digits allowed). */
export function printedNumber(text: string): number {
  return Number(text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, ""));
}

/** Non-negative integer assignments of `blanks` cells that make `stated` + blanks sum to `total` (stops counting at 2). */
export function countAssignments(stated: number[], blanks: number, total: number): number {
  let count = 0;
  const rec = (left: number, sum: number): void => {
    if (count > 1) return;
    if (left === 0) return void (sum === total && count++);
    for (let v = 0; v + sum <= total; v++) rec(left - 1, sum + v);
  };
  rec(
    blanks,
    stated.reduce((a, b) => a + b, 0),
  );
  return count;
}

/**
 * How a report prints a cell it leaves without a number: empty, or a mark (—, /, －, 无) that the parser reads as a blank
 * cell, never as 0 (only the identities make it 0).
 */
const BLANK_MARKS = ["", "", "", "—", "/", "－", "无"] as const;

/** Blanks the zero applicant cells of up to `rows` rows (never a row with a path in `skip`); in place. */
export function blankZeroRows(rng: Rng, table: Table, rows: number, skip: ReadonlySet<string> = new Set()): BlankedRow[] {
  const body = table.rows
    .slice(table.headerRows)
    .filter((r) => r.cells.some((c) => c.path?.endsWith("[6]") && c.text !== "") && !r.cells.some((c) => c.path && skip.has(c.path)));
  const out: BlankedRow[] = [];
  for (let k = 0; k < rows && body.length > 0; k++) {
    const row = body.splice(rng.int(0, body.length - 1), 1)[0]!;
    const values = row.cells.filter((c) => c.path);
    const applicants = values.filter((c) => /\[[0-5]\]$/.test(c.path!));
    const zeros = applicants.filter((c) => c.text !== "" && printedNumber(c.text) === 0);
    if (zeros.length === 0) continue;
    const mark = rng.pick(BLANK_MARKS);
    for (const cell of zeros) cell.text = mark;
    const stated = applicants.filter((c) => !zeros.includes(c)).map((c) => printedNumber(c.text));
    const total = printedNumber(values.find((c) => c.path!.endsWith("[6]"))!.text);
    out.push({ paths: zeros.map((c) => c.path!), forced: countAssignments(stated, zeros.length, total) === 1 });
  }
  return out;
}
