/**
 * Section 三 rows → readings for the repair step: which rows the report prints (2019 and one-row
 * （六）其他处理 omit two), the value cells of each, and findings for rows or cells that are missing
 * or could not be placed.
 */
import type { AssembledRequests, RowTokens } from "./assemble-requests";
import { hasFallback, rowCandidates, type Candidate } from "./candidates";
import type { Equation } from "./identities";
import { gapReadings, planDetached } from "./place-detached";
import type { RowReadings } from "./repair";
import { REQUEST_ROWS, toRowName } from "./template";
import { rowSlots } from "./to-document";
import { isNumberCell, type Cell } from "./tokenize";
import { MAX_NUMBER_CHARS } from "./parse-number";
import { propagateSlots, toSlotEquations, type Values } from "./propagate";
import { hasTailLines, wrappedReadings } from "./wrapped-cells";
import type { Finding, TemplateVersion } from "./types";

/** Row paths printed by a report: the 2021 list, or without 其他处理 1./2. when it prints one row. */
export function presentRequestRows(singleOther: boolean): string[] {
  return REQUEST_ROWS.map((r) => r.path).filter(
    (p) => !singleOther || (p !== "otherHandling.noCorrection" && p !== "otherHandling.unpaidFee"),
  );
}

/** True when （六）其他处理 is one row: the 2019 template, or a 2021 report without its sub-rows. */
export function isSingleOtherRow(assembled: AssembledRequests, template: TemplateVersion): boolean {
  if (template === "2019") return true;
  const hasSub = ["otherHandling.noCorrection", "otherHandling.unpaidFee"].some((p) => assembled.rows.has(p));
  const group = assembled.groups.get("otherHandling");
  // a one-row （六） prints its numbers on the group label's line; a crossed label may have taken them away; with labels
  // detached from their numbers (class 2) the group label stands alone, and no sub-row label means one row
  return (
    !hasSub &&
    !!group &&
    (group.tokens.some(isNumberCell) ||
      group.overlong !== undefined ||
      group.crossedWith !== undefined ||
      crossesGroup(assembled, group.key) ||
      assembled.orphans > 0)
  );
}

/** True when some row's label stands on the line of group label `key` (its numbers may be the group's). */
const crossesGroup = (assembled: AssembledRequests, key: string): boolean =>
  [...assembled.rows.values()].some((r) => r.crossedWith === key);

const numberCells = (tokens: Cell[]): Cell[] => tokens.filter(isNumberCell);

function unplaced(row: RowTokens, message: string): Finding {
  return {
    code: "cells-unplaced",
    severity: "warning",
    message,
    table: "三",
    row: row.key,
    loc: { line: row.label.line, start: row.label.start, end: row.label.end },
  };
}

