/**
 * 全国地图（省级方块图）: the 34 provincial units as a fixed grid of squares, coloured by the chosen figure with a
 * d3 quantize scale over a ColorBrewer scheme (d3-scale-chromatic), with a legend and each tile's coverage. Every tile
 * with data is a link to that province's comparison of its prefectures, so it works by keyboard (Tab, Enter) and
 * without JavaScript. The table under it holds the same numbers (the map's text alternative).
 */
import Link from "next/link";
import { scaleQuantize } from "d3-scale";
import { schemeBlues } from "d3-scale-chromatic";
import type { RegionComparisonRow } from "@/lib/db/region-compare";
import { formatByUnit, formatRateValue } from "@/lib/format";
import { GRID_COLS, GRID_ROWS, PROVINCE_TILES } from "./tile-grid";

type TileMapProps = {
  rows: RegionComparisonRow[];
  unit: "件" | "%" | "万元";
  label: string;
  /** the comparison link of a province (keeps figure and year) */
  hrefOf: (code: string) => string;
};

const BINS = 5;
const COLORS = schemeBlues[BINS] as readonly string[];
/** the two darkest bins carry white text (contrast) */
const DARK_FROM = 3;

export function formatRegionValue(row: Pick<RegionComparisonRow, "value" | "denominator">, unit: "件" | "%" | "万元"): string {
  if (unit === "%") return formatRateValue(row.value, row.denominator);
  return row.value === null ? "无数据" : formatByUnit(row.value, unit);
}

export function TileMap({ rows, unit, label, hrefOf }: TileMapProps) {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const max = values.length > 0 ? Math.max(...values) : 1;
  const min = values.length > 0 ? Math.min(...values) : 0;
  const scale = scaleQuantize<number>()
    .domain([min, max === min ? min + 1 : max])
    .range([0, 1, 2, 3, 4]);
  // one distinct value: one swatch, not five empty ranges
  const legend =
    values.length === 0
      ? []
      : min === max
        ? [{ bin: scale(min), from: min, to: max }]
        : scale.range().map((bin) => {
            const [from, to] = scale.invertExtent(bin);
            return { bin, from, to };
          });
  return (
    <figure className="flex flex-col gap-3" data-testid="tile-map">
      <figcaption className="text-sm font-medium text-slate-700">
        各省（区、市）{label}（方块图：按数值分 {BINS} 档着色；点击方块查看其下级地区）
      </figcaption>
      <ul
        className="grid w-full max-w-2xl gap-1"
        style={{ gridTemplateColumns: `repeat(${GRID_COLS}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${GRID_ROWS}, auto)` }}
        aria-label={`各省（区、市）${label}方块图`}
      >
        {PROVINCE_TILES.map((t) => {
          const row = byCode.get(t.code);
          const style = { gridRow: t.row + 1, gridColumn: t.col + 1 };
          if (!row) {
            return (
              <li
                key={t.code}
                style={style}
                className="flex aspect-square flex-col items-center justify-center rounded border border-dashed border-slate-300 bg-slate-50 p-0.5 text-center text-[10px] leading-tight text-slate-600 sm:text-xs"
                title={`${t.short}：不在本库的行政区划范围内，无数据`}
              >
                <span className="font-medium">{t.short}</span>
                <span className="hidden sm:block">不在范围</span>
              </li>
            );
          }
          const bin = row.value === null ? null : scale(row.value);
          const dark = bin !== null && bin >= DARK_FROM;
          const text = formatRegionValue(row, unit);
          const source = row.source === "summary" ? "汇总报告" : row.source === "sum" ? `合计（${row.reports} 个机关）` : "无数据";
          const name = `${row.name}：${label} ${text}，${source}，收录 ${row.coverage.collected} / ${row.coverage.expected} 个政府`;
          return (
            <li key={t.code} style={style}>
              <Link
                href={hrefOf(t.code)}
                aria-label={name}
                title={name}
                data-testid={`tile-${t.code}`}
                className={`flex aspect-square flex-col items-center justify-center rounded p-0.5 text-center text-[10px] leading-tight outline-offset-2 hover:ring-2 hover:ring-amber-500 focus-visible:outline-3 focus-visible:outline-amber-600 sm:text-xs ${
                  bin === null ? "border border-slate-300 bg-white text-slate-700" : dark ? "text-white" : "text-slate-900"
                }`}
                style={bin === null ? undefined : { backgroundColor: COLORS[bin] }}
              >
                <span className="font-medium">{t.short}</span>
                <span className="hidden tabular-nums sm:block">{row.value === null ? "—" : text.replace(/ 件$/, "")}</span>
                <span className="hidden tabular-nums sm:block opacity-90">
                  {row.coverage.collected}/{row.coverage.expected}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700" data-testid="tile-legend" aria-label="图例">
        <span>图例：</span>
        {legend.map(({ bin, from, to }) => (
          <span key={bin} className="inline-flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-5 rounded-sm border border-slate-300"
              style={{ backgroundColor: COLORS[bin] }}
            />
            {from === to ? fmtEdge(from, unit) : `${fmtEdge(from, unit)}–${fmtEdge(to, unit)}`}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm border border-slate-300 bg-white" />
          无数据
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm border border-dashed border-slate-300 bg-slate-50" />
          不在范围（台湾、香港、澳门）
        </span>
        <span>方块下方数字：收录 / 应发布的政府数</span>
      </div>
    </figure>
  );
}

function fmtEdge(v: number | undefined, unit: "件" | "%" | "万元"): string {
  if (v === undefined || !Number.isFinite(v)) return "—";
  if (unit === "%") return `${(v * 100).toFixed(1)}%`;
  return Math.round(v).toLocaleString("zh-CN");
}
