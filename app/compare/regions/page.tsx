import type { Metadata } from "next";
import { toOpenGraph } from "@/lib/site";
import Link from "next/link";
import { DownloadLinks } from "@/components/compare/download-links";
import { FigureSelect, FILTER_SELECT_CLASS, FilterField, FilterForm, YearSelect } from "@/components/compare/filter-form";
import { ParamError } from "@/components/compare/param-error";
import { RankedBarChart } from "@/components/compare/ranked-bar-chart";
import { RegionComparisonTable } from "@/components/regions-compare/region-comparison-table";
import { TileMap } from "@/components/regions-compare/tile-map";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { getRegionComparison, type RegionComparisonRow } from "@/lib/db/region-compare";
import { AppError } from "@/lib/errors";
import { FIGURE_META } from "@/lib/figures/figures";
import { REGION_FIGURE_KEYS } from "@/lib/figures/region-figures";
import { parseParams, regionCompareQuerySchema, type RegionCompareParams } from "@/lib/http/params";
import { resolveYear } from "@/lib/http/resolve-query";
import { getRegion, getRegionChain, listChildRegionsOf, type RegionLevel } from "@/lib/regions/gazetteer";
import { CHILD_LEVEL_NAMES } from "@/lib/regions/region-words";
import { toViewHref, type ViewParams } from "@/lib/view/view-href";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "地区比较",
  description: "各省、某省的各地市或某地市的各县区放在一起比较申请量、公开率等数据；有汇总报告取汇总报告，否则为本机关报告之和。",
  openGraph: toOpenGraph(
    "地区比较",
    "各省、某省的各地市或某地市的各县区放在一起比较申请量、公开率等数据；有汇总报告取汇总报告，否则为本机关报告之和。",
  ),
};

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function childLevelOf(level: RegionLevel | undefined): RegionLevel {
  return level === undefined ? 1 : (Math.min(level + 1, 4) as RegionLevel);
}

