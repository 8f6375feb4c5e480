// GET /pdfjs/<file> – pdf.js's browser worker and the data it fetches (CMaps, standard fonts), served from the installed
// pdfjs-dist (lib/http/pdfjs-assets) so the source view needs no CDN and the strict CSP holds: the worker is started by a
// script that carries the nonce, which 'strict-dynamic' trusts.
import { readFile } from "node:fs/promises";
import { NextResponse, type NextRequest } from "next/server";
import { toPdfjsFile } from "@/lib/http/pdfjs-assets";

export const dynamic = "force-dynamic";

function notFound() {
  return NextResponse.json({ error: { code: "not-found", message: "未找到该文件" } }, { status: 404 });
}

export async function GET(_request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const target = toPdfjsFile((await params).path);
  if (!target) return notFound();
  try {
    return new NextResponse(await readFile(target.file), { headers: { "content-type": target.type } });
  } catch {
    return notFound();
  }
}
