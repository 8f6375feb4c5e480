// POST /api/ingest – parse and store one or several annual reports (text, HTML, DOCX, PDF, JSON or multipart).
import { after } from "next/server";
import { getDb } from "@/lib/db/client";
import { scheduleWarm } from "@/lib/db/snapshot-warm";
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
    const db = await getDb();
    const { status, body } = await ingestParts(db, parts);
    // something was stored: rebuild the snapshots it made stale once the answer is sent (the uploader does not wait;
    // the next reader finds them fresh)
    if (status === 201 || status === 207) after(() => scheduleWarm(db));
    return Response.json(body, { status, headers: errorHeaders(body) });
  } catch (err) {
    return toErrorResponse(err);
  }
}
