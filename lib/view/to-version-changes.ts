/**
 * What changed between two stored versions of one year's report (版本之间的变化): every registry figure (lib/figures)
 * whose value differs, old → new, formatted as the page shows it, plus the change in failed checks. Pure.
 */
import { FIGURES, type AnyFigureKey, type FigureDefinition, type Figures } from "../figures/figures";
import { formatCount, formatWanYuan, toRateDisplay } from "../format";

/** One changed figure: its Chinese label and the value before and after (as displayed: "72 件", "45.5%（30/66）"). */
export type FigureChange = { key: string; label: string; from: string; to: string };

/** The displayed text of one figure: counts and amounts with their unit, rates with the counts they rest on. */
function display(def: FigureDefinition, v: Figures[AnyFigureKey]): string {
  if (v !== null && typeof v === "object") {
    const d = toRateDisplay(v);
    return d.counts ? `${d.text}（${d.counts}）` : d.text;
  }
  return def.unit === "万元" ? formatWanYuan(v) : formatCount(v);
}

/** The figures that differ from `older` to `newer`, in registry order; empty when every figure is the same. */
export function toVersionChanges(older: Figures, newer: Figures): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const def of FIGURES as readonly FigureDefinition[]) {
    const key = def.key as AnyFigureKey;
    const from = display(def, older[key]);
    const to = display(def, newer[key]);
    if (from !== to) changes.push({ key, label: def.label, from, to });
  }
  return changes;
}

/** "勾稽关系未通过 2 项 → 0 项" when the count of failed checks moved, else null. */
export function describeCheckChange(older: { errorCount: number }, newer: { errorCount: number }): string | null {
  if (older.errorCount === newer.errorCount) return null;
  return `数据质量错误 ${older.errorCount} 项 → ${newer.errorCount} 项`;
}
