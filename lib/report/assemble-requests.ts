/**
 * The grid/row assembler of section 三: walks the section's cells in reading order, opens a row at
 * each matched label and gives it the value cells that follow (same line; or, for a label standing
 * alone, the following lines up to the next label). Continuation fragments of wrapped labels,
 * repeated headers and page footers match nothing and are skipped.
 */
import { readLabel } from "./match-row";
import type { RequestGroup } from "./template";
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
};

/** What the assembler found: rows by path, group labels that carried numbers, ignored duplicates. */
export type AssembledRequests = {
  rows: Map<string, RowTokens>;
  groups: Map<RequestGroup, RowTokens>;
  duplicates: RowTokens[];
};

const numbers = (t: RowTokens): number => t.tokens.reduce((n, c) => n + (c.value.kind === "number" ? 1 : 0), 0);

/** Assembles the rows of section 三 from its lines. */
export function assembleRequests(lines: readonly Line[]): AssembledRequests {
  const rows = new Map<string, RowTokens>();
  const groups = new Map<RequestGroup, RowTokens>();
  const duplicates: RowTokens[] = [];
  let group: RequestGroup | null = null;
  let current: RowTokens | null = null;
  for (const line of lines) {
    // rows whose label text (keyword, or a keyword with one character misread) stands in the text run since the last number
    let runEvidence = new Set<string>();
    for (const cell of line.cells) {
      if (cell.value.kind === "text") {
        const { match: m, evidence } = readLabel(cell.text, group);
        for (const e of evidence) runEvidence.add(e);
        if (current && current.key.indexOf("group:") !== 0 && current.labelLine === line.index && numbers(current) === 0) {
          const other = [...evidence].find((e) => e !== current!.key);
          if (other) current.crossedWith ??= other;
        }
        if (m.kind === "none") continue;
        const key = m.kind === "row" ? m.row.path : `group:${m.kind === "group" ? m.group : ""}`;
        if (m.kind === "row") group = m.row.group ?? (m.row.paren === 1 || m.row.paren === 2 || m.row.top ? null : group);
        else group = m.group;
        if (current && current.key === key) {
          if (numbers(current) === 0) current.labelLine = line.index;
          continue;
        }
        const existing: RowTokens | undefined = m.kind === "row" ? rows.get(key) : groups.get(m.group);
        if (existing && numbers(existing) > 0) {
          current = { key, label: cell, tokens: [], labelLine: line.index, duplicate: true };
          duplicates.push(current);
          continue;
        }
        const opened: RowTokens = existing ?? { key, label: cell, tokens: [], labelLine: line.index };
        opened.labelLine = line.index;
        if (m.kind === "row") {
          const other = [...runEvidence].find((e) => e !== key);
          if (other) opened.crossedWith ??= other;
        }
        if (m.kind === "row") rows.set(key, opened);
        else groups.set(m.group, opened);
        current = opened;
        continue;
      }
      if (cell.value.kind === "number") runEvidence = new Set<string>();
      if (!current) continue;
      const isNumber = cell.value.kind === "number";
      if (line.index === current.labelLine || numbers(current) === 0) current.tokens.push(cell);
      else if (isNumber && numbers(current) < 7) current.tokens.push(cell);
    }
  }
  return { rows, groups, duplicates };
}
