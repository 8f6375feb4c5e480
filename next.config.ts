import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // no X-Powered-By: Next.js (security headers of pages and the API: proxy.ts)
  poweredByHeader: false,
  // Next's static assets do not pass through proxy.ts
  async headers() {
    return [
      {
        source: "/_next/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
  experimental: {
    // CI builds once in a fresh clone and never reads Turbopack's build cache back; writing it costs tens of seconds
    // of a 2-core machine's CPU. Local builds keep it (a warm rebuild takes half the time).
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // Native-ish or wasm-carrying packages stay outside the server bundle (PGlite's wasm, pdf.js's worker).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pdfjs-dist",
    "mammoth",
    // OCR: tesseract.js starts its worker thread from a path inside node_modules; the canvas is a native addon
    "tesseract.js",
    "tesseract.js-core",
    "@napi-rs/canvas",
    "word-extractor",
  ],
};

export default nextConfig;
