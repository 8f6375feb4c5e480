/**
 * "crossedLabels" damage (issue 10): a row's label text lands on its neighbour's label line, as OCR and PDF text
 * extraction do when a label wraps: the body of the next row's label (部分公开（区分处理的，…）) stands on this row's line
 * after its own label, and the next row keeps only its numbering (（二）); or the other way round, this row's label
 * body stands on the next row's line. The numbers stay on their own rows, but a reader cannot tell from the labels
 * which line is whose: the parser must not take either row as printed (row-label-crossed) unless the identities
 * force the values. Lossy for the oracle: every value of both rows counts as lost.
 */
import type { Rng } from "./prng";
import type { Table, TableRow } from "./table-model";

/** The printed numbering of a label: 一、 （二） 3. */
const PREFIX = /^(?:[一二三四]、|（[一二三四五六七]）|\d{1,2}\.)/;

const labelIndex = (row: TableRow): number => row.cells.findLastIndex((c) => !c.path);
const valuePaths = (row: TableRow): string[] => row.cells.flatMap((c) => (c.path ? [c.path] : []));

/** Crosses the labels of one pair of adjacent section 三 rows (in place); returns the paths of both rows, or null. */
export function crossLabels(rng: Rng, tables: Table[], isHtml: boolean): { rowPaths: string[] } | null {
  const table = tables.find((t) => t.section === "三");
  if (!table) return null;
  const body = table.rows.slice(table.headerRows);
  const pairs: [TableRow, TableRow][] = [];
  for (let i = 0; i + 1 < body.length; i++) {
    const [a, b] = [body[i]!, body[i + 1]!];
    if (a.wrapTail || b.wrapTail || valuePaths(a).length !== 7 || valuePaths(b).length !== 7) continue;
    const [la, lb] = [a.cells[labelIndex(a)]!.text, b.cells[labelIndex(b)]!.text];
    if (PREFIX.test(la) && PREFIX.test(lb) && la.replace(PREFIX, "").length >= 2 && lb.replace(PREFIX, "").length >= 2) pairs.push([a, b]);
  }
  if (pairs.length === 0) return null;
  const [a, b] = rng.pick(pairs);
  const [from, to] = rng.chance(0.5) ? [b, a] : [a, b]; // the row whose label body moves, the row whose line gets it
  const source = from.cells[labelIndex(from)]!;
  const target = to.cells[labelIndex(to)]!;
  const prefix = PREFIX.exec(source.text)![0];
  const moved = source.text.slice(prefix.length);
  source.text = prefix;
  target.text = `${target.text}${isHtml ? " " : "\t"}${moved}`;
  return { rowPaths: [...valuePaths(a), ...valuePaths(b)] };
}
