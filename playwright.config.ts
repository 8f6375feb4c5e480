// Playwright: production build (`npm run build` first) served by `next start` on a throwaway PostgreSQL database.
//   api    – e2e/*.api.spec.ts: HTTP API against the empty store (runs first: the ingest spec expects 201s)
//   setup  – e2e/seed.setup.ts: posts data/samples/* through /api/ingest
//   chromium – every other spec (pages), after setup
import { defineConfig, devices } from "@playwright/test";
import { E2E_INGEST_TOKEN, getE2eDatabaseUrl } from "./e2e/e2e-env";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATABASE_URL = getE2eDatabaseUrl();

export default defineConfig({
  testDir: "./e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  globalTeardown: "./e2e/global-teardown.ts",
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "off" },
  projects: [
    { name: "api", testMatch: /.*\.api\.spec\.ts/ },
    { name: "setup", testMatch: /seed\.setup\.ts/, dependencies: ["api"] },
    {
      name: "chromium",
      testIgnore: [/.*\.api\.spec\.ts/, /seed\.setup\.ts/],
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--disable-dev-shm-usage"],
        },
      },
    },
  ],
  webServer: {
    // fresh database → migrations + regions (no samples: the api project ingests them) → production server
    command: `node_modules/.bin/tsx e2e/e2e-db.ts create && node_modules/.bin/tsx scripts/db-migrate.ts deploy --no-samples && exec node_modules/.bin/next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL,
      E2E_DATABASE_URL: DATABASE_URL,
      INGEST_TOKEN: E2E_INGEST_TOKEN,
      PORT: String(PORT),
      // hostile.api.spec.ts waits for files that run into the parse time limit: keep that wait short
      PARSE_TIMEOUT_MS: "15000",
    },
  },
});
