// GET /api/v1/openapi.json – the OpenAPI 3.1 document of the public read API
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { jsonResponse, preflightResponse } from "@/lib/http/respond";

export function GET(): Response {
  return jsonResponse(buildOpenApiDocument());
}

export function OPTIONS(): Response {
  return preflightResponse();
}
