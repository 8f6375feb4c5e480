/**
 * Renders a report the way a crawler saves a web page's text (class 1 of issue 10, 粘连文本): every
 * table cell run together with no separator, labels glued to their numbers, a numbered label's digit
 * touching the previous row's numbers (`00000002.其他法律…`), and the whole body on one or a few long
 * lines. Spacing is sometimes half kept: a space may stand at a cell boundary (never inside a
 * number), so `20 0 0 0 0 1 21` can print as `200 000121`. Also returns, per value row, the digit
 * chunks as printed, for the oracle (run-together-oracle.ts).
 */
import type { Block } from "./compose-report";
import type { Rng } from "./prng";
import type { Table } from "./table-model";

/** One printed value row: its value paths in order and its number text split at printed spaces. */
export type RunRow = { section: "二" | "三" | "四"; paths: string[]; chunks: string[] };

/** How much spacing survives: probability of a space at a cell boundary inside a row's numbers. */
export type RunTogetherOptions = { spaceAtBoundary: number; lineBreakAtBlock: number };

function renderTable(table: Table, rng: Rng, opts: RunTogetherOptions, rows: RunRow[]): string {
  let out = "";
  for (const row of table.rows) {
    let numbers = "";
    const paths: string[] = [];
    for (const cell of row.cells) {
      if (cell.path) {
        if (cell.text === "") continue;
        if (paths.length > 0 && rng.chance(opts.spaceAtBoundary)) numbers += " ";
        numbers += cell.text;
        paths.push(cell.path);
      } else {
        out += cell.text;
        if (rng.chance(0.05)) out += " ";
      }
    }
    if (paths.length > 0) {
      rows.push({ section: table.section, paths, chunks: numbers.split(" ") });
      if (rng.chance(0.1)) out += " ";
      out += numbers;
      if (rng.chance(0.1)) out += " ";
    }
  }
  return out;
}

/** The whole report as a crawler's text dump; `rows` lists every printed value row. */
export function renderRunTogether(blocks: Block[], rng: Rng, opts: RunTogetherOptions): { text: string; rows: RunRow[] } {
  const rows: RunRow[] = [];
  const lines: string[] = [];
  let current = "";
  blocks.forEach((block, i) => {
    const piece = block.kind === "table" ? renderTable(block.table, rng, opts, rows) : block.text;
    // The crawler keeps the banner and the title on their own lines, then runs the body together.
    if (i <= 1) {
      lines.push(piece);
      return;
    }
    if (current.length > 0 && rng.chance(opts.lineBreakAtBlock)) {
      lines.push(current);
      current = "";
    }
    current += piece;
  });
  if (current.length > 0) lines.push(current);
  return { text: `${lines.join("\n")}\n`, rows };
}
