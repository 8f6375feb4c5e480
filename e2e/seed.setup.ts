// e2e data: every sample report in data/samples/ (five text seeds, three real PDFs) posted to /api/ingest (201 new, 200 already there).
// UI specs depend on this project (see playwright.config.ts), so they always find the samples in the store.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { E2E_INGEST_TOKEN } from "./e2e-env";

const SAMPLES = path.join(process.cwd(), "data/samples");
const MEDIA_TYPES: Record<string, string> = { ".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf" };

setup("ingest the sample reports", async ({ request }) => {
  const files = readdirSync(SAMPLES)
    .filter((f) => MEDIA_TYPES[path.extname(f)])
    .sort();
  expect(files.length).toBeGreaterThan(0);
  // where each sample was published (data/samples/sources.tsv, the manifest the bulk CLI reads too)
  const sources = new Map(
    readFileSync(path.join(SAMPLES, "sources.tsv"), "utf8")
      .split("\n")
      .map((l) => l.trim().split(/\s+/) as [string, string]),
  );
  for (const file of files) {
    const source = sources.get(file);
    const res = await request.post("/api/ingest", {
      headers: {
        authorization: `Bearer ${E2E_INGEST_TOKEN}`,
        "content-type": MEDIA_TYPES[path.extname(file)]!,
        "x-file-name": file,
        ...(source ? { "x-source-url": source } : {}),
      },
      data: readFileSync(path.join(SAMPLES, file)),
    });
    expect([200, 201], `${file}: ${await res.text()}`).toContain(res.status());
  }
});
