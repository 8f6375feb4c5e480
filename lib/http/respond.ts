/**
 * Responses of the public read API (/api/v1): JSON with open CORS for GET, errors through lib/errors' funnel
 * in the shape `{ error: { code, message } }`, CSV downloads with a file name.
 */
import { toErrorBody } from "@/lib/errors";

/** Anyone may read: the data is public. Only GET/HEAD/OPTIONS are served. */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

/** A JSON answer with CORS headers. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...CORS_HEADERS, ...init.headers } });
}

/** A CSV (or other text) download; `fileName` may hold Chinese (RFC 5987 encoding). */
export function downloadResponse(text: string, { fileName, contentType }: { fileName: string; contentType: string }): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_");
  return new Response(text, {
    headers: {
      ...CORS_HEADERS,
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}

/** Preflight answer for OPTIONS. */
export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** Any thrown value as the API's error JSON, with CORS headers (so browsers can read the message). */
export function errorResponse(err: unknown): Response {
  const { status, body } = toErrorBody(err);
  return jsonResponse(body, { status });
}

/** Run a GET handler body; every error goes through `errorResponse`. */
export async function handleGet(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    return errorResponse(err);
  }
}