/** Readings for every printed row of section 三, plus findings. */
export function readRequests(
  assembled: AssembledRequests,
  rows: readonly string[],
  singleOther: boolean,
  eqs: readonly Equation[],
  /** the lines' fields are the table's own cells (HTML, DOCX): a trailing blank is a cell (candidates.ts `exact`) */
  exact = false,
): { readings: RowReadings[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const readings: RowReadings[] = [];
  const byRow = new Map<string, Equation[]>();
  for (const e of eqs) if (e.row !== null) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  // rows whose label evidence is crossed with another row's: neither row's numbers are taken as printed
  const crossed = new Map<string, RowTokens>();
  for (const row of [...assembled.rows.values(), ...assembled.groups.values()]) {
    if (!row.crossedWith || (numberCells(row.tokens).length === 0 && !row.overlong)) continue;
    crossed.set(row.key, row);
    crossed.set(row.crossedWith, row);
  }
  // class 2: rows of numbers with no label beside them, placed by the template's row order between the rows that have one
  const plan = planDetached(assembled, rows, singleOther);
  const inGap = new Map<string, number>();
  plan?.gaps.forEach((g, i) => g.rows.forEach((p) => inGap.set(p, i)));
  for (const path of rows) {
    const gi = inGap.get(path);
    if (gi !== undefined) {
      const gap = plan!.gaps[gi]!;
      if (gap.rows[0] !== path) continue;
      const reading = gapReadings(gap, eqs);
      // a digit run too long to read among the gap's rows: which rows its numbers fill is unknown, so none is placed
      const long = [...gap.units, ...gap.rows.map((p) => assembled.rows.get(p))].find((u) => u?.overlong)?.overlong;
      if (long) {
        findings.push(overlongFinding("三", reading.key, `表三“${toRowName(reading.key)}”`, long));
        const nulls = reading.slots.map(() => null);
        readings.push({ key: reading.key, slots: reading.slots, candidates: [{ values: nulls, cells: nulls }] });
        continue;
      }
      const { capped, ...rowReadings } = reading;
      findings.push({
        code: "labels-detached",
        severity: "info",
        message:
          `表三“${toRowName(reading.key)}”：${gap.units.length} 行数字没有紧挨着的行标签，按模板行序放入 ${gap.rows.length} 行，只采用勾稽关系能确认的数值（推算） / ` +
          `${gap.units.length} rows of numbers without their own label placed by template order into ${gap.rows.length} rows`,
        table: "三",
        row: reading.key,
      });
      if (capped)
        findings.push({
          code: "repair-gave-up",
          severity: "warning",
          message: `表三“${toRowName(reading.key)}”：无标签的数字行可能的放法过多或无法读取，该部分留空`,
          table: "三",
          row: reading.key,
        });
      readings.push(rowReadings);
      continue;
    }
    let row = assembled.rows.get(path);
    if (path === "otherHandling.other" && singleOther) row = assembled.groups.get("otherHandling") ?? row;
    const slots = rowSlots(path);
    const cross = crossed.get(path) ?? (row ? crossed.get(row.key) : undefined);
    if (cross && row) {
      findings.push({
        code: "row-label-crossed",
        severity: "warning",
        message:
          `表三“${toRowName(cross.key)}”行的标签所在行同时出现“${toRowName(cross.crossedWith ?? "")}”行的标签文字，数字属于哪一行无法确定，未采用 / ` +
          `row labels of ${cross.key} and ${cross.crossedWith} share a line: the numbers are not taken`,
        table: "三",
        row: path,
        loc: { line: cross.label.line, start: cross.label.start, end: cross.label.end },
      });
      if (row.overlong) findings.push(overlongFinding("三", path, `表三“${toRowName(path)}”行`, row.overlong));
      readings.push({ key: path, slots, candidates: [{ values: slots.map(() => null), cells: slots.map(() => null) }] });
      continue;
    }
    if (!row) {
      findings.push({
        code: "row-missing",
        severity: "warning",
        message: `表三缺少“${toRowName(path)}”行，该行数值只能由勾稽关系推出`,
        table: "三",
        row: path,
      });
      readings.push({ key: path, slots, candidates: [{ values: slots.map(() => null), cells: slots.map(() => null) }] });
      continue;
    }
    if (row.overlong) {
      findings.push(overlongFinding("三", path, `表三“${toRowName(path)}”行`, row.overlong));
      readings.push({ key: path, slots, candidates: [{ values: slots.map(() => null), cells: slots.map(() => null) }] });
      continue;
    }
    const tokens = gridTokens(row);
    const nums = numberCells(tokens);
    const local = byRow.get(path) ?? [];
    const joined = row.wrapped || hasTailLines(nums) ? joinedCandidates([...nums, ...(row.wrapped ?? [])], slots, local) : null;
    if (joined) {
      // read as printed (blanks in place, as any row); only when that breaks an identity are the joined readings tried
      // too (repairWithFallback); a value stands only where every solution agrees
      findings.push(wrappedFinding(row, path));
      // numbers beyond the row's 7 (row.wrapped) make "as printed" a guess too: then both are readings from the start
      const printed = rowCandidates(tokens, slots, local, false, exact);
      const fallback = [...(hasFallback(tokens, 7, exact) ? rowCandidates(tokens, slots, local, true, exact) : printed), ...joined];
      // with numbers below the row, "as printed" is any seven of them: the surplus one may be a stray mark (an OCR stray
      // digit) anywhere among them, not only the tail below
      const surplus = row.wrapped ? rowCandidates([...tokens, ...row.wrapped], slots, local, false, exact) : [];
      if (row.wrapped) readings.push({ key: path, slots, candidates: [...surplus, ...joined], confirm: true });
      else readings.push({ key: path, slots, candidates: printed, fallback, confirm: true });
      continue;
    }
    if (row.wrapped) {
      // the numbers below the row join none of its numbers: the row and they hold one number too many, a stray mark (an OCR
      // stray digit among one-cell-per-line cells) that may stand anywhere among them: every reading that leaves the
      // surplus out (candidates.ts), the identities choose, and the printed first seven are no better a guess than the rest
      findings.push(surplusFinding(row, path, nums.length + row.wrapped.length));
      readings.push({
        key: path,
        slots,
        candidates: rowCandidates([...tokens, ...row.wrapped], slots, local, false, exact),
        confirm: true,
      });
      continue;
    }
    if (nums.length > 7) findings.push(surplusFinding(row, path, nums.length));
    const fallback = hasFallback(tokens, 7, exact) ? rowCandidates(tokens, slots, local, true, exact) : undefined;
    const candidates = rowCandidates(tokens, slots, local, false, exact);
    const note = candidates.length === 1 ? candidates[0]!.note : undefined;
    if (note) findings.push(unplaced(row, splitNoteMessage(`表三“${toRowName(path)}”行`, note)));
    // a row opened right after a label with no numbers, in a section with rows of numbers that have no label, whose
    // numbers stand on lines below its label: they are its own only by adjacency (they may be the first row of a detached block), so they stand only where the
    // identities force them: the row is read as printed or as unknown, and a value the two readings do not share is null
    // a short line of numbers right before a full line that opened a row of its own (assemble-requests strayBefore): the
    // short line may be a stray mark, so likewise
    if (
      row.strayBefore === true ||
      (row.afterEmpty === true && assembled.orphans > 0 && nums[0] !== undefined && nums[0].line !== row.labelLine)
    ) {
      const unknown: Candidate = { values: slots.map(() => null), cells: slots.map(() => null) };
      readings.push({ key: path, slots, candidates: [...candidates, unknown], confirm: true });
      continue;
    }
    readings.push({ key: path, slots, candidates, ...(fallback ? { fallback } : {}) });
  }

  for (const unit of plan?.unplaced ?? []) {
    if (unit.overlong) findings.push(overlongFinding("三", undefined, `表三第 ${unit.label.line} 行`, unit.overlong));
    findings.push({
      ...unplaced(unit, `表三第 ${unit.label.line} 行的数字没有行标签，按模板行序也无处可放，未采用`),
      row: undefined,
    });
  }
  for (const [group, row] of assembled.groups) {
    if (row.overlong && !(singleOther && group === "otherHandling"))
      findings.push(overlongFinding("三", row.key, `表三分组“${row.label.text}”所在行`, row.overlong));
  }
  for (const cell of assembled.strayOverlong) findings.push(overlongFinding("三", undefined, `表三第 ${cell.line} 行`, cell));
  for (const dup of assembled.duplicates) {
    if (dup.overlong) findings.push(overlongFinding("三", dup.key, `表三重复出现的“${toRowName(dup.key)}”行`, dup.overlong));
    if (numberCells(dup.tokens).length > 0) findings.push(unplaced(dup, `表三“${toRowName(dup.key)}”行重复出现，重复行的数字未采用`));
  }
  // every overlong run gets its finding, wherever the steps above left its row (an orphan row no plan placed …)
  const reported = new Set(findings.flatMap((f) => (f.code === "digits-overlong" && f.loc ? [`${f.loc.line}:${f.loc.start}`] : [])));
  for (const r of [...assembled.sequence, ...assembled.groups.values(), ...assembled.duplicates]) {
    const cell = r.overlong;
    if (!cell || reported.has(`${cell.line}:${cell.start}`)) continue;
    reported.add(`${cell.line}:${cell.start}`);
    findings.push(
      overlongFinding("三", r.orphan ? undefined : r.key, r.orphan ? `表三第 ${cell.line} 行` : `表三“${toRowName(r.key)}”行`, cell),
    );
  }
  return { readings, findings };
}

/**
 * The readings of a row with a later number joined back to a number above it (a cell wrapped onto the next line, see
 * wrapped-cells.ts), each placed and kept only when it fills every cell and the row's own identities hold; null when no
 * join gives such a reading (then the row is read as any row: a stray digit below it changes nothing).
 */
export function joinedCandidates(nums: readonly Cell[], slots: readonly string[], local: readonly Equation[]): Candidate[] | null {
  const eqs = toSlotEquations(slots, local);
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const cells of wrappedReadings(nums, slots.length)) {
    for (const cand of cells.length < slots.length ? rowCandidates(cells, slots, local) : [fullReading(cells)]) {
      const padded = [...cand.values, ...new Array<number | null>(eqs.width - slots.length).fill(null)];
      if (cand.values.some((v) => v === null) || !propagateSlots(padded, eqs.eqs)) continue;
      const key = cand.values.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ values: cand.values, cells: cand.cells });
    }
  }
  return out.length > 0 ? out : null;
}

