"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatByUnit } from "@/lib/format";

/** One bar: an agency and its value (already sorted, highest first). */
export type RankedBar = { id: number; name: string; value: number };

type RankedBarChartProps = {
  /** accessible name; the table beside the chart holds the same numbers */
  title: string;
  bars: RankedBar[];
  /** how many agencies state the figure: more than `bars` when the chart shows an even sample of them by rank */
  stated?: number;
  unit: "件" | "%" | "万元";
  /** agencies picked for the trend chart, drawn in another colour */
  selectedIds: number[];
  id: string;
};

/** Up to this many bars get their names written on the axis; beyond it the chart shows the distribution, names in the tooltip. */
const MAX_LABELLED_BARS = 40;

/** A ranked bar chart of every agency in scope: labelled horizontal bars for a few, thin columns for many. */
export function RankedBarChart({ title, bars, stated, unit, selectedIds, id }: RankedBarChartProps) {
  const isLabelled = bars.length <= MAX_LABELLED_BARS;
  const format = (v: unknown): string => formatByUnit(typeof v === "number" ? v : null, unit);
  const height = isLabelled ? Math.max(160, bars.length * 26 + 40) : 320;
  const selected = new Set(selectedIds);
  return (
    <figure id={id} data-testid="ranked-bar-chart" className="flex flex-col gap-2">
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <div role="img" aria-label={`${title}（柱状图，数据见旁边的表格）`} style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={bars} layout={isLabelled ? "vertical" : "horizontal"} accessibilityLayer={false} margin={{ left: 8, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            {isLabelled ? (
              <>
                <XAxis type="number" tickFormatter={format} fontSize={12} />
                <YAxis type="category" dataKey="name" width={150} fontSize={12} interval={0} />
              </>
            ) : (
              <>
                <XAxis dataKey="name" tick={false} height={8} />
                <YAxis tickFormatter={format} fontSize={12} width={64} />
              </>
            )}
            <Tooltip formatter={(v) => format(v)} />
            <Bar dataKey="value" name="数值" isAnimationActive={false}>
              {bars.map((b) => (
                <Cell key={b.id} fill={selected.has(b.id) ? "#b45309" : "#0369a1"} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {isLabelled ? null : (
        <p className="text-xs text-slate-500">
          共 {stated ?? bars.length} 个机关，从高到低排列
          {stated !== undefined && stated > bars.length ? `（图中按名次均匀抽取 ${bars.length} 个）` : ""}
          ；将鼠标移到柱上可看机关名称，具体数字见表格。
        </p>
      )}
    </figure>
  );
}
