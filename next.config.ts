import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native-ish or wasm-carrying packages stay outside the server bundle (PGlite's wasm, pdf.js's worker).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfjs-dist", "mammoth"],
};

export default nextConfig;
