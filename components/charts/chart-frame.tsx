import type { ReactNode } from "react";
import { ChartTable } from "./chart-table";
import type { ChartProps } from "@/lib/view/chart-types";
import { colorAt } from "./chart-colors";

/**
 * Frame of every chart: a figure with the chart's name, the drawing (an image with an accessible
 * name), a legend, and a table view of the same numbers that is in the server-rendered HTML.
 */
export function ChartFrame({ drawing, ...props }: ChartProps & { drawing: ReactNode }) {
  const { title, categories, height = 260, testId } = props;
  return (
    <figure className="flex flex-col gap-2" data-testid={testId}>
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <div role="img" aria-label={`${title}（图表，数据见下方表格）`} style={{ height }} className="w-full">
        {drawing}
      </div>
      {categories.length > 1 ? (
        <ul className="flex flex-wrap gap-3 text-xs text-slate-600" aria-hidden="true">
          {categories.map((c, i) => (
            <li key={c.key} className="flex items-center gap-1">
              <span className={`inline-block h-2.5 w-2.5 rounded-sm ${colorAt(i).swatch}`} />
              {c.label}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-sky-800">表格视图</summary>
        <div className="mt-2">
          <ChartTable {...props} />
        </div>
      </details>
    </figure>
  );
}
