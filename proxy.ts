/**
 * HTTP caching a CDN can use, for every page and /api/v1 answer (GET/HEAD):
 *   ETag: W/"<build id>.<data version>"   (the store changes only on ingest; the triggers move the data version)
 *   Cache-Control: public, no-cache        (a shared cache may keep the answer but revalidates it on every use)
 * A request whose If-None-Match still matches is answered 304 here, before any page code runs: no database query.
 * The version comes from lib/db/data-version-listener (LISTEN/NOTIFY, one connection per instance), so an ingest
 * through any instance invalidates every instance's validators at commit. No version known (embedded PGlite, or the
 * listener not connected) → no validator and `no-store`, never a guess.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { knownDataVersion, startDataVersionListener } from "@/lib/db/data-version-listener";

/** Shared caches keep the answer and revalidate every time (a 304 costs no query); browsers likewise. */
const CACHE_CONTROL = "public, no-cache";

let buildId: string | null = null;

function readBuildId(): string {
  if (buildId === null) {
    try {
      buildId = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      buildId = "dev";
    }
  }
  return buildId;
}

/** The validator of every cacheable answer while the data version is `version`. */
function toEtag(version: string): string {
  return `W/"${readBuildId()}.${version}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === "*");
}

export function proxy(request: NextRequest): NextResponse {
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const url = process.env.DATABASE_URL;
  if (url) startDataVersionListener(url);
  const version = url ? knownDataVersion() : null;
  if (version === null) {
    const res = NextResponse.next();
    res.headers.set("Cache-Control", "no-store");
    return res;
  }
  const etag = toEtag(version);
  if (matches(request.headers.get("if-none-match"), etag)) {
    return new NextResponse(null, { status: 304, headers: { ETag: etag, "Cache-Control": CACHE_CONTROL } });
  }
  const res = NextResponse.next();
  res.headers.set("ETag", etag);
  res.headers.set("Cache-Control", CACHE_CONTROL);
  return res;
}

export const config = {
  // pages and the public API; not Next's assets, not ingest or health (they must always reach the app)
  matcher: ["/((?!_next/|api/ingest|api/health|favicon.ico|icon.svg).*)"],
};
