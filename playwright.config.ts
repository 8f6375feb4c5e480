// Playwright: production build (`npm run build` first) served by `next start` on a throwaway PostgreSQL database.
//   api    – e2e/*.api.spec.ts: HTTP API against the empty store (runs first: the ingest spec expects 201s), one at a time
//            (the hostile spec checks that no row of the shared store changed while it ran)
//   setup  – e2e/seed.setup.ts: posts data/samples/* through /api/ingest
//   chromium – every other spec (pages), after setup. They only read the store, so their tests run on two workers in
//            any order (each spec passes on its own after setup, as `npx playwright test e2e/x.spec.ts` runs it)
//   chromium-writes – the page tests tagged @writes (they ingest a report, then read the pages): last, one at a time,
//            so no reading test sees the store change under it
import { defineConfig, devices } from "@playwright/test";
import { E2E_INGEST_TOKEN, getE2eDatabaseUrl } from "./e2e/e2e-env";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATABASE_URL = getE2eDatabaseUrl();

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-dev-shm-usage"],
  },
};

export default defineConfig({
  testDir: "./e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 2,
  reporter: [["list"]],
  outputDir: "test-results",
  globalTeardown: "./e2e/global-teardown.ts",
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "off" },
  projects: [
    { name: "api", testMatch: /.*\.api\.spec\.ts/, workers: 1 },
    { name: "setup", testMatch: /seed\.setup\.ts/, dependencies: ["api"] },
    {
      name: "chromium",
      testIgnore: [/.*\.api\.spec\.ts/, /seed\.setup\.ts/],
      grepInvert: /@writes/,
      dependencies: ["setup"],
      fullyParallel: true,
      use: chromium,
    },
    {
      name: "chromium-writes",
      testIgnore: [/.*\.api\.spec\.ts/, /seed\.setup\.ts/],
      grep: /@writes/,
      dependencies: ["chromium"],
      workers: 1,
      use: chromium,
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
