"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDownloadButtons } from "@/components/charts/chart-download-buttons";
import type { ChartExportInfo } from "@/components/charts/chart-export";
import { formatByUnit } from "@/lib/format";
import { toBarView, type DrawnBar, type RankedBarInput } from "@/lib/view/to-bar-view";
import { AxisNameTick, toAxisNameLines } from "./axis-name-tick";

/** One bar: an agency and its value (already sorted, highest first). */
export type RankedBar = RankedBarInput;

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
  /** PNG/SVG export: file name (without extension) and the words the image carries */
  exportAs?: { fileBase: string; info: ChartExportInfo };
};

/** The default view shows this many bars with their names; the rest are summarised in a sentence. */
const TOP_N = 20;
/** Up to this many bars get their names written on the axis; beyond it the chart shows the distribution, names in the tooltip. */
const MAX_LABELLED_BARS = 40;
/** Width of the name axis: about 11 characters a line at 12 px, up to three lines. */
const NAME_AXIS_WIDTH = 136;

type Row = DrawnBar & { marker?: string };

/**
 * A ranked bar chart of every agency (or region) in scope. Many bars: the first TOP_N with their names and the rest
 * summarised, or all of them as thin columns (names by tooltip: pointer, touch, or the arrow keys once focused).
 * An outlier far above the rest is drawn clipped at the axis end with its real value written on it.
 */
