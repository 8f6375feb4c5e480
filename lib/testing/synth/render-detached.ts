/**
 * Renders a report with the labels of section 三 detached from their numbers (class 2 of issue 10, 标签与数字分离), the
 * way PDF→Markdown converters and OCR print it:
 * - "blocks": the row labels in one block and the rows of numbers in another (labels first, as Markdown puts them);
 * - "numbers-first": the rows of numbers first, the labels after them (as OCR of a scan with wrapped labels does);
 * - "pages": the table split into two to four small tables at page breaks, each a block of labels and a block of numbers
 *   or ordinary rows, with the page footer and the header repeated;
 * - "label-3-lines": labels broken over three lines, the numbers on the first, second or third;
 * - "no-label": rows of numbers whose label is missing altogether.
 * Either in tab-separated text or in Markdown pipes. The other sections print as tab text. Also returns, in print order,
 * every printed row of numbers of section 三 with the row it truly is and whether its own label stands beside it, for
 * the independent oracle (detached-oracle.ts).
 */
import type { Block } from "./compose-report";
import type { Rng } from "./prng";
import { renderText } from "./render-text";
import type { Table, TableRow } from "./table-model";

export type DetachedKind = "blocks" | "numbers-first" | "pages" | "label-3-lines" | "no-label";
export const DETACHED_KINDS: readonly DetachedKind[] = ["blocks", "numbers-first", "pages", "label-3-lines", "no-label"];

/** One printed row of numbers of section 三: its value paths, the printed cell texts ("" for a blank), own label or not. */
export type PrintedRow = { paths: string[]; texts: string[]; labelled: boolean; labelPrinted: boolean };

type BodyRow = { label: string; group: string | null; texts: string[]; paths: string[] };

function bodyRows(table: Table): BodyRow[] {
  return table.rows.slice(table.headerRows).map((row: TableRow) => {
    const labels = row.cells.filter((c) => !c.path);
    const values = row.cells.filter((c) => c.path);
    // a subgroup cell (（三）不予公开) opens its group; 三、本年度办理结果 is not a row label either
    const own = labels[labels.length - 1]?.text ?? "";
    const group = labels.slice(0, -1).find((c) => /^（[三四五六]）/.test(c.text))?.text ?? null;
    const tail = row.wrapTail ? row.wrapTail.text : "";
    return { label: own + tail, group, texts: values.map((c) => c.text), paths: values.map((c) => c.path!) };
  });
}

function headerLines(table: Table, md: boolean): string[] {
  return table.rows.slice(0, table.headerRows).map((r) =>
    fmt(
      r.cells.map((c) => c.text),
      md,
    ),
  );
}

const fmt = (fields: string[], md: boolean): string => (md ? `| ${fields.join(" | ")} |` : fields.join("\t"));

/** Cuts a label into three non-empty pieces, keeping its numbering (1. / （三） / 一、) with the first. */
function threeLines(label: string, rng: Rng): [string, string, string] | null {
  const prefix = /^(\d+\.|（[一二三四五六七]）|[一二三四]、)/.exec(label)?.[0] ?? "";
  const body = label.slice(prefix.length);
  if (body.length < 6) return null;
  const a = rng.int(2, body.length - 4);
  const b = rng.int(a + 2, body.length - 2);
  return [prefix + body.slice(0, a), body.slice(a, b), body.slice(b)];
}

/** Section 三 as text in `kind`; pushes the printed rows of numbers in print order. */
function renderRequests(table: Table, kind: DetachedKind, rng: Rng, md: boolean, printed: PrintedRow[]): string[] {
  const rows = bodyRows(table);
  const header = headerLines(table, md);
  const numbers = (r: BodyRow, label: string | null): string => fmt(label === null ? r.texts : [label, ...r.texts], md);
  const labelOnly = (text: string): string => fmt([text], md);
  const out: string[] = [...header];
  const normal = (r: BodyRow): void => {
    if (r.group) out.push(labelOnly(r.group));
    out.push(numbers(r, r.label));
    printed.push({ paths: r.paths, texts: r.texts, labelled: true, labelPrinted: true });
  };
  const block = (part: BodyRow[], numbersFirst: boolean): void => {
    const labels = part.flatMap((r) => [...(r.group ? [labelOnly(r.group)] : []), labelOnly(r.label)]);
    const nums = part.map((r) => numbers(r, md ? "" : null));
    if (!numbersFirst) out.push(...labels);
    out.push(...nums);
    // one label with one row of numbers right after it is that row's own label, as in any layout that prints a label alone
    const alone = part.length === 1 && !numbersFirst;
    for (const r of part) printed.push({ paths: r.paths, texts: r.texts, labelled: alone, labelPrinted: true });
    if (numbersFirst) out.push(...labels);
  };
  if (kind === "blocks" || kind === "numbers-first") block(rows, kind === "numbers-first");
  else if (kind === "pages") {
    const cuts = new Set<number>();
    const pieces = rng.int(2, 4);
    while (cuts.size < pieces - 1) cuts.add(rng.int(1, rows.length - 1));
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), rows.length];
    for (let p = 0; p + 1 < bounds.length; p++) {
      const part = rows.slice(bounds[p], bounds[p + 1]);
      if (p > 0) out.push("", `- ${p + 1} -`, "", ...header);
      if (rng.chance(0.7)) block(part, false);
      else part.forEach(normal);
    }
  } else if (kind === "label-3-lines") {
    for (const r of rows) {
      const pieces = rng.chance(0.5) ? threeLines(r.label, rng) : null;
      if (!pieces) {
        normal(r);
        continue;
      }
      if (r.group) out.push(labelOnly(r.group));
      const at = rng.int(0, 2);
      pieces.forEach((piece, i) => out.push(i === at ? numbers(r, piece) : labelOnly(piece)));
      printed.push({ paths: r.paths, texts: r.texts, labelled: true, labelPrinted: true });
    }
  } else {
    const missing = new Set<number>();
    const count = rng.int(1, 3);
    while (missing.size < count) missing.add(rng.int(0, rows.length - 1));
    rows.forEach((r, i) => {
      if (!missing.has(i)) return normal(r);
      out.push(numbers(r, ""));
      printed.push({ paths: r.paths, texts: r.texts, labelled: false, labelPrinted: false });
    });
  }
  return out;
}

/** The whole report with section 三 rendered in `kind`; `printed` lists section 三's rows of numbers in print order. */
export function renderDetached(blocks: Block[], kind: DetachedKind, rng: Rng, markdown: boolean): { text: string; printed: PrintedRow[] } {
  const printed: PrintedRow[] = [];
  const replaced: Block[] = blocks.map((b) => {
    if (b.kind !== "table" || b.table.section !== "三") return b;
    return { kind: "text", text: renderRequests(b.table, kind, rng, markdown, printed).join("\n") };
  });
  return { text: renderText(replaced, "tab"), printed };
}
