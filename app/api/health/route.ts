// GET /api/health – liveness and database reachability (used by e2e and deployments).
import { getDb } from "@/lib/db/client";
import { toErrorResponse } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ ok: true });
  } catch (err) {
    return toErrorResponse(err);
  }
}
