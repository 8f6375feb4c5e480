import { formatNumber, formatPercent, formatWanYuan } from "@/lib/format";
import type { ValueKind } from "@/lib/view/chart-types";

/** Writes a chart value in its kind; null and undefined follow lib/format (未填报 / —). */
export function formatChartValue(value: unknown, kind: ValueKind): string {
  const v = typeof value === "number" ? value : null;
  if (kind === "percent") return formatPercent(v);
  if (kind === "wanYuan") return formatWanYuan(v);
  return formatNumber(v);
}
