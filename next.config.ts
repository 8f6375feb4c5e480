import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native-ish or wasm-carrying packages stay outside the server bundle (PGlite's wasm, pdf.js's worker).
  serverExternalPackages: [
    "@electric-sql/pglite", "pglite-prisma-adapter", "pdfjs-dist", "mammoth",
    // OCR: tesseract.js starts its worker thread from a path inside node_modules; the canvas is a native addon
    "tesseract.js", "tesseract.js-core", "@napi-rs/canvas", "word-extractor",
  ],
};

export default nextConfig;
