// GET /api/v1/dataset – the whole-dataset download: what it holds (every latest report), its files, licence and the data
// dictionary (every column of figures.csv: Chinese name, unit, definition, from the figure registry)
import { listDatasetReportIds } from "@/lib/db/dataset";
import { toDatasetIndex } from "@/lib/http/dataset";
import { rejectUnknownParams } from "@/lib/http/params";
import { handleGet, jsonResponse, preflightResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleGet(async () => {
    rejectUnknownParams(new URL(request.url).searchParams);
    const { ids, dataVersion } = await listDatasetReportIds();
    return jsonResponse(toDatasetIndex({ reports: ids.length, dataVersion, basePath: "/api/v1/dataset" }));
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
