import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { MAX_COMPARED_AGENCIES } from "@/lib/http/params";
import type { CompareRow } from "@/lib/db/compare";
import { FIGURE_META, type FigureKey } from "@/lib/figures/figures";
import { FigureValue } from "./figure-value";
import { RegionPath } from "@/components/ui/region-path";
import { toViewHref, type ViewParams } from "@/lib/view/view-href";

type CompareTableProps = {
  figure: FigureKey;
  rows: CompareRow[];
  /** the view's parameters (for sort and pick links) */
  view: ViewParams & { sort: "value" | "name"; dir: "desc" | "asc" };
  selectedIds: number[];
};

function SortLink({ view, sort, children }: { view: CompareTableProps["view"]; sort: "value" | "name"; children: string }) {
  const isActive = view.sort === sort;
  const nextDir = isActive && view.dir === "desc" ? "asc" : isActive ? "desc" : sort === "name" ? "asc" : "desc";
  const arrow = isActive ? (view.dir === "desc" ? " ↓" : " ↑") : "";
  return (
    <Link href={toViewHref("/compare", view, { sort, dir: nextDir, page: 1 })} className="text-sky-800 hover:underline">
      {children}
      {arrow}
    </Link>
  );
}

/** The sortable table beside the chart: every agency of the page with its value, and a link to add it to (or drop it from) the trend chart. */
export function CompareTable({ figure, rows, view, selectedIds }: CompareTableProps) {
  const meta = FIGURE_META[figure];
  const isFull = selectedIds.length >= MAX_COMPARED_AGENCIES;
  const ariaSort = (sort: "value" | "name") => (view.sort === sort ? (view.dir === "desc" ? "descending" : "ascending") : undefined);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="compare-table">
        <caption className="sr-only">{meta.label}，逐个机关</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">
              名次
            </th>
            <th scope="col" className="py-2 pr-3 font-medium" aria-sort={ariaSort("name")}>
              <SortLink view={view} sort="name">
                机关
              </SortLink>
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium" aria-sort={ariaSort("value")}>
              <SortLink view={view} sort="value">{`${meta.label}（${meta.unit}）`}</SortLink>
            </th>
            <th scope="col" className="py-2 font-medium">
              对比
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const isSelected = selectedIds.includes(r.agencyId);
            const next = isSelected ? selectedIds.filter((id) => id !== r.agencyId) : [...selectedIds, r.agencyId];
            return (
              <tr key={r.reportId} className={`border-b border-slate-100 ${isSelected ? "bg-amber-50" : ""}`}>
                <td className="py-1.5 pr-3 tabular-nums">{r.rank ?? "—"}</td>
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <Link href={`/agencies/${r.agencyId}`} className="text-sky-800 hover:underline">
                    {r.agencyName}
                  </Link>
                  {r.identitiesOk ? null : (
                    <span className="ml-1">
                      <Badge tone="error">勾稽关系不符</Badge>
                    </span>
                  )}
                  <RegionPath code={r.regionCode} />
                </th>
                <td className="py-1.5 pr-3 text-right">
                  <FigureValue
                    figure={figure}
                    value={r.value}
                    numerator={r.numerator}
                    denominator={r.denominator}
                    isSmallSample={r.isSmallSample}
                  />
                </td>
                <td className="py-1.5">
                  {isSelected || !isFull ? (
                    <Link
                      href={toViewHref("/compare", view, { agencies: next })}
                      scroll={false}
                      className="text-xs text-sky-800 hover:underline"
                      aria-label={`${isSelected ? "移出对比" : "加入对比"}：${r.agencyName}`}
                    >
                      {isSelected ? "移出" : "加入"}
                    </Link>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
