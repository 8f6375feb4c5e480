// GET /api/v1/openapi.json – the OpenAPI 3.1 document of the public read API
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { rejectUnknownParams } from "@/lib/http/params";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    rejectUnknownParams(new URL(request.url).searchParams);
    return jsonResponse(buildOpenApiDocument());
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