export function RankedBarChart({ title, bars, stated, unit, selectedIds, id, exportAs }: RankedBarChartProps) {
  const hasMany = bars.length > TOP_N;
  const [showAll, setShowAll] = useState(false);
  const total = stated ?? bars.length;
  const view = toBarView(bars, hasMany && !showAll ? TOP_N : null, total);
  const isLabelled = view.bars.length <= MAX_LABELLED_BARS;
  const format = (v: unknown): string => formatByUnit(typeof v === "number" ? v : null, unit);
  const rows: Row[] = view.bars.map((b) => (b.isClipped ? { ...b, marker: `≫ ${format(b.value)}` } : b));
  const lines = Math.max(1, ...rows.map((r) => toAxisNameLines(r.name).length));
  const rowHeight = Math.max(26, lines * 14 + 8);
  const height = isLabelled ? Math.max(160, rows.length * rowHeight + 40) : 320;
  const selected = new Set(selectedIds);
  const clipped = view.bars.filter((b) => b.isClipped);
  const tooltip = (
    <Tooltip
      formatter={(_v, _n, item) => format((item?.payload as Row | undefined)?.value)}
      labelFormatter={(label, payload) => (payload?.[0]?.payload as Row | undefined)?.name ?? String(label)}
    />
  );
  const chart = (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={rows}
        layout={isLabelled ? "vertical" : "horizontal"}
        accessibilityLayer={!isLabelled}
        title={isLabelled ? undefined : `${title}：按方向键逐个查看机关名称和数值`}
        margin={{ top: 12, left: 8, right: 24, bottom: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        {isLabelled ? (
          <>
            <XAxis type="number" tickFormatter={format} fontSize={12} domain={[0, view.clipAt ?? "auto"]} />
            <YAxis type="category" dataKey="name" width={NAME_AXIS_WIDTH} interval={0} tick={AxisNameTick} />
          </>
        ) : (
          <>
            <XAxis dataKey="name" tick={false} height={8} />
            <YAxis tickFormatter={format} fontSize={12} width={64} domain={[0, view.clipAt ?? "auto"]} />
          </>
        )}
        {tooltip}
        <Bar dataKey="drawn" name="数值" isAnimationActive={false}>
          {rows.map((b) => (
            <Cell key={b.id} fill={selected.has(b.id) ? "#b45309" : b.isClipped ? "#075985" : "#0369a1"} />
          ))}
          {isLabelled && clipped.length > 0 ? <LabelList dataKey="marker" position="insideRight" fill="#ffffff" fontSize={12} /> : null}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
  return (
    <figure id={id} data-testid="ranked-bar-chart" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
        {exportAs ? (
          <ChartDownloadButtons targetId={id} fileBase={exportAs.fileBase} info={{ ...exportAs.info, notes: toNoteLines(view, format) }} />
        ) : null}
      </div>
      {hasMany ? (
        <div className="flex flex-wrap gap-2 text-sm" role="group" aria-label="柱状图显示范围">
          <button type="button" aria-pressed={!showAll} onClick={() => setShowAll(false)} className={toggleClass(!showAll)}>
            前 {TOP_N} 名
          </button>
          <button type="button" aria-pressed={showAll} onClick={() => setShowAll(true)} className={toggleClass(showAll)}>
            全部 {total} 个
          </button>
        </div>
      ) : null}
      {isLabelled ? (
        <div role="img" aria-label={`${title}（柱状图，数据见表格）`} style={{ height }} className="w-full">
          {chart}
        </div>
      ) : (
        <div style={{ height }} className="w-full" data-testid="ranked-bar-distribution">
          {chart}
        </div>
      )}
      <RankedBarNotes view={view} bars={bars} stated={stated} isLabelled={isLabelled} format={format} />
    </figure>
  );
}

function toggleClass(isOn: boolean): string {
  return `rounded border px-2 py-0.5 ${isOn ? "border-sky-700 bg-sky-700 text-white" : "border-slate-300 text-sky-800 hover:bg-slate-50"}`;
}

type NotesProps = {
  view: ReturnType<typeof toBarView>;
  bars: RankedBar[];
  stated?: number;
  isLabelled: boolean;
  format: (v: unknown) => string;
};

/** The clipped-outlier and rest sentences in words, as the exported image prints them under the chart. */
function toNoteLines(view: ReturnType<typeof toBarView>, format: (v: unknown) => string): string[] {
  const clipped = view.bars.filter((b) => b.isClipped);
  const notes: string[] = [];
  if (clipped.length > 0) {
    notes.push(`${clipped.map((b) => `${b.name}（${format(b.value)}）`).join("、")}远高于其他，柱子在刻度末端截断（标 ≫ 及实际数值）。`);
  }
  if (view.rest) {
    const median = view.rest.median === null ? "" : `，中位数 ${format(view.rest.median)}`;
    notes.push(`其余 ${view.rest.count} 个未画出：最高 ${format(view.rest.max)}${median}，最低 ${format(view.rest.min)}。`);
  }
  return notes;
}

/** The sentences under the chart: clipped outliers, the bars not drawn, how to read names. */
function RankedBarNotes({ view, bars, stated, isLabelled, format }: NotesProps) {
  const clipped = view.bars.filter((b) => b.isClipped);
  const total = stated ?? bars.length;
  return (
    <div className="space-y-1 text-xs text-slate-600" data-testid="ranked-bar-notes">
      {clipped.length > 0 ? (
        <p data-testid="clipped-note">
          {clipped.map((b) => `${b.name}（${format(b.value)}）`).join("、")}
          远高于其他{clipped.length > 1 ? "各项" : "项"}，柱子在刻度末端截断（标 ≫ 及实际数值），以免把其余柱子压扁。
        </p>
      ) : null}
      {view.rest ? (
        <p data-testid="rest-summary">
          其余 {view.rest.count} 个未画出：最高 {format(view.rest.max)}
          {view.rest.median === null ? "" : `，中位数 ${format(view.rest.median)}`}，最低 {format(view.rest.min)}；完整名单见表格或下载
          CSV。
        </p>
      ) : null}
      {isLabelled ? null : (
        <p>
          共 {total} 个，从高到低排列
          {stated !== undefined && stated > bars.length ? `（图中画出其中 ${bars.length} 个：排在最前的全部画出，其余按名次均匀抽取）` : ""}
          ；点按或将鼠标移到柱上可看名称，也可用 Tab 键选中图表后按方向键逐个查看；具体数字见表格。
        </p>
      )}
    </div>
  );
}
