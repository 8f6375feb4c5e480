// GET /api/v1/region-comparison – the child regions of a region (or the provinces) on one figure and year:
// a government's summary report when there is one, else the sum of own reports; JSON, or CSV with format=csv
import { formatSchema, parseParams, regionCompareQuerySchema, rejectUnknownParams } from "@/lib/http/params";
import { toRegionComparisonBody, toRegionComparisonCsv } from "@/lib/http/region-export";
import { resolveYear } from "@/lib/http/resolve-query";
import { downloadResponse, handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { getRegionComparison } from "@/lib/db/region-compare";
import { FIGURE_META } from "@/lib/figures/figures";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, regionCompareQuerySchema, formatSchema);
    const params = parseParams(regionCompareQuerySchema, search);
    const { format } = parseParams(formatSchema, search);
    const { year } = await resolveYear(params.year);
    const comparison = year === null ? null : await getRegionComparison({ parent: params.parent, figure: params.figure, year });
    if (format === "csv") {
      const name = `地区比较_${comparison?.parent?.name ?? "全国"}_${FIGURE_META[params.figure].label}_${year ?? ""}.csv`;
      return downloadResponse(comparison ? toRegionComparisonCsv(comparison) : "", {
        fileName: name,
        contentType: "text/csv; charset=utf-8",
      });
    }
    return jsonResponse(toRegionComparisonBody(comparison, year));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