/** /compare/regions – provinces, the prefectures of a province or the counties of a prefecture on one figure. */
export default async function RegionComparePage({ searchParams }: PageProps) {
  let params: RegionCompareParams;
  try {
    params = parseParams(regionCompareQuerySchema, await searchParams);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return (
      <main className="mx-auto max-w-6xl space-y-4 p-4">
        <h1 className="text-2xl font-semibold">地区比较</h1>
        <ParamError message={err.message} resetHref="/compare/regions" />
      </main>
    );
  }
  const { year, years } = await resolveYear(params.year);
  const comparison = year === null ? null : await getRegionComparison({ parent: params.parent, figure: params.figure, year });
  const meta = FIGURE_META[params.figure];
  const parent = params.parent ? getRegion(params.parent) : undefined;
  // named by the children's own level: 北京市 (a 直辖市) has 县区 under it, not 地市
  const childName = CHILD_LEVEL_NAMES[listChildRegionsOf(parent?.code ?? null)[0]?.level ?? childLevelOf(parent?.level)];
  const view: ViewParams = { figure: params.figure, year, parent: params.parent };
  const href = (overrides: ViewParams) => toViewHref("/compare/regions", view, overrides);
  const drillHref = (r: RegionComparisonRow): string | null =>
    (getRegion(r.code)?.level ?? 4) < 3 && listChildRegionsOf(r.code).length > 0 ? href({ parent: r.code }) : null;
  const rows = comparison?.rows ?? [];
  const withValue = rows.filter((r) => r.value !== null);
  const summaries = rows.filter((r) => r.source === "summary").length;
  const sums = rows.filter((r) => r.source === "sum").length;
  const expected = rows.reduce((a, r) => a + r.coverage.expected, 0);
  const collected = rows.reduce((a, r) => a + r.coverage.collected, 0);
  const title = `${parent?.name ?? "全国"}各${childName}${meta.label}`;

  return (
    <main className="mx-auto max-w-6xl space-y-4 p-4">
      <Breadcrumb
        items={[
          { label: "对比", href: "/compare" },
          ...(parent ? [{ label: "全国", href: href({ parent: undefined }) }] : [{ label: "全国" }]),
          ...(parent
            ? getRegionChain(parent.code).map((r) =>
                r.code === parent.code ? { label: r.name } : { label: r.name, href: href({ parent: r.code }) },
              )
            : []),
        ]}
      />
      <h1 className="text-2xl font-semibold">
        地区比较：{title} · {year ?? "—"} 年
      </h1>
      <FilterForm action="/compare/regions">
        {params.parent ? <input type="hidden" name="parent" value={params.parent} /> : null}
        <FigureSelect keys={REGION_FIGURE_KEYS} value={params.figure} />
        <YearSelect years={years} value={year} />
        {!params.parent ? (
          <FilterField label="显示">
            <select name="view" defaultValue={params.view} className={FILTER_SELECT_CLASS}>
              <option value="map">地图和表格</option>
              <option value="table">只看表格</option>
            </select>
          </FilterField>
        ) : null}
      </FilterForm>
      <div className="rounded border-l-4 border-sky-600 bg-sky-50 p-3 text-sm text-slate-800" data-testid="region-method">
        <p>
          <strong>地区的数字怎么来：</strong>该地区政府发布了<strong>汇总报告</strong>（报告自称全市、全县等口径）时，取汇总报告的数字；
          否则为本地区已收录机关<strong>本机关报告之和</strong>，标为“合计（N 个机关）”，并注明收录了多少个应发布的政府。
          两种口径不混合，汇总报告不与其下级机关的报告相加；比率由分子之和除以分母之和重新计算，不取平均。
          合计只包括已收录的报告，未收录的机关不在其中，地区之间比较合计时请看收录情况。
        </p>
      </div>
      {comparison ? (
        <>
          <p className="text-sm text-slate-700" data-testid="region-coverage-line">
            共 {rows.length} 个{childName}：{summaries} 个取汇总报告，{sums} 个为本机关报告合计，{rows.length - summaries - sums} 个无数据；
            收录 {collected.toLocaleString("zh-CN")} / {expected.toLocaleString("zh-CN")} 个应发布的政府（含下级）。
          </p>
          <DownloadLinks apiPath="/api/v1/region-comparison" params={view} total={rows.length} isPaged={false} />
          {!params.parent && params.view === "map" ? (
            <TileMap rows={rows} unit={meta.unit} label={meta.label} hrefOf={(code) => href({ parent: code })} />
          ) : null}
          {withValue.length > 0 ? (
            <RankedBarChart
              id="region-bars"
              title={`${title}（${year} 年，从高到低）`}
              bars={withValue.map((r) => ({ id: Number(r.code), name: r.name, value: r.value! }))}
              unit={meta.unit}
              selectedIds={[]}
              exportAs={{
                fileBase: `地区比较_${params.parent ? (getRegion(params.parent)?.name ?? params.parent) : "全国"}_${meta.label}_${year}`,
                info: {
                  title: `${title}（${year} 年，从高到低）`,
                  details: [
                    `范围：${params.parent ? (getRegion(params.parent)?.name ?? params.parent) : "全国"}各${childName}`,
                    `年度：${year} 年`,
                    `单位：${meta.unit}`,
                    "有汇总报告取汇总报告，否则为本机关报告之和",
                  ],
                },
              }}
            />
          ) : (
            <p className="text-slate-700">本年度各{childName}都没有可用的数据。</p>
          )}
          <RegionComparisonTable rows={rows} unit={meta.unit} label={meta.label} drillHref={drillHref} />
        </>
      ) : (
        <p>库中还没有年报。</p>
      )}
      <p className="text-sm text-slate-600">
        也可以{" "}
        <Link href="/compare" className="text-sky-800 underline">
          比较单个机关
        </Link>{" "}
        或查看{" "}
        <Link href="/rankings" className="text-sky-800 underline">
          同类机关排名
        </Link>
        。
      </p>
    </main>
  );
}
