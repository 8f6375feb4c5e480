/**
 * The region page's figure cells (申请量、办结量、不掌握信息率、公开率) and its agency list's rows as HTML strings: the
 * list is 50 agencies × 6 cells, and as React elements (each rate a few nested spans, each small sample a badge) it
 * was the largest part of the region page's server time after the framework's own, and, sent once as HTML and again in
 * the page's RSC payload, of its bytes. Every text and attribute is escaped. The markup is the one the React
 * components gave (components/region/region-figure-cells, region-agency-table), which place these strings. Pure.
 */
import { getFigure, type Rate } from "@/lib/figures/figures";
import { REGION_PAGE_FIGURE_KEYS, type RegionPageFigureKey, type RegionPageFigures } from "@/lib/figures/region-figures";
import { formatCount, toRateDisplay } from "@/lib/format";
import type { Num } from "@/lib/report/types";
import { badgeClassName } from "./badge-tones";
import { escapeHtml } from "./to-source-html";

/** One figure cell: the `<td>`'s class and its inner HTML (— for a rate when there are no figures). */
export function toRegionFigureCell(key: RegionPageFigureKey, figures: RegionPageFigures | undefined): { className: string; html: string } {
  if (getFigure(key).unit !== "%") {
    return { className: "py-2 pr-3 text-right tabular-nums", html: escapeHtml(formatCount((figures?.[key] as Num | undefined) ?? null)) };
  }
  return { className: "py-2 pr-3 text-right", html: figures ? toRateHtml(figures[key] as Rate) : "—" };
}

/** A rate with its counts when the sample is small (2/4 · 样本较小). */
function toRateHtml(rate: Rate): string {
  const d = toRateDisplay(rate);
  const small =
    d.isSmall && d.counts
      ? `<span class="text-slate-600">（${escapeHtml(d.counts)}）</span><span class="${badgeClassName("warn")}">样本较小</span>`
      : "";
  return `<span class="inline-flex flex-wrap items-center justify-end gap-1 tabular-nums"><span>${escapeHtml(d.text)}</span>${small}</span>`;
}

/** One agency of the list: its latest year's report (undefined: none). */
export type RegionAgencyRowView = {
  id: number;
  name: string;
  latest: { year: number; identitiesOk: boolean; figures: RegionPageFigures } | undefined;
};

/**
 * The `<tr>` of every agency, in the given order: its name linking to its page (勾稽未通过 when its latest report
 * failed an identity check), its latest year, and that year's figure cells.
 */
export function toRegionAgencyRowsHtml(agencies: RegionAgencyRowView[]): string {
  return agencies
    .map(({ id, name, latest }) => {
      const failed =
        latest && !latest.identitiesOk ? `<span class="ml-2"><span class="${badgeClassName("warn")}">勾稽未通过</span></span>` : "";
      const cells = REGION_PAGE_FIGURE_KEYS.map((key) => {
        const cell = toRegionFigureCell(key, latest?.figures);
        return `<td class="${cell.className}">${cell.html}</td>`;
      });
      return (
        `<tr class="border-b border-slate-100 align-top"><th scope="row" class="py-2 pr-3 text-left font-normal">` +
        `<a href="/agencies/${id}" class="text-sky-800 underline">${escapeHtml(name)}</a>${failed}</th>` +
        `<td class="py-2 pr-3 tabular-nums">${latest?.year ?? "—"}</td>${cells.join("")}</tr>`
      );
    })
    .join("");
}
