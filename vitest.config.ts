import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": import.meta.dirname,
  "server-only": path.join(import.meta.dirname, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          // a PDF parse (text content + ruling lines) takes seconds when the shared 2-core machine is loaded
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // integration tests against real PostgreSQL (127.0.0.1:5432) and PGlite; each file creates and drops its own database
          name: "db",
          environment: "node",
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