const fullReading = (cells: readonly Cell[]): Candidate => ({
  values: cells.map((c) => (c.value.kind === "number" ? c.value.value : null)),
  cells: cells.slice(),
});

/** A row with more numbers than its 7 columns: which are the stray ones is left to the identities (candidates.ts). */
function surplusFinding(row: RowTokens, path: string, count: number): Finding {
  return unplaced(
    row,
    `表三“${toRowName(path)}”行有 ${count} 个数字，多于 7 列：多出的数字可能是任何一个，只采用勾稽关系能确认的读法 / ` +
      `${count} numbers for 7 columns: any of them may be the stray one`,
  );
}

function wrappedFinding(row: RowTokens, path: string): Finding {
  const nums = numberCells(row.tokens);
  const tails = (row.wrapped ?? nums.filter((c) => c.line !== nums[0]?.line)).map((c) => c.text).join("、");
  return {
    code: "cell-wrapped",
    severity: "info",
    message:
      `表三“${toRowName(path)}”行下方另有数字 ${tails}，可能是该行某格数字折行的后半：该行按原样和按折行拼接两种读法核对勾稽关系，` +
      `只采用勾稽关系能确认的读法 / a number below the row may be the tail of a wrapped cell`,
    table: "三",
    row: path,
    loc: { line: row.label.line, start: row.label.start, end: row.label.end },
  };
}

