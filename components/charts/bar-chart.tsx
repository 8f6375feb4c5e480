"use client";

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { useIsClient } from "./use-is-client";
import { colorAt } from "./chart-colors";
import type { ChartProps } from "@/lib/view/chart-types";
import { formatChartValue } from "./format-value";

type BarChartProps = ChartProps & {
  /** horizontal bars (long category labels such as 不予公开 reasons read better this way) */
  layout?: "vertical" | "horizontal";
  stacked?: boolean;
};

/** A recharts bar chart with an accessible name and a table view of the same numbers. */
export function BarChart({ layout = "horizontal", stacked = false, ...props }: BarChartProps) {
  const { data, index, categories, valueKind = "count", height = 260 } = props;
  const isVertical = layout === "vertical";
  const format = (v: unknown) => formatChartValue(v, valueKind);
  // the server renders the drawing's box only (ChartFrame keeps its height); recharts draws in the browser
  const drawing = useIsClient() ? (
    <ResponsiveContainer width="100%" height={height}>
      <RechartsBarChart
        data={data}
        layout={isVertical ? "vertical" : "horizontal"}
        accessibilityLayer={false}
        margin={{ left: 8, right: 16 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        {isVertical ? (
          <>
            <XAxis type="number" tickFormatter={format} fontSize={12} allowDecimals={false} />
            <YAxis type="category" dataKey={index} width={112} fontSize={12} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey={index} fontSize={12} />
            <YAxis tickFormatter={format} fontSize={12} width={56} allowDecimals={false} />
          </>
        )}
        <Tooltip formatter={(v) => format(v)} />
        {categories.map((c, i) => (
          <Bar
            key={c.key}
            dataKey={c.key}
            name={c.label}
            fill={colorAt(i).hex}
            stackId={stacked ? "s" : undefined}
            isAnimationActive={false}
          />
        ))}
      </RechartsBarChart>
    </ResponsiveContainer>
  ) : null;
  return <ChartFrame {...props} drawing={drawing} />;
}
