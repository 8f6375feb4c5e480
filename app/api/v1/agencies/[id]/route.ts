// GET /api/v1/agencies/{id} – one reporting body with its aliases and every report version's figures
import { parseId } from "@/lib/http/params";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { getAgencyOrThrow } from "@/lib/db/catalog";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleGet(async () => jsonResponse(await getAgencyOrThrow(parseId((await params).id, "id"))));
}

export function OPTIONS(): Response {
  return preflightResponse();
}
