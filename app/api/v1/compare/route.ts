// GET /api/v1/compare – every agency of a peer group with one figure in one year, plus chosen agencies across years
import { compareQuerySchema, formatSchema, parseParams, rejectUnknownParams } from "@/lib/http/params";
import { toCompareBody } from "@/lib/http/ranking-body";
import { toComparisonCsv, toDownloadName } from "@/lib/http/ranking-export";
import { resolveYear, toCompareQuery } from "@/lib/http/resolve-query";
import { downloadResponse, handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { getComparison, listFigureSeries } from "@/lib/db/compare";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, compareQuerySchema, formatSchema);
    const params = parseParams(compareQuerySchema, search);
    const { format } = parseParams(formatSchema, search);
    const { year } = await resolveYear(params.year);
    const [comparison, series] = await Promise.all([
      year === null ? null : getComparison(toCompareQuery(params, year)),
      listFigureSeries({ figure: params.figure, agencyIds: params.agencies }),
    ]);
    if (format === "csv") {
      return downloadResponse(toComparisonCsv(params.figure, comparison), {
        fileName: toDownloadName("对比", params.figure, year, "csv"),
        contentType: "text/csv; charset=utf-8",
      });
    }
    return jsonResponse(toCompareBody(params, year, comparison, series));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
