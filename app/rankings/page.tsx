import type { Metadata } from "next";
import { DownloadLinks } from "@/components/compare/download-links";
import { Pager } from "@/components/compare/pager";
import { ParamError } from "@/components/compare/param-error";
import { PeerFilterForm } from "@/components/compare/peer-filter-form";
import { toScopeName } from "@/lib/view/scope-options";
import type { ViewParams } from "@/lib/view/view-href";
import { RankingSummary } from "@/components/rankings/ranking-summary";
import { RankingTable, toRowId } from "@/components/rankings/ranking-table";
import { ScrollToHighlight } from "@/components/rankings/scroll-to-highlight";
import { DEFAULT_PAGE_SIZE, parseParams, rankingQuerySchema, type RankingParams } from "@/lib/http/params";
import { resolveYear, toRankingQuery } from "@/lib/http/resolve-query";
import { listRanking } from "@/lib/db/rankings";
import { AppError } from "@/lib/errors";
import { FIGURE_META } from "@/lib/figures/figures";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "排名 · 政府信息公开年报数据" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function toViewParams(p: RankingParams, year: number | null): ViewParams {
  return { figure: p.figure, year, scope: p.scope, level: p.level, kind: p.kind, include: p.include, order: p.order, pageSize: p.pageSize };
}

/** /rankings – the league table of one figure for a year and peer group. */
export default async function RankingsPage({ searchParams }: PageProps) {
  let params: RankingParams;
  try {
    params = parseParams(rankingQuerySchema, await searchParams);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return (
      <main className="mx-auto max-w-6xl space-y-4 p-4">
        <h1 className="text-2xl font-semibold">排名</h1>
        <ParamError message={err.message} resetHref="/rankings" />
      </main>
    );
  }
  const { year, years } = await resolveYear(params.year);
  const ranking = year === null ? null : await listRanking(toRankingQuery(params, year));
  const meta = FIGURE_META[params.figure];
  const view = toViewParams(params, year);
  const page = ranking?.page ?? 1;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-4">
      <h1 className="text-2xl font-semibold">
        排名：{toScopeName(params.scope)}
        {params.level ? `${params.level}级` : ""}
        {params.kind ?? "机关"} · {meta.label} · {year ?? "—"} 年
      </h1>
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
      {ranking && ranking.rows.length > 0 ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <DownloadLinks apiPath="/api/v1/rankings" params={{ ...view, page }} />
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
