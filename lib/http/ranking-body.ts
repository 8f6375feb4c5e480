/**
 * JSON bodies of /api/v1/rankings and /api/v1/compare (and the pages' JSON downloads): the figure's definition,
 * the peer group, the rows and the pagination. Rates are 0–1 fractions; null means 未填报.
 */
import type { CompareParams, RankingParams } from "@/lib/http/params";
import { toPagination, type Pagination } from "@/lib/http/pagination";
import type { Comparison, SeriesPoint } from "@/lib/db/compare";
import type { Ranking } from "@/lib/db/rankings";
import { FIGURE_META, SMALL_SAMPLE_THRESHOLD, type FigureMeta } from "@/lib/figures/figures";
import { getRegion } from "@/lib/regions/gazetteer";

export type PeerGroupBody = {
  level: string | null;
  kind: string | null;
  scope: { code: string; name: string } | null;
};

function toPeerGroup(p: { level?: string; kind?: string; scope?: string }): PeerGroupBody {
  const region = p.scope ? getRegion(p.scope) : undefined;
  return { level: p.level ?? null, kind: p.kind ?? null, scope: region ? { code: region.code, name: region.name } : null };
}

function toFigureBody(p: { figure: keyof typeof FIGURE_META }): FigureMeta & { smallSampleThreshold: number | null } {
  const meta = FIGURE_META[p.figure];
  return { ...meta, smallSampleThreshold: meta.isRate ? SMALL_SAMPLE_THRESHOLD : null };
}

/** The rankings answer; `ranking` is null when the store holds no reports at all. */
export function toRankingBody(
  p: RankingParams,
  year: number | null,
  ranking: Ranking | null,
): {
  figure: ReturnType<typeof toFigureBody>;
  year: number | null;
  peerGroup: PeerGroupBody;
  include: boolean;
  order: "desc" | "asc";
  peers: number;
  leftOut: Ranking["leftOut"];
  highlighted: Ranking["highlighted"];
  items: Ranking["rows"];
  pagination: Pagination;
} {
  return {
    figure: toFigureBody(p),
    year,
    peerGroup: toPeerGroup(p),
    include: p.include,
    order: p.order,
    peers: ranking?.peers ?? 0,
    leftOut: ranking?.leftOut ?? { notReported: 0, smallSample: 0, identityFailed: 0, noneHandled: 0 },
    highlighted: ranking?.highlighted ?? null,
    items: ranking?.rows ?? [],
    pagination: toPagination({ page: ranking?.page ?? p.page, pageSize: p.pageSize, total: ranking?.peers ?? 0 }),
  };
}

/** The compare answer: the table page, the chart's bars (every agency that states the figure, or an even sample of 400 by rank; `stated` says how many) and the chosen agencies' series across years. */
export function toCompareBody(
  p: CompareParams,
  year: number | null,
  comparison: Comparison | null,
  series: SeriesPoint[],
): {
  figure: ReturnType<typeof toFigureBody>;
  year: number | null;
  peerGroup: PeerGroupBody;
  sort: string;
  dir: string;
  items: Comparison["rows"];
  bars: Comparison["bars"];
  stated: number;
  agencies: number[];
  series: SeriesPoint[];
  pagination: Pagination;
} {
  return {
    figure: toFigureBody(p),
    year,
    peerGroup: toPeerGroup(p),
    sort: p.sort,
    dir: p.dir,
    items: comparison?.rows ?? [],
    bars: comparison?.bars ?? [],
    stated: comparison?.stated ?? 0,
    agencies: p.agencies,
    series,
    pagination: toPagination({ page: p.page, pageSize: p.pageSize, total: comparison?.total ?? 0 }),
  };
}
