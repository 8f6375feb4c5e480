import type { Metadata } from "next";
import { toOpenGraph } from "@/lib/site";
import { CompareTable } from "@/components/compare/compare-table";
import { DownloadLinks } from "@/components/compare/download-links";
import { Pager } from "@/components/compare/pager";
import { ParamError } from "@/components/compare/param-error";
import { PeerFilterForm } from "@/components/compare/peer-filter-form";
import { RankedBarChart } from "@/components/compare/ranked-bar-chart";
import { toScopeName } from "@/lib/view/scope-options";
import { TrendPanel } from "@/components/compare/trend-panel";
import Link from "next/link";
import { compareQuerySchema, DEFAULT_PAGE_SIZE, parseParams, toPeerChoice, type CompareParams } from "@/lib/http/params";
import { getPeerCoverage } from "@/lib/db/coverage";
import { toPeerGroupName } from "@/lib/view/peer-group-words";
import { toChartFileBase } from "@/lib/http/ranking-export";
import { startResolveYear, toCompareQuery } from "@/lib/http/resolve-query";
import { getComparison, listPickedSeries } from "@/lib/db/compare";
import { AppError } from "@/lib/errors";
import { FIGURE_META } from "@/lib/figures/figures";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "比较",
  description: "把几个机关或地区放在一起，看历年申请量、公开率等数据的走势。",
  openGraph: toOpenGraph("比较", "把几个机关或地区放在一起，看历年申请量、公开率等数据的走势。"),
};

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /compare – every agency of a peer group on one figure, and up to ten of them across years. */
export default async function ComparePage({ searchParams }: PageProps) {
  let params: CompareParams;
  try {
    params = parseParams(compareQuerySchema, await searchParams);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return (
      <main className="mx-auto max-w-6xl space-y-4 p-4">
        <h1 className="text-2xl font-semibold">比较</h1>
        <ParamError message={err.message} resetHref="/compare" />
      </main>
    );
  }
  // the years (for the picker) load alongside the comparison when the URL names the year
  const resolving = startResolveYear(params.year);
  const year = await resolving.year;
  const [years, comparison, coverage, { points, picked }] = await Promise.all([
    resolving.years,
    year === null ? null : getComparison(toCompareQuery(params, year)),
    year === null
      ? null
      : getPeerCoverage({ level: toPeerChoice(params.level), kind: toPeerChoice(params.kind), scope: params.scope, year }),
    listPickedSeries({ figure: params.figure, agencyIds: params.agencies }),
  ]);
  const meta = FIGURE_META[params.figure];
  const view = {
    figure: params.figure,
    year,
    scope: params.scope,
    level: params.level,
    kind: params.kind,
    reportScope: params.reportScope,
    sort: params.sort,
    dir: params.dir,
    pageSize: params.pageSize,
    agencies: params.agencies,
  };
  const pickedInOrder = params.agencies.flatMap((id) => picked.filter((p) => p.id === id));
  const level = toPeerChoice(params.level);
  const kind = toPeerChoice(params.kind);
  const title = `${toScopeName(params.scope)}${level ? `${level}级` : ""}${kind ?? "机关"} · ${meta.label} · ${year ?? "—"} 年`;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-4">
      <h1 className="text-2xl font-semibold">比较：{title}</h1>
      <p className="text-sm text-slate-700" data-testid="peer-group">
        同类组：<strong>{toPeerGroupName(params)}</strong>
        {coverage?.kind === "governments" ? (
          <span data-testid="peer-coverage">
            ；收录 {coverage.collected.toLocaleString("zh-CN")} / {coverage.expected.toLocaleString("zh-CN")} 个{coverage.label}
            （未收录不等于未发布）
          </span>
        ) : coverage?.kind === "departments" ? (
          <span data-testid="peer-coverage">
            ；本年收录 {coverage.collected.toLocaleString("zh-CN")} 个{coverage.label}（曾收录 {coverage.seen.toLocaleString("zh-CN")} 个）
          </span>
        ) : null}
        。
        <Link href={`/compare/regions${year ? `?year=${year}` : ""}`} className="text-sky-800 underline">
          按地区比较（省、地市、县区）
        </Link>
      </p>
      <PeerFilterForm action="/compare" values={{ ...params, year }} years={years}>
        {params.agencies.length > 0 ? <input type="hidden" name="agencies" value={params.agencies.join(",")} /> : null}
        {params.sort !== "value" ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={params.pageSize} /> : null}
        {params.dir !== "desc" ? <input type="hidden" name="dir" value={params.dir} /> : null}
      </PeerFilterForm>
      <p className="text-sm text-slate-700">{meta.guide}</p>
      {!comparison || comparison.total === 0 ? (
        <p className="text-slate-600" data-testid="compare-empty">
          这一范围和年度没有年报。
        </p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="space-y-2" aria-label="柱状图">
            <RankedBarChart
              id="ranked-chart"
              title={`${title}（共 ${comparison.stated} 个机关填报）`}
              stated={comparison.stated}
              bars={comparison.bars.map((b) => ({ id: b.agencyId, name: b.agencyName, value: b.value }))}
              unit={meta.unit}
              selectedIds={params.agencies}
              exportAs={{
                fileBase: toChartFileBase({ kind: "比较", group: params, figure: params.figure, year }),
                info: {
                  title: `${title}（共 ${comparison.stated} 个机关填报）`,
                  details: [`范围：${toPeerGroupName(params)}`, `年度：${year} 年`, `单位：${meta.unit}`, `指标：${meta.label}`],
                },
              }}
            />
          </section>
          <section className="space-y-2" aria-label="表格">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <DownloadLinks apiPath="/api/v1/compare" params={{ ...view, page: comparison.page }} total={comparison.total} />
              <Pager path="/compare" params={view} page={comparison.page} totalPages={comparison.totalPages} />
            </div>
            <CompareTable figure={params.figure} rows={comparison.rows} view={view} selectedIds={params.agencies} />
            <Pager path="/compare" params={view} page={comparison.page} totalPages={comparison.totalPages} />
          </section>
        </div>
      )}
      <TrendPanel figure={params.figure} points={points} picked={pickedInOrder} view={view} />
    </main>
  );
}
