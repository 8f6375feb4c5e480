/**
 * The region page's figure columns (申请量、办结量、不掌握信息率、公开率), one definition for both of its tables: each
 * agency's latest year and the region's years. Values come stored or summed from lib/db; nothing is computed here.
 */
import { Badge } from "@/components/ui/badge";
import { getFigure, type Rate } from "@/lib/figures/figures";
import { REGION_PAGE_FIGURE_KEYS, type RegionPageFigures } from "@/lib/figures/region-figures";
import { formatCount, toRateDisplay } from "@/lib/format";
import type { Num } from "@/lib/report/types";

/** The header cells of the figure columns. */
export function RegionFigureHeaders() {
  return REGION_PAGE_FIGURE_KEYS.map((key) => (
    <th key={key} scope="col" className="py-2 pr-3 text-right font-medium">
      {getFigure(key).label}
    </th>
  ));
}

/** The figure cells of one row (a rate with its counts when the sample is small); — for rates when the row has none. */
export function RegionFigureCells({ figures }: { figures: RegionPageFigures | undefined }) {
  return REGION_PAGE_FIGURE_KEYS.map((key) =>
    getFigure(key).unit === "%" ? (
      <td key={key} className="py-2 pr-3 text-right">
        {figures ? <RateCell rate={figures[key] as Rate} /> : "—"}
      </td>
    ) : (
      <td key={key} className="py-2 pr-3 text-right tabular-nums">
        {formatCount((figures?.[key] as Num | undefined) ?? null)}
      </td>
    ),
  );
}

/** A rate with its counts when the sample is small (2/4 · 样本较小). */
function RateCell({ rate }: { rate: Rate }) {
  const d = toRateDisplay(rate);
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-1 tabular-nums">
      <span>{d.text}</span>
      {d.isSmall && d.counts ? (
        <>
          <span className="text-slate-600">（{d.counts}）</span>
          <Badge tone="warn">样本较小</Badge>
        </>
      ) : null}
    </span>
  );
}
