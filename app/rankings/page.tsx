import type { Metadata } from "next";
import { toOpenGraph } from "@/lib/site";
import { DownloadLinks } from "@/components/compare/download-links";
import { Pager } from "@/components/compare/pager";
import { ParamError } from "@/components/compare/param-error";
import { PeerFilterForm } from "@/components/compare/peer-filter-form";
import { toScopeName } from "@/lib/view/scope-options";
import type { ViewParams } from "@/lib/view/view-href";
import { RankingSummary } from "@/components/rankings/ranking-summary";
import { RankingTable, toRowId } from "@/components/rankings/ranking-table";
import { ScrollToHighlight } from "@/components/rankings/scroll-to-highlight";
import { DEFAULT_PAGE_SIZE, parseParams, rankingQuerySchema, withDefaultPeerGroup, type RankingParams } from "@/lib/http/params";
import { startResolveYear, toRankingQuery } from "@/lib/http/resolve-query";
import { PeerDistribution } from "@/components/rankings/peer-distribution";
import { getPeerCoverage } from "@/lib/db/coverage";
import { listRanking } from "@/lib/db/rankings";
import { isMixedGroup, toOrderReading, toPeerGroupName, toPercentileSentence } from "@/lib/view/peer-group-words";
import { AppError } from "@/lib/errors";
import { FIGURE_META } from "@/lib/figures/figures";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "排名",
  description: "同级同类机关按申请量、公开率等数据排名；小样本与勾稽关系不符的报告默认不参与排名。",
  openGraph: toOpenGraph("排名", "同级同类机关按申请量、公开率等数据排名；小样本与勾稽关系不符的报告默认不参与排名。"),
};

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function toViewParams(p: RankingParams, year: number | null): ViewParams {
  return {
    figure: p.figure,
    year,
    scope: p.scope,
    level: p.level,
    kind: p.kind,
    reportScope: p.reportScope,
    include: p.include,
    order: p.order,
    pageSize: p.pageSize,
  };
}

/** /rankings – the league table of one figure for a year and peer group. */
export default async function RankingsPage({ searchParams }: PageProps) {
  let params: RankingParams;
  try {
    params = withDefaultPeerGroup(parseParams(rankingQuerySchema, await searchParams));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return (
      <main className="mx-auto max-w-6xl space-y-4 p-4">
        <h1 className="text-2xl font-semibold">排名</h1>
        <ParamError message={err.message} resetHref="/rankings" />
      </main>
    );
  }
  // the years (for the picker) load alongside the ranking when the URL names the year
  const resolving = startResolveYear(params.year);
  const year = await resolving.year;
  const query = year === null ? null : toRankingQuery(params, year);
  const [years, ranking, coverage] = await Promise.all([
    resolving.years,
    query && listRanking(query),
    query && getPeerCoverage({ level: query.level, kind: query.kind, scope: query.scope, year: query.year }),
  ]);
  const groupName = toPeerGroupName(params);
  const marked = ranking?.highlighted ? ranking.rows.find((r) => r.agencyId === ranking.highlighted!.agencyId) : undefined;
  const meta = FIGURE_META[params.figure];
  const view = toViewParams(params, year);
  const page = ranking?.page ?? 1;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-4">
      <h1 className="text-2xl font-semibold">
        排名：{toScopeName(params.scope)}
        {params.level && params.level !== "all" ? `${params.level}级` : ""}
        {params.kind && params.kind !== "all" ? params.kind : "机关"} · {meta.label} · {year ?? "—"} 年
      </h1>
      <div className="space-y-1 rounded border border-slate-200 bg-white p-3 text-sm text-slate-800" data-testid="peer-group">
        <p>
          同类组：<strong>{groupName}</strong>。默认只比较同层级、同类别、同口径的机关：汇总报告（全市、全县等合计）不与单个机关的报告排名。
        </p>
        {coverage?.kind === "governments" ? (
          <p data-testid="peer-coverage">
            收录{" "}
            <strong>
              {coverage.collected.toLocaleString("zh-CN")} / {coverage.expected.toLocaleString("zh-CN")}
            </strong>{" "}
            个{coverage.label}（{year} 年；按行政区划应发布的政府数；未收录不等于未发布）。
          </p>
        ) : coverage?.kind === "departments" ? (
          <p data-testid="peer-coverage">
            本年收录 {coverage.collected.toLocaleString("zh-CN")} 个{coverage.label}（曾收录 {coverage.seen.toLocaleString("zh-CN")}{" "}
            个；部门的应发布数无法从行政区划得知）。
          </p>
        ) : null}
        {isMixedGroup(params) ? <p className="text-amber-800">注意：本组混合了不同层级、类别或口径的机关，名次不宜直接比较。</p> : null}
        <p>{toOrderReading(params.figure, params.order)}</p>
        {marked && ranking ? (
          <p role="status" data-testid="percentile-sentence">
            {marked.agencyName}：{toPercentileSentence(params.figure, params.order, marked.rank, ranking.peers, marked.percentile)}。
          </p>
        ) : null}
      </div>
      <PeerFilterForm action="/rankings" values={{ ...params, year }} years={years}>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          顺序
          <select name="order" defaultValue={params.order} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
            <option value="desc">数值高者第一</option>
            <option value="asc">数值低者第一</option>
          </select>
        </label>
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" name="include" value="1" defaultChecked={params.include} />
          纳入样本较小和勾稽关系不符的报告
        </label>
        {params.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={params.pageSize} /> : null}
      </PeerFilterForm>
      <p className="rounded border-l-4 border-sky-600 bg-sky-50 p-3 text-sm text-slate-800" data-testid="figure-guide">
        <strong>如何看{meta.label}：</strong>
        {meta.guide}
      </p>
      {ranking ? <RankingSummary ranking={ranking} highlight={params.highlight} /> : <p>库中还没有年报。</p>}
      {ranking?.distribution ? (
        <PeerDistribution
          distribution={ranking.distribution}
          unit={meta.unit}
          label={meta.label}
          marked={marked ? { name: marked.agencyName, value: marked.value } : null}
        />
      ) : null}
      {ranking && ranking.rows.length > 0 ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <DownloadLinks apiPath="/api/v1/rankings" params={{ ...view, page }} total={ranking.peers} />
            <Pager path="/rankings" params={view} page={page} totalPages={ranking.totalPages} />
          </div>
          <RankingTable figure={params.figure} rows={ranking.rows} peers={ranking.peers} highlightId={ranking.highlighted?.agencyId} />
          <Pager path="/rankings" params={view} page={page} totalPages={ranking.totalPages} />
        </>
      ) : null}
      {ranking?.highlighted ? <ScrollToHighlight targetId={toRowId(ranking.highlighted.agencyId)} /> : null}
    </main>
  );
}
