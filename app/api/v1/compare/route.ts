// GET /api/v1/compare – every agency of a peer group with one figure in one year, plus chosen agencies across years
// (JSON: one table page; CSV with format=csv: the whole table, every page)
import { compareQuerySchema, formatSchema, parseParams, rejectUnknownParams } from "@/lib/http/params";
import { toCompareBody } from "@/lib/http/ranking-body";
import { toComparisonCsv, toDownloadName } from "@/lib/http/ranking-export";
import { resolveYearOnly, toCompareQuery } from "@/lib/http/resolve-query";
import { downloadResponse, handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { getComparison, listFigureSeries } from "@/lib/db/compare";
import { getWholeComparison } from "@/lib/db/view-export";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, compareQuerySchema, formatSchema);
    const params = parseParams(compareQuerySchema, search);
    const { format } = parseParams(formatSchema, search);
    const year = await resolveYearOnly(params.year);
    if (format === "csv") {
      const whole = year === null ? null : await getWholeComparison(toCompareQuery(params, year));
      const ctx = { year, reportScopes: whole?.reportScopes ?? new Map() };
      return downloadResponse(toComparisonCsv(params.figure, whole?.comparison ?? null, ctx), {
        fileName: toDownloadName({ kind: "比较", group: params, figure: params.figure, year, ext: "csv" }),
        contentType: "text/csv; charset=utf-8",
      });
    }
    const [comparison, series] = await Promise.all([
      year === null ? null : getComparison(toCompareQuery(params, year)),
      listFigureSeries({ figure: params.figure, agencyIds: params.agencies }),
    ]);
    return jsonResponse(toCompareBody(params, year, comparison, series));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
