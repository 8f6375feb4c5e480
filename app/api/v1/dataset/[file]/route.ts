// GET /api/v1/dataset/{figures.csv | documents.ndjson | dictionary.csv} – one file of the whole-dataset download,
// streamed from the database batch by batch (generated on request, never stored on local disk: every instance on the
// database answers the same bytes for one data version, and the proxy's ETag lets caches keep it until the next ingest)
import { listDatasetReportIds, readDatasetDocuments, readDatasetReports } from "@/lib/db/dataset";
import { AppError } from "@/lib/errors";
import { DATASET_FILES, toDatasetCsvHeader, toDatasetCsvRows, toDatasetNdjson, toDictionaryCsv } from "@/lib/http/dataset";
import { rejectUnknownParams } from "@/lib/http/params";
import { CORS_HEADERS, handleGet, preflightResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

/** A text stream from chunks produced one after another (each awaited only when the reader wants more). */
function toStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function* figuresCsv(ids: number[]): AsyncGenerator<string> {
  yield toDatasetCsvHeader();
  for await (const batch of readDatasetReports(ids)) yield toDatasetCsvRows(batch);
}

async function* documentsNdjson(ids: number[]): AsyncGenerator<string> {
  for await (const batch of readDatasetDocuments(ids)) yield toDatasetNdjson(batch);
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return handleGet(async () => {
    const { file } = await params;
    const spec = DATASET_FILES.find((f) => f.file === file);
    if (!spec) {
      const names = DATASET_FILES.map((f) => f.file).join("、");
      throw new AppError("not-found", `全部数据中没有这个文件：${file.slice(0, 60)}。可下载的文件：${names}`);
    }
    rejectUnknownParams(new URL(request.url).searchParams);
    const headers = {
      ...CORS_HEADERS,
      "Content-Type": spec.contentType,
      "Content-Disposition": `attachment; filename="ogi-dataset-${spec.file}"; filename*=UTF-8''${encodeURIComponent(spec.fileName)}`,
    };
    if (spec.file === "dictionary.csv") return new Response(toDictionaryCsv(), { headers });
    const { ids, dataVersion } = await listDatasetReportIds();
    const body = spec.file === "figures.csv" ? figuresCsv(ids) : documentsNdjson(ids);
    return new Response(toStream(body), { headers: { ...headers, "X-Data-Version": dataVersion, "X-Report-Count": String(ids.length) } });
  });
}

export function OPTIONS(): Response {
  return preflightResponse();
}
