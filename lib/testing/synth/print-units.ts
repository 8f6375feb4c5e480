/**
 * "units" damage (issue 10, class 6): section 二 prints its values with units and notes the way real
 * reports do, losing nothing: money in 元 (75394432.52元) or 万元 (709.48万元), counts with their
 * measure word (15件, 采购 2笔), an annotated count (22（其中修订16件）). The parser must read every
 * one back to the canonical value (money in 万元), so these cases are checked for exactness.
 */
import type { Rng } from "./prng";
import type { Table } from "./table-model";

const MONEY = new Set(["active.feesWanYuan", "legacy2019.procurement.amountWanYuan"]);

/** The printed form of one section 二 cell (text as the table model prints it) with a unit or note. */
function withUnit(rng: Rng, path: string, text: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text; // already carries a unit (1.83亿, 709.48万元) or blank
  const value = Number(text);
  if (MONEY.has(path)) return rng.chance(0.6) ? `${(value * 10000).toFixed(rng.chance(0.5) ? 2 : 0)}元` : `${text}万元`;
  if (path === "legacy2019.procurement.projects") return `${text}${rng.pick(["笔", "个", "项"])}`;
  if (value < 0) return text; // 本年增/减 stays a bare signed number
  if (/normativeDocuments\.(issued|newlyMade)$/.test(path) && value > 0 && rng.chance(0.5)) {
    return `${text}（其中修订${rng.int(0, value)}件）`;
  }
  return `${text}${rng.pick(["件", "项", "个"])}`;
}

/** Reprints some of section 二's value cells with units (in place). Money in 元 keeps every digit of its 万元 value. */
export function printUnits(rng: Rng, tables: Table[]): void {
  for (const table of tables.filter((t) => t.section === "二")) {
    for (const cell of table.rows.flatMap((r) => r.cells)) {
      if (!cell.path || cell.text === "" || !rng.chance(0.7)) continue;
      cell.text = withUnit(rng, cell.path, cell.text);
    }
  }
}
