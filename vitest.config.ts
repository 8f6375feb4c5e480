import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": import.meta.dirname,
  "server-only": path.join(import.meta.dirname, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // vitest's default for `run` is one worker fewer than the cores: ONE on this project's 2-core machines, so half the CPU
    // sat idle while the files ran one after another. The files are independent (each db file makes its own database).
    maxWorkers: os.availableParallelism(),
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
          // integration tests against real PostgreSQL (127.0.0.1:5432) and PGlite; each file creates and drops its own database,
          // so files run side by side
          name: "db",
          environment: "node",
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
