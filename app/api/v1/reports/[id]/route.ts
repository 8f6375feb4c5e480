// GET /api/v1/reports/{id} – one report version: canonical JSON (ogi-annual-report/v1), provenance, findings and figures
import { parseId, rejectUnknownParams } from "@/lib/http/params";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { getReportOrThrow } from "@/lib/db/catalog";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleGet(async () => {
    rejectUnknownParams(new URL(request.url).searchParams);
    return jsonResponse(await getReportOrThrow(parseId((await params).id, "id")));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
