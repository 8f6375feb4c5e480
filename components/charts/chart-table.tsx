import type { ChartProps } from "@/lib/view/chart-types";
import { formatChartValue } from "./format-value";

/** The same numbers as a chart, as a table (server-renderable; also the chart's text alternative). */
export function ChartTable({ title, data, index, indexLabel, categories, valueKind = "count" }: ChartProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">{title}（数据表）</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-1 pr-4 font-medium">
              {indexLabel}
            </th>
            {categories.map((c) => (
              <th key={c.key} scope="col" className="py-1 pr-4 text-right font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row, i) => (
            <tr key={`${String(row[index])}-${i}`} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-4 text-left font-normal">
                {String(row[index] ?? "")}
              </th>
              {categories.map((c) => (
                <td key={c.key} className="py-1 pr-4 text-right tabular-nums">
                  {formatChartValue(row[c.key], valueKind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
