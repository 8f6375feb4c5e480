// GET /agencies/:id/download?year=&version=&format=json|csv – one report version as canonical JSON or CSV
import { NextResponse, type NextRequest } from "next/server";
import { getAgency } from "@/lib/db/agencies";
import { getReport } from "@/lib/db/reports";
import { jsonError, readReportVersion } from "@/lib/http/report-version";
import { toReportCsv } from "@/lib/view/to-report-csv";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const format = request.nextUrl.searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") return jsonError(400, "bad-format", "format 只能是 json 或 csv");
  const address = await readReportVersion(request, params);
  if (address instanceof NextResponse) return address;
  const { agencyId, year } = address;
  const agency = await getAgency(agencyId);
  const report = agency ? await getReport(address) : null;
  if (!agency || !report) return jsonError(404, "not-found", "未找到该机关该年度的报告");
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
