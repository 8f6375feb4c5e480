/**
 * Runs before every page and API request (Next.js 16 Proxy).
 *
 * Security (lib/http/security-headers): every answer carries its CSP (a fresh nonce per page request; deny-all for the
 * API), nosniff, Referrer-Policy and frame protection; a method an API route does not serve is a JSON 405 with `Allow`.
 * A 304 carries no CSP: the browser keeps the stored page, whose scripts carry the stored policy's nonce.
 *
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
import {
  allowedMethods,
  API_POLICY,
  COMMON_SECURITY_HEADERS,
  createNonce,
  methodNotAllowed,
  pagePolicy,
} from "@/lib/http/security-headers";

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

/** Paths that must always reach the app, never answered from a validator. */
const UNCACHED = ["/api/ingest", "/api/health"];

/** scale's caching: a 304 for a still-valid validator, else the answer with its ETag / Cache-Control. */
function cached(request: NextRequest, requestHeaders: Headers): NextResponse {
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });
  if ((request.method !== "GET" && request.method !== "HEAD") || UNCACHED.includes(request.nextUrl.pathname)) return next();
  const url = process.env.DATABASE_URL;
  if (url) startDataVersionListener(url);
  const version = url ? knownDataVersion() : null;
  if (version === null) {
    const res = next();
    res.headers.set("Cache-Control", "no-store");
    return res;
  }
  const etag = toEtag(version);
  if (matches(request.headers.get("if-none-match"), etag)) {
    return new NextResponse(null, { status: 304, headers: { ETag: etag, "Cache-Control": CACHE_CONTROL } });
  }
  const res = next();
  res.headers.set("ETag", etag);
  res.headers.set("Cache-Control", CACHE_CONTROL);
  return res;
}

export function proxy(request: NextRequest): Response {
  const allowed = allowedMethods(request.nextUrl.pathname);
  if (allowed && !allowed.includes(request.method)) return methodNotAllowed(request.method, allowed);
  const requestHeaders = new Headers(request.headers);
  let policy = API_POLICY;
  if (!allowed) {
    const nonce = createNonce();
    policy = pagePolicy(nonce, process.env.NODE_ENV === "development");
    // Next.js reads the nonce from the request's CSP header and sets it on the scripts it renders
    requestHeaders.set("Content-Security-Policy", policy);
    requestHeaders.set("x-nonce", nonce);
  }
  const res = cached(request, requestHeaders);
  if (res.status !== 304) res.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) res.headers.set(name, value);
  return res;
}

export const config = {
  // everything but Next's static assets (their headers come from next.config.ts)
  matcher: ["/((?!_next/static|_next/image).*)"],
};