/** Label columns of section 三's grid (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) before its 7 value columns. */
const LABEL_COLUMNS = 3;

/**
 * A row's cells without the grid positions its merged label covers: in a full grid row (HTML, DOCX, grid text: 3 label
 * columns and 7 value columns, every position a cell, `一、本年新收…\t\t\t7\t…`) the blanks right after a label that
 * spans columns are not value cells. A grid row one position short (a cell missing) loses its leading blanks: they may
 * be covered positions or value cells. Any other row keeps its cells.
 */
function gridTokens(row: RowTokens): Cell[] {
  const { tokens, labelField, lineFields } = row;
  if (labelField === undefined || lineFields !== labelField + 1 + tokens.length) return tokens;
  if (lineFields === LABEL_COLUMNS + 6 && tokens[0]?.value.kind === "blank") {
    // one position short of the grid: a blank after the label may be a position the label covers or a value cell, so it
    // does not fix where the numbers stand (they are placed freely)
    let lead = 0;
    while (lead < LABEL_COLUMNS - 1 && tokens[lead]?.value.kind === "blank") lead++;
    return tokens.slice(lead);
  }
  const surplus = tokens.length - 7;
  if (surplus <= 0 || lineFields !== LABEL_COLUMNS + 7) return tokens;
  for (let i = 0; i < surplus; i++) if (tokens[i]!.value.kind !== "blank") return tokens;
  return tokens.slice(surplus);
}

/**
 * Findings for group label rows that carry numbers (（三）不予公开 0 0 …): a subtotal that equals
 * the sum of the group's rows is noted (info); anything else could not be placed (warning).
 */
export function groupRowFindings(assembled: AssembledRequests, singleOther: boolean, values: Values): Finding[] {
  const findings: Finding[] = [];
  for (const [group, row] of assembled.groups) {
    if (singleOther && group === "otherHandling") continue;
    if (row.placed) continue; // its numbers were a row of the table, placed by template order (class 2)
    const nums = numberCells(row.tokens).map((c) => (c.value as { value: number }).value);
    if (nums.length === 0) continue;
    const subRows = REQUEST_ROWS.filter((r) => r.group === group && values.get(rowSlots(r.path)[0]!) !== undefined);
    const sums = [0, 1, 2, 3, 4, 5, 6].map((c) =>
      subRows.reduce<number | null>((acc, r) => {
        const v = values.get(rowSlots(r.path)[c]!);
        return acc === null || v == null ? null : acc + v;
      }, 0),
    );
    if (nums.length === 7 && nums.every((n, i) => sums[i] === n)) {
      findings.push({
        ...unplaced(row, `表三分组“${row.label.text}”印有小计，与各子项之和一致`),
        code: "group-subtotal",
        severity: "info",
      });
    } else {
      findings.push(unplaced(row, `表三分组标题“${row.label.text}”所在行的数字无法归入具体行，未采用`));
    }
  }
  return findings;
}

/** The finding text for a run-together row that could not be split (see candidates.ts). */
export function splitNoteMessage(where: string, note: "split-none" | "split-capped"): string {
  return note === "split-capped"
    ? `${where}数字连在一起，可能的拆分过多，放弃拆分，该行留空`
    : `${where}数字连在一起，没有任何拆分满足勾稽关系，该行留空`;
}

/**
 * The finding for a digit run too long to read (parse-number MAX_NUMBER_CHARS) in table `table`, row `row`: the row's
 * values are left null (the identities may still force them).
 */
export function overlongFinding(table: string, row: string | undefined, where: string, cell: Cell): Finding {
  return {
    code: "digits-overlong",
    severity: "warning",
    message:
      `${where}有一串 ${cell.text.length} 位的数字，超过 ${MAX_NUMBER_CHARS} 位，无法读作表格数值，该行数值留空 / ` +
      `a run of ${cell.text.length} digits (more than ${MAX_NUMBER_CHARS}) cannot be read as cells: the row is left null`,
    table,
    ...(row ? { row } : {}),
    loc: { line: cell.line, start: cell.start, end: cell.end },
  };
}
