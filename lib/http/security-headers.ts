/**
 * Security headers of every answer (安全响应头), set by proxy.ts:
 *   pages      Content-Security-Policy with a fresh nonce per request: scripts only from this origin or carrying the
 *              nonce (Next.js reads it from the request's CSP header and puts it on its own inline scripts), no plugins,
 *              no framing, forms and <base> to this origin only. Inline style attributes stay allowed (recharts and
 *              React server-render them); images may be data:/blob: (the chart's PNG export).
 *   API        a CSP that allows nothing at all (JSON is never a document to run).
 *   both       X-Content-Type-Options: nosniff, Referrer-Policy, X-Frame-Options (for browsers without frame-ancestors),
 *              Permissions-Policy. X-Powered-By is switched off in next.config.ts.
 * Also the method check of the API: a method a route does not serve is a 405 with a JSON error and `Allow`.
 */

/** A nonce: 16 random bytes, base64 (fresh for every request). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The page policy for one nonce. `dev` allows what `next dev` needs (eval for React's debugging, HMR's websocket). */
export function pagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON and downloads: nothing may run, nothing may frame it. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every answer carries besides its CSP. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** Methods each API path serves; anything else is a 405. */
export function allowedMethods(pathname: string): string[] | null {
  if (pathname === "/api/ingest") return ["POST", "OPTIONS"];
  if (pathname === "/api/health") return ["GET", "HEAD"];
  if (pathname.startsWith("/api/")) return ["GET", "HEAD", "OPTIONS"];
  return null;
}

/** The 405 answer: JSON like every other API error, with `Allow`. */
export function methodNotAllowed(method: string, allowed: string[]): Response {
  const body = {
    error: {
      code: "method-not-allowed",
      message: `此接口不支持 ${method} 方法，只支持 ${allowed.join("、")}。(method not allowed)`,
    },
  };
  return Response.json(body, {
    status: 405,
    headers: { Allow: allowed.join(", "), "Content-Security-Policy": API_POLICY, ...COMMON_SECURITY_HEADERS },
  });
}
