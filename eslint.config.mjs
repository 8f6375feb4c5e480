// ESLint flat config: Next (core web vitals) + typescript-eslint, and the layering rules of ARCHITECTURE.md:
// imports run downward only (app, components → lib/http, lib/ingest → lib/db → lib/view, lib/figures, lib/regions, lib/search,
// lib/report),
// and test support (lib/testing) is never imported by production code.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Relative prefixes from a file up to four folders deep (lib/report/pdf/layout/x.ts → ../../../../). */
const UP = ["../", "../../", "../../../", "../../../../"];

/**
 * Import strings (alias and relative) that reach the named top-level folders or lib/ subfolders: `@/lib/db`, `@/lib/db/x`,
 * and `../db/x` … `../../../../lib/db/x` from any depth below the root.
 */
const reaching = (...dirs) =>
  dirs.flatMap((d) => {
    const inLib = d.replace(/^lib\//, "");
    return [...new Set([`@/${d}`, `@/${d}/*`, ...UP.map((up) => `${up}${inLib}/*`), ...UP.map((up) => `${up}${d}/*`)])];
  });

/** Test support (the report generator, the PDF writer, benchmarks, test databases) stays out of production code. */
const TEST_SUPPORT_BAN = { group: reaching("lib/testing"), message: "lib/testing is test support: production code never imports it." };

/** Pure domain modules: plain values in, plain values out; no framework, database, file system or environment. */
const PURE_IMPORT_BANS = {
  paths: [
    { name: "react", message: "lib/report, lib/figures, lib/regions, lib/search and lib/view are pure: no React." },
    { name: "@prisma/client", message: "Pure modules never touch the database." },
    { name: "fs", message: "Pure modules take values, not files." },
    { name: "node:fs", message: "Pure modules take values, not files." },
    { name: "fs/promises", message: "Pure modules take values, not files." },
    { name: "node:fs/promises", message: "Pure modules take values, not files." },
    { name: "@/lib/env", message: "Pure modules never read the environment." },
  ],
  patterns: [
    { group: ["next", "next/*"], message: "Pure modules never import Next.js." },
    {
      group: reaching("lib/db", "lib/generated", "lib/ingest", "lib/http", "app", "components"),
      message: "Imports flow downward only: pure modules import nothing above them.",
    },
    TEST_SUPPORT_BAN,
  ],
};

/** lib/db (the store) sits below ingest, the HTTP layer and the UI. */
const DB_IMPORT_BANS = {
  patterns: [
    {
      group: reaching("lib/ingest", "lib/http", "app", "components"),
      message: "lib/db imports nothing above it (lib/ingest, lib/http, app, components).",
    },
    TEST_SUPPORT_BAN,
  ],
};

/** Files that may use test support: tests, test support itself, benchmarks, generators and fixture makers, e2e, tool configs. */
const TEST_SIDE = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "lib/testing/**",
  "e2e/**",
  "scripts/bench-*.ts",
  "scripts/synth.ts",
  "scripts/fixtures/**",
  "scripts/eval.ts",
  "*.config.*",
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "data/**",
    "coverage/**",
  ]),
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    ignores: TEST_SIDE,
    rules: { "no-restricted-imports": ["error", { patterns: [TEST_SUPPORT_BAN] }] },
  },
  {
    files: ["lib/report/**/*.ts", "lib/figures/**/*.ts", "lib/regions/**/*.ts", "lib/search/**/*.ts", "lib/view/**/*.ts"],
    ignores: TEST_SIDE,
    rules: { "no-restricted-imports": ["error", PURE_IMPORT_BANS] },
  },
  {
    files: ["lib/db/**/*.ts"],
    ignores: TEST_SIDE,
    rules: { "no-restricted-imports": ["error", DB_IMPORT_BANS] },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
