/**
 * The report version an /agencies/:id/{source,download,original} address names (机关编号、年度、版本), read the same
 * way by each of those routes, and the JSON error they answer with.
 */
import { NextResponse, type NextRequest } from "next/server";

export type ReportVersionAddress = { agencyId: number; year: number; version: number | undefined };

function toInt(value: string | null): number | undefined {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

export function jsonError(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status });
}

/** The agency id from the path and ?year=&version=; a 400 answer when the id or the year is missing or malformed. */
export async function readReportVersion(
  request: NextRequest,
  params: Promise<{ id: string }>,
): Promise<ReportVersionAddress | NextResponse> {
  const search = request.nextUrl.searchParams;
  const agencyId = toInt((await params).id);
  const year = toInt(search.get("year"));
  if (!agencyId || !year) return jsonError(400, "bad-request", "请指定机关编号和年度（?year=2025）");
  return { agencyId, year, version: toInt(search.get("version")) };
}
