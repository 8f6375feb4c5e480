// GET /api/v1/agencies/{id} – one reporting body with its aliases and every report version's figures
import { agencyQuerySchema, parseId, parseParams, rejectUnknownParams } from "@/lib/http/params";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { getAgencyOrThrow } from "@/lib/db/catalog";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleGet(async () => {
    const search = new URL(request.url).searchParams;
    rejectUnknownParams(search, agencyQuerySchema);
    const { year } = parseParams(agencyQuerySchema, search);
    return jsonResponse(await getAgencyOrThrow(parseId((await params).id, "id"), year));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
