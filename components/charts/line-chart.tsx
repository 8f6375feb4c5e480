"use client";

import { CartesianGrid, Line, LineChart as RechartsLineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { useIsClient } from "./use-is-client";
import { colorAt } from "./chart-colors";
import type { ChartProps } from "@/lib/view/chart-types";
import { formatChartValue } from "./format-value";

/** A recharts line chart (trends across years) with an accessible name and a table view. Null values leave gaps. */
export function LineChart(props: ChartProps) {
  const { data, index, categories, valueKind = "count", height = 260 } = props;
  const format = (v: unknown) => formatChartValue(v, valueKind);
  // the server renders the drawing's box only (ChartFrame keeps its height); recharts draws in the browser
  const drawing = useIsClient() ? (
    <ResponsiveContainer width="100%" height={height}>
      <RechartsLineChart data={data} accessibilityLayer={false} margin={{ left: 8, right: 16, top: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey={index} fontSize={12} />
        <YAxis tickFormatter={format} fontSize={12} width={56} allowDecimals={valueKind !== "count"} />
        <Tooltip formatter={(v) => format(v)} />
        {categories.map((c, i) => (
          <Line
            key={c.key}
            dataKey={c.key}
            name={c.label}
            stroke={colorAt(i).hex}
            strokeWidth={2}
            dot
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </RechartsLineChart>
    </ResponsiveContainer>
  ) : null;
  return <ChartFrame {...props} drawing={drawing} />;
}
