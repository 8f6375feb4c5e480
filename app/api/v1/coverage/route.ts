// GET /api/v1/coverage – expected publishers (gazetteer governments; departments once seen), collected and 未收录,
// per year for a region (or the country), with the missing governments of the chosen year
import { coverageQuerySchema, parseParams, rejectUnknownParams } from "@/lib/http/params";
import { toCoverageBody } from "@/lib/http/region-export";
import { resolveYear } from "@/lib/http/resolve-query";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { getRegionCoverage } from "@/lib/db/coverage";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, coverageQuerySchema);
    const params = parseParams(coverageQuerySchema, search);
    const { year, years } = await resolveYear(params.year);
    if (year === null) throw new AppError("not-found", "库中还没有年报");
    const coverage = await getRegionCoverage({ code: params.region, years, year, missingLimit: params.missingLimit });
    return jsonResponse(toCoverageBody(coverage));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
