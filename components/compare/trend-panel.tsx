import Link from "next/link";
import { LineChart } from "@/components/charts/line-chart";
import type { SeriesPoint } from "@/lib/db/compare";
import { FIGURE_META, type FigureKey } from "@/lib/figures/figures";
import { ChartDownloadButtons } from "@/components/charts/chart-download-buttons";
import { toTrendData } from "@/lib/view/to-trend-data";
import { toViewHref, type ViewParams } from "@/lib/view/view-href";

type TrendPanelProps = {
  figure: FigureKey;
  points: SeriesPoint[];
  /** chosen agencies in the order they were picked, with names */
  picked: { id: number; name: string }[];
  view: ViewParams;
};

/** 2020–2025 (or one year) from the years on the chart. */
function toYearSpan(years: number[]): string {
  const known = years.filter((y) => Number.isFinite(y));
  if (known.length === 0) return "—";
  const [first, last] = [Math.min(...known), Math.max(...known)];
  return first === last ? `${first} 年` : `${first}–${last} 年`;
}

/** The chosen agencies (up to ten) side by side across years, with links to drop each one. */
export function TrendPanel({ figure, points, picked, view }: TrendPanelProps) {
  const meta = FIGURE_META[figure];
  const order = picked.map((p) => p.id);
  const { data, categories } = toTrendData(points, order);
  const valueKind = meta.isRate ? "percent" : meta.unit === "万元" ? "wanYuan" : "count";
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 p-4" aria-labelledby="trend-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="trend-heading" className="text-base font-semibold">
          历年对比（已选 {picked.length} 个，最多 10 个）
        </h2>
        {picked.length > 0 ? (
          <ChartDownloadButtons
            targetId="trend-chart"
            fileBase={`历年对比_${meta.label}`}
            info={{
              title: `${meta.label}历年对比`,
              details: [
                `机关：${picked.map((p) => p.name).join("、")}`,
                `年度：${toYearSpan(data.map((d) => Number(d.year)))}`,
                `单位：${meta.unit}`,
                "各年取最新版本的报告",
              ],
            }}
          />
        ) : null}
      </div>
      {picked.length === 0 ? (
        <p className="text-sm text-slate-600">在表格中点“加入”，即可把机关放在一起看历年变化。</p>
      ) : (
        <>
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="已选机关">
            {picked.map((p) => (
              <li key={p.id} className="flex items-center gap-1 rounded bg-amber-50 px-2 py-0.5 ring-1 ring-amber-200">
                {p.name}
                <Link
                  href={toViewHref("/compare", view, { agencies: order.filter((id) => id !== p.id) })}
                  aria-label={`移出对比：${p.name}`}
                  className="text-slate-500 hover:text-red-700"
                >
                  ×
                </Link>
              </li>
            ))}
          </ul>
          <div id="trend-chart">
            <LineChart
              title={`${meta.label}历年对比`}
              data={data}
              index="year"
              indexLabel="年度"
              categories={categories}
              valueKind={valueKind}
              testId="trend-chart"
            />
          </div>
        </>
      )}
    </section>
  );
}
