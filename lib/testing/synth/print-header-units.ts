/**
 * "headerUnits" damage (issue 10, class 6): section 二 states the unit of its money once, not in the cells: in the
 * money column's header (本年收费金额（单位：元）, 采购总金额（元）) or in a caption row atop the table (单位：元,
 * （金额单位：元）), and prints the money cells as bare numbers in that unit (7094800 for 709.48 万元). Cells that
 * already carry their own unit (from "units" damage, applied first) keep it: a cell's unit wins over the header's.
 * A header or caption stating 万元 prints the cells unchanged. Lossless: the parser must read every amount back.
 */
import type { Rng } from "./prng";
import type { Cell, Table } from "./table-model";

const MONEY = new Set(["active.feesWanYuan", "legacy2019.procurement.amountWanYuan"]);
/** The header cells over the money columns, as the template prints them (2021 fees, 2019 procurement). */
const MONEY_HEADER = /^(本年收费金额|采购总金额)/;

/** A bare 万元 amount printed in 元 with every digit kept ("709.48" → "7094800", "4166.241619" → "41662416.19"). */
export function inYuan(text: string): string {
  const negative = text.startsWith("-");
  const [whole = "0", frac = ""] = text.replace(/^-/, "").split(".");
  const integer = `${whole}${frac.slice(0, 4).padEnd(4, "0")}`.replace(/^0+(?=\d)/, "");
  const decimals = frac.slice(4).replace(/0+$/, "");
  return `${negative ? "-" : ""}${integer}${decimals ? `.${decimals}` : ""}`;
}

/** Restates section 二's money unit in a header or a caption row and reprints the money cells in it (in place). */
export function printHeaderUnits(rng: Rng, tables: Table[]): void {
  const table = tables.find((t) => t.section === "二");
  if (!table) return;
  const unit = rng.pick(["元", "元", "万元"] as const);
  const inCaption = rng.chance(0.4);
  const headers: Cell[] = table.rows.flatMap((r) => r.cells.filter((c) => c.isHeader && MONEY_HEADER.test(c.text)));
  for (const header of headers) {
    const name = header.text.replace(/[（(].*$/, "");
    header.text = inCaption ? name : `${name}${rng.pick([`（单位：${unit}）`, `（${unit}）`, `(单位:${unit})`])}`;
  }
  if (inCaption) {
    const caption = rng.pick([`单位：${unit}`, `（单位：${unit}）`, `金额单位：${unit}`]);
    table.rows.unshift({ cells: [{ text: caption, colspan: table.columns, isHeader: true }] });
  }
  for (const cell of table.rows.flatMap((r) => r.cells)) {
    if (!cell.path || !MONEY.has(cell.path)) continue;
    // the 2019 template prints 采购总金额 with its unit (709.48万元): some reports state it in the header instead
    const wan = /^(\d+(?:\.\d+)?)万元$/.exec(cell.text);
    if (wan && rng.chance(0.7)) cell.text = wan[1]!;
    else if (wan) continue;
    if (unit === "元" && /^-?\d+(\.\d+)?$/.test(cell.text)) cell.text = inYuan(cell.text);
  }
}
