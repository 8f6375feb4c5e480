/**
 * Section 四 (行政复议、行政诉讼): 15 numbers in printed order (行政复议, 未经复议直接起诉, 复议后起诉,
 * each 结果维持/结果纠正/其他结果/尚未审结/总计), whatever shape the header takes. A header with no
 * numbers gives three null groups.
 */
import { hasFallback, rowCandidates } from "./candidates";
import type { Equation } from "./identities";
import type { RowReadings } from "./repair";
import { OUTCOME_KEYS, REVIEW_GROUPS } from "./template";
import { isNumberCell, type Cell, type Line } from "./tokenize";
import { isOverlong } from "./parse-number";
import { joinedCandidates, overlongFinding } from "./read-requests";
import { hasTailLines } from "./wrapped-cells";
import type { Finding } from "./types";

/** The 15 value paths of section 四 in printed order. */
export const REVIEW_PATHS: readonly string[] = REVIEW_GROUPS.flatMap((g) => OUTCOME_KEYS.map((k) => `reviewLitigation.${g}.${k}`));

/** Section 四 as readings for the repair step, or null when it prints no numbers. */
export function readReview(lines: readonly Line[], eqs: readonly Equation[], findings: Finding[] = [], exact = false): RowReadings | null {
  const tokens: Cell[] = [];
  let started = false;
  // a digit run too long to read: which of the 15 cells it holds is unknown, so none is read (the section stays printed)
  const overlong = lines.flatMap((l) => l.cells).find((c) => isOverlong(c.value));
  if (overlong) {
    findings.push(overlongFinding("四", "reviewLitigation", "表四", overlong));
    const slots = REVIEW_PATHS.slice();
    return { key: "reviewLitigation", slots, candidates: [{ values: slots.map(() => null), cells: slots.map(() => null) }] };
  }
  for (const line of lines) {
    if (!started && line.cells.some(isNumberCell)) started = true;
    if (!started) continue;
    for (const cell of line.cells) if (cell.value.kind !== "text") tokens.push(cell);
  }
  // trailing blanks are padding, except a grid's own cells (exact: HTML, DOCX) on the line of the last number, up to the
  // 15th (blank fields on a later line are positions a note row's colspan covers, ※复议案件…)
  const lastNumberLine = tokens.findLast(isNumberCell)?.line;
  const keep = exact ? REVIEW_PATHS.length : 0;
  while (
    tokens.length > 0 &&
    tokens[tokens.length - 1]!.value.kind === "blank" &&
    (tokens.length > keep || tokens[tokens.length - 1]!.line !== lastNumberLine)
  )
    tokens.pop();
  if (!tokens.some(isNumberCell)) return null;
  const slots = REVIEW_PATHS.slice();
  const local = eqs.filter((e) => e.identity.table === "四");
  const nums = tokens.filter(isNumberCell);
  // more numbers than cells, or numbers going on below a grid row: a cell may have wrapped onto the next line
  const joined = nums.length > slots.length || hasTailLines(nums) ? joinedCandidates(nums, slots, local) : null;
  if (joined) {
    findings.push({
      code: "cell-wrapped",
      severity: "info",
      message:
        `表四有数字单独成行或多于 ${slots.length} 格（共 ${nums.length} 个）：可能有数字在格内折行，按原样和按折行拼接两种读法核对勾稽关系，只采用能确认的读法 / ` +
        `${nums.length} numbers for ${slots.length} cells: read with and without joining wrapped cells`,
      table: "四",
      row: "reviewLitigation",
    });
    // as printed first and the joined readings only when that breaks an identity (repairWithFallback); with more numbers
    // than cells "as printed" (the first 15) is a guess too, so both are readings from the start
    const printed = rowCandidates(tokens, slots, local, false, exact);
    if (nums.length > slots.length) return { key: "reviewLitigation", slots, candidates: [...printed, ...joined], confirm: true };
    const fallback = [
      ...(hasFallback(tokens, slots.length, exact) ? rowCandidates(tokens, slots, local, true, exact) : printed),
      ...joined,
    ];
    return { key: "reviewLitigation", slots, candidates: printed, fallback, confirm: true };
  }
  const fallback = hasFallback(tokens, slots.length, exact) ? rowCandidates(tokens, slots, local, true, exact) : undefined;
  const candidates = rowCandidates(tokens, slots, local, false, exact);
  return { key: "reviewLitigation", slots, candidates, ...(fallback ? { fallback } : {}) };
}
