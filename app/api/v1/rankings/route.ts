// GET /api/v1/rankings – league table of one figure for a year and peer group (JSON: one page; CSV with format=csv: every page)
import { formatSchema, parseParams, rankingQuerySchema, rejectUnknownParams, withDefaultPeerGroup } from "@/lib/http/params";
import { toDownloadName, toRankingCsv } from "@/lib/http/ranking-export";
import { toRankingBody } from "@/lib/http/ranking-body";
import { resolveYearOnly, toRankingQuery } from "@/lib/http/resolve-query";
import { downloadResponse, handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { listRanking } from "@/lib/db/rankings";
import { listWholeRanking } from "@/lib/db/view-export";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, rankingQuerySchema, formatSchema);
    // the page's default peer group (县级人民政府, own reports) when neither level nor kind is given; "all" keeps every one
    const params = withDefaultPeerGroup(parseParams(rankingQuerySchema, search));
    const { format } = parseParams(formatSchema, search);
    const year = await resolveYearOnly(params.year);
    if (format === "csv") {
      const whole = year === null ? null : await listWholeRanking(toRankingQuery(params, year));
      return downloadResponse(
        toRankingCsv(params.figure, whole?.ranking ?? null, { year, reportScopes: whole?.reportScopes ?? new Map() }),
        {
          fileName: toDownloadName({ kind: "排名", group: params, figure: params.figure, year, ext: "csv" }),
          contentType: "text/csv; charset=utf-8",
        },
      );
    }
    const ranking = year === null ? null : await listRanking(toRankingQuery(params, year));
    return jsonResponse(toRankingBody(params, year, ranking));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
