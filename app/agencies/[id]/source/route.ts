// GET /agencies/:id/source?year=&version= – the source view's data of one report version (报告原文): its text as lines
// and every located value as a mark. The agency page loads it on demand (components/agency/source-view): 600 and more
// lines rendered into every agency page, as HTML and again as the client component's props, were most of its bytes
// and of its server time.
import { NextResponse, type NextRequest } from "next/server";
import { getReport } from "@/lib/db/reports";
import { toSourceViewData } from "@/lib/view/to-source-marks";

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
  if (!agencyId || !year) return error(400, "bad-request", "请指定机关编号和年度（?year=2025）");
  const report = await getReport({ agencyId, year, version: toInt(search.get("version")) });
  if (!report) return error(404, "not-found", "未找到该机关该年度的报告");
  return NextResponse.json(toSourceViewData(report.sourceText, report.provenance));
}
