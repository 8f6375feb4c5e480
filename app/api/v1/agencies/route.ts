// GET /api/v1/agencies – reporting bodies by name (and alias), level, kind and region, paginated
import { toPage } from "@/lib/http/pagination";
import { agencyListQuerySchema, parseParams, rejectUnknownParams } from "@/lib/http/params";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { listAgencies } from "@/lib/db/catalog";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, agencyListQuerySchema);
    const params = parseParams(agencyListQuerySchema, search);
    const { total, items } = await listAgencies(params);
    return jsonResponse(toPage(items, { page: params.page, pageSize: params.pageSize, total }));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
