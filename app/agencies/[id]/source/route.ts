// GET /agencies/:id/source?year=&version= – the source view's data of one report version (报告原文): its text as lines
// and every located value as a mark. The agency page loads it on demand (components/agency/source-view): 600 and more
// lines rendered into every agency page, as HTML and again as the client component's props, were most of its bytes
// and of its server time.
import { NextResponse, type NextRequest } from "next/server";
import { getReport } from "@/lib/db/reports";
import { jsonError, readReportVersion } from "@/lib/http/report-version";
import { toSourceViewData } from "@/lib/view/to-source-marks";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const address = await readReportVersion(request, params);
  if (address instanceof NextResponse) return address;
  const report = await getReport(address);
  if (!report) return jsonError(404, "not-found", "未找到该机关该年度的报告");
  return NextResponse.json(toSourceViewData(report.sourceText, report.provenance));
}
