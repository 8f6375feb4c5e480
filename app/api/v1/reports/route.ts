// GET /api/v1/reports – report versions (latest only by default) by agency and year, with their figures, paginated
import { toPage } from "@/lib/http/pagination";
import { parseParams, rejectUnknownParams, reportListQuerySchema } from "@/lib/http/params";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { listReports } from "@/lib/db/catalog";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, reportListQuerySchema);
    const params = parseParams(reportListQuerySchema, search);
    const { total, items } = await listReports({ ...params, agencyId: params.agency, latestOnly: params.latest });
    return jsonResponse(toPage(items, { page: params.page, pageSize: params.pageSize, total }));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
