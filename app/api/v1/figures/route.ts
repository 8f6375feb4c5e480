// GET /api/v1/figures – the derived figures one can rank and compare by: key, Chinese label, unit and how to read them
import { rejectUnknownParams } from "@/lib/http/params";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";
import { FIGURE_KEYS, FIGURE_META, SMALL_SAMPLE_THRESHOLD } from "@/lib/figures/figures";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    rejectUnknownParams(new URL(request.url).searchParams);
    const items = FIGURE_KEYS.map((key) => ({
      ...FIGURE_META[key],
      smallSampleThreshold: FIGURE_META[key].isRate ? SMALL_SAMPLE_THRESHOLD : null,
    }));
    return jsonResponse({ items });
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
