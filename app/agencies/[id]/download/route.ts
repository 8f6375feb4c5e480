// GET /agencies/:id/download?year=&version=&format=json|csv – one report version as canonical JSON or CSV
import { NextResponse, type NextRequest } from "next/server";
import { getAgency } from "@/lib/db/agencies";
import { getReport } from "@/lib/db/reports";
import { toReportCsv } from "@/lib/view/to-report-csv";

export const dynamic = "force-dynamic";

function toInt(value: string | null): number | undefined {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function error(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const search = request.nextUrl.searchParams;
  const agencyId = toInt((await params).id);
  const year = toInt(search.get("year"));
  const format = search.get("format") ?? "json";
  if (format !== "json" && format !== "csv") return error(400, "bad-format", "format 只能是 json 或 csv");
  if (!agencyId || !year) return error(400, "bad-request", "请指定机关编号和年度（?year=2025）");
  const agency = await getAgency(agencyId);
  const report = agency ? await getReport({ agencyId, year, version: toInt(search.get("version")) }) : null;
  if (!agency || !report) return error(404, "not-found", "未找到该机关该年度的报告");
  const base = `agency-${agencyId}-${year}-v${report.version}`;
  const asciiName = `${base}.${format}`;
  const disposition = `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(`${agency.name}-${year}-v${report.version}.${format}`)}`;
  if (format === "csv") {
    return new NextResponse(toReportCsv(report.document, report.provenance), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": disposition },
    });
  }
  return new NextResponse(`${JSON.stringify(report.document, null, 2)}\n`, {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": disposition },
  });
}
