// GET /api/v1/regions – the GB/T 2260 region tree, filtered by parent, level and name, paginated
import { toPage } from "@/lib/http/pagination";
import { parseParams, regionListQuerySchema, rejectUnknownParams } from "@/lib/http/params";
import { listRegionPage } from "@/lib/http/regions";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, regionListQuerySchema);
    const params = parseParams(regionListQuerySchema, search);
    const { total, items } = listRegionPage(params);
    return jsonResponse(toPage(items, { page: params.page, pageSize: params.pageSize, total }));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
