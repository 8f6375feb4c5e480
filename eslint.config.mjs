// ESLint flat config: Next (core web vitals) + typescript-eslint, and the layering rules of docs/house-style.md.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Pure domain modules: plain values in, plain values out; no framework, database, file system or environment. */
const PURE_IMPORT_BANS = {
  paths: [
    { name: "react", message: "lib/report, lib/figures and lib/regions are pure: no React." },
    { name: "@prisma/client", message: "Pure modules never touch the database." },
    { name: "fs", message: "Pure modules take values, not files." },
    { name: "node:fs", message: "Pure modules take values, not files." },
    { name: "fs/promises", message: "Pure modules take values, not files." },
    { name: "node:fs/promises", message: "Pure modules take values, not files." },
    { name: "@/lib/env", message: "Pure modules never read the environment." },
  ],
  patterns: [
    { group: ["next", "next/*"], message: "Pure modules never import Next.js." },
    { group: ["@/lib/db/*", "@/lib/generated/*", "@/lib/ingest/*", "@/app/*", "@/components/*"], message: "Imports flow downward only: pure modules import nothing above them." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "data/**", "coverage/**"]),
  {
    files: ["lib/report/**/*.ts", "lib/figures/**/*.ts", "lib/regions/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", PURE_IMPORT_BANS] },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
