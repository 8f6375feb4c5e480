// GET /agencies/:id/original?year=&version= – the original file of one report version (原件) as it was received.
// PDFs are served inline (the source view renders their pages with pdf.js); every other kind is a download, never a
// document of this origin (a stored HTML page must not run here).
import { NextResponse, type NextRequest } from "next/server";
import { getReportOriginal } from "@/lib/db/reports";
import { jsonError, readReportVersion } from "@/lib/http/report-version";

export const dynamic = "force-dynamic";

const EXTENSIONS: Record<string, string> = { pdf: "pdf", ocr: "pdf", docx: "docx", doc: "doc", html: "html", text: "txt" };

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const address = await readReportVersion(request, params);
  if (address instanceof NextResponse) return address;
  const { agencyId, year } = address;
  const original = await getReportOriginal(address);
  if (!original) return jsonError(404, "not-found", "未找到该机关该年度报告的原件");
  const isPdf = original.mediaType.startsWith("application/pdf");
  const ext = EXTENSIONS[original.sourceKind] ?? "bin";
  const asciiName = `agency-${agencyId}-${year}-${original.sha256.slice(0, 10)}.${ext}`;
  const name = original.fileName ?? asciiName;
  const disposition = `${isPdf ? "inline" : "attachment"}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  return new NextResponse(Buffer.from(original.bytes), {
    headers: {
      "content-type": isPdf ? "application/pdf" : "application/octet-stream",
      "content-disposition": disposition,
      "content-length": String(original.bytes.byteLength),
    },
  });
}
