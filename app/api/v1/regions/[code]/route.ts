// GET /api/v1/regions/{code} – one region with its chain and children
import { rejectUnknownParams } from "@/lib/http/params";
import { getRegionDetailOrThrow } from "@/lib/http/regions";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handleGet(async () => {
    rejectUnknownParams(new URL(request.url).searchParams);
    return jsonResponse(getRegionDetailOrThrow((await params).code));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
