// POST /api/ingest – parse and store one or several annual reports (text, HTML, DOCX, PDF, JSON or multipart).
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { errorHeaders, toErrorResponse } from "@/lib/errors";
import { checkIngestToken } from "@/lib/ingest/check-ingest-token";
import { ingestParts } from "@/lib/ingest/ingest-parts";
import { readIngestRequest } from "@/lib/ingest/read-ingest-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const env = getEnv();
    checkIngestToken(request.headers.get("authorization"), env.INGEST_TOKEN);
    const parts = await readIngestRequest(request, env.INGEST_MAX_BYTES);
    const { status, body } = await ingestParts(await getDb(), parts);
    return Response.json(body, { status, headers: errorHeaders(body) });
  } catch (err) {
    return toErrorResponse(err);
  }
}
