/** The region comparison as a table: rank, region (drill down), figure with its counts, where it comes from, coverage. */
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { RegionComparisonRow } from "@/lib/db/region-compare";
import { formatNumber } from "@/lib/format";
import { formatRegionValue } from "./tile-map";

type Props = {
  rows: RegionComparisonRow[];
  unit: "件" | "%" | "万元";
  label: string;
  /** the drill-down link of a region (its children's comparison), or null when it has none to compare */
  drillHref: (row: RegionComparisonRow) => string | null;
};

export function RegionComparisonTable({ rows, unit, label, drillHref }: Props) {
  return (
    <ScrollTable label={`各地区${label}`}>
      <table className="w-full border-collapse text-sm" data-testid="region-comparison-table">
        <caption className="sr-only">各地区{label}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">
              名次
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              地区
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {label}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              数据来源
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              收录（政府）
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const drill = drillHref(r);
            return (
              <tr key={r.code} className="border-b border-slate-100" data-testid="region-row" data-code={r.code}>
                <td className="py-2 pr-3 tabular-nums">{r.rank ?? "—"}</td>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  {drill ? (
                    <Link href={drill} className="text-sky-800 underline">
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  )}
                </th>
                <td className="py-2 pr-3 text-right">
                  <span className="inline-flex flex-wrap items-baseline justify-end gap-1">
                    <span className="tabular-nums">{formatRegionValue(r, unit)}</span>
                    {unit === "%" && r.numerator !== null && r.denominator !== null && r.denominator > 0 ? (
                      <span className="text-xs text-slate-600 tabular-nums">
                        （{formatNumber(r.numerator)}/{formatNumber(r.denominator)}）
                      </span>
                    ) : null}
                    {r.isSmallSample ? <Badge tone="warn">样本较小</Badge> : null}
                  </span>
                </td>
                <td className="py-2 pr-3">
                  {r.source === "summary" && r.summary ? (
                    <>
                      <Badge tone="info">汇总报告</Badge>{" "}
                      <Link href={`/agencies/${r.summary.agencyId}`} className="text-sky-800 underline">
                        {r.summary.agencyName}
                      </Link>
                    </>
                  ) : r.source === "sum" ? (
                    <span>合计（{r.reports} 个机关）</span>
                  ) : (
                    <span className="text-slate-600">无数据</span>
                  )}
                </td>
                <td className="py-2 pr-3 tabular-nums">
                  <Link
                    href={`/regions/${r.code}`}
                    className="text-sky-800 underline"
                    aria-label={`${r.name}收录情况：收录 ${r.coverage.collected} / ${r.coverage.expected} 个政府`}
                  >
                    {r.coverage.collected} / {r.coverage.expected}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
