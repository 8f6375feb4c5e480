// Any other /api/v1/* path: a JSON 404 naming the path and pointing to the OpenAPI document (not the HTML 404 page)
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

function notFound(request: Request): Response {
  const path = new URL(request.url).pathname.slice(0, 200);
  return errorResponse(new AppError("not-found", `没有这个接口：${path}。可用的接口见 /api/v1/openapi.json`));
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
