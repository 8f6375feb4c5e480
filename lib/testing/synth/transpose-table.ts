/**
 * "transposed" damage: section 三 printed with rows and columns swapped, as some offices lay it out to fit a portrait
 * page: a header row of the row labels (一、本年新收… （一）予以公开 … 四、结转下年度继续办理), then one row per applicant
 * column (自然人, 商业企业, … 总计) holding that column's value of every row. The values are all printed, but no layout
 * the parser knows puts them there: a reader that does not read transposed tables must leave section 三 null with a
 * finding, never take a column's numbers for a row's. Lossy for the oracle: every value of section 三 counts as lost.
 */
import type { Rng } from "./prng";
import type { Cell, Table } from "./table-model";

const COLUMN_NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/** Transposes section 三 (in place); returns its value paths, or null when there is no such table. */
export function transposeRequests(rng: Rng, tables: Table[]): string[] | null {
  const table = tables.find((t) => t.section === "三");
  if (!table) return null;
  const body = table.rows.slice(table.headerRows).filter((r) => r.cells.some((c) => c.path));
  if (body.length === 0) return null;
  const labels = body.map((r) =>
    r.cells
      .filter((c) => !c.path)
      .map((c) => c.text)
      .join(rng.chance(0.5) ? "" : " "),
  );
  const values = body.map((r) => r.cells.filter((c) => c.path));
  const header: Cell[] = [{ text: "申请人情况", isHeader: true }, ...labels.map((text) => ({ text, isHeader: true }))];
  const rows = COLUMN_NAMES.map((name, c) => ({
    cells: [{ text: name, isHeader: true }, ...values.map((v) => v[c] ?? { text: "" })],
  }));
  table.rows = [{ cells: header }, ...rows];
  table.columns = body.length + 1;
  table.headerRows = 1;
  table.pageBreaks = [];
  return values.flat().flatMap((c) => (c.path ? [c.path] : []));
}
