// Hostile uploads against the production server (issue 12's severe findings): each file is refused with 422
// limit-exceeded and its reason, /api/health answers within 1 s the whole time it is being parsed, the server is still
// alive afterwards, and no row of any table changed. Small files are committed (e2e/fixtures/hostile), large ones made here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { docxBomb, nestedHtml, pdfFlateBomb, pdfManyPages, zipWithLyingSizes } from "@/lib/testing/hostile-files";
import { countAllTables } from "./e2e-db-counts";
import { E2E_INGEST_TOKEN } from "./e2e-env";

const FIXTURES = path.join(process.cwd(), "e2e/fixtures/hostile");
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Case = { name: string; body: () => Promise<Uint8Array | string>; contentType: string; reasons: string[] };

const CASES: Case[] = [
  {
    name: "1.6 KB PDF whose page tree claims 10⁹ pages",
    body: async () => fixture("page-tree-1e9.pdf"),
    contentType: "application/pdf",
    reasons: ["too-many-pages"],
  },
  {
    name: "honest 60,000-page PDF (4.5 MB)",
    body: async () => pdfManyPages(60_000),
    contentType: "application/pdf",
    reasons: ["too-many-pages"],
  },
  {
    name: "0.3 MB DOCX that unpacks to 100 MB",
    body: async () => fixture("docx-bomb-100mb.docx"),
    contentType: DOCX,
    reasons: ["too-large-unpacked"],
  },
  {
    name: "the same DOCX lying about its sizes",
    body: async () => zipWithLyingSizes(fixture("docx-bomb-100mb.docx")),
    contentType: DOCX,
    reasons: ["too-large-unpacked"],
  },
  {
    name: "DOCX that unpacks to 30 MB of paragraphs (within the size limit)",
    body: () => docxBomb(30e6),
    contentType: DOCX,
    reasons: ["timeout", "out-of-memory"],
  },
  {
    name: "PDF whose page content inflates to 1 GB",
    body: async () => pdfFlateBomb(1e9),
    contentType: "application/pdf",
    reasons: ["timeout", "out-of-memory"],
  },
  {
    name: "1,000 nested tables",
    body: async () => fixture("nested-tables-1000.html"),
    contentType: "text/html; charset=utf-8",
    reasons: ["too-deep"],
  },
  {
    name: "8,000 nested divs",
    body: async () => fixture("nested-divs-8000.html"),
    contentType: "text/html; charset=utf-8",
    reasons: ["too-deep"],
  },
  {
    name: "20,000 nested divs as JSON {html}",
    body: async () => JSON.stringify({ html: nestedHtml("div", 20_000) }),
    contentType: "application/json",
    reasons: ["too-deep"],
  },
];

/** Polls /api/health every 100 ms until stopped; resolves to the slowest answer (ms) and any failed status. */
function watchHealth(request: APIRequestContext): { stop: () => Promise<{ slowestMs: number; failures: number; polls: number }> } {
  let running = true;
  let slowestMs = 0;
  let failures = 0;
  let polls = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await request.get("/api/health", { timeout: 10_000 }).catch(() => null);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      polls++;
      if (!res || res.status() !== 200) failures++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { slowestMs, failures, polls };
    },
  };
}

test.describe.configure({ mode: "serial" });

// load the ingest route once (a cold route costs its first request, hostile or not)
test.beforeAll(async ({ request }) => {
  const res = await request.post("/api/ingest", {
    headers: { authorization: `Bearer ${E2E_INGEST_TOKEN}`, "content-type": "text/plain" },
    data: "",
  });
  expect(res.status()).toBe(422);
});

for (const c of CASES) {
  test(`hostile upload: ${c.name} → 422, health answers within 1 s, no row changed`, async ({ request }) => {
    test.setTimeout(120_000);
    const body = await c.body();
    const before = await countAllTables();
    const health = watchHealth(request);
    const res = await request.post("/api/ingest", {
      headers: { authorization: `Bearer ${E2E_INGEST_TOKEN}`, "content-type": c.contentType },
      data: typeof body === "string" ? body : Buffer.from(body),
      timeout: 90_000,
    });
    const watched = await health.stop();
    expect(res.status(), await res.text()).toBe(422);
    const error = ((await res.json()) as { error: { code: string; detail?: string; message: string } }).error;
    expect(error.code).toBe("limit-exceeded");
    expect(c.reasons).toContain(error.detail);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(watched.failures).toBe(0);
    expect(watched.polls).toBeGreaterThan(0);
    expect(watched.slowestMs, `slowest /api/health while parsing: ${Math.round(watched.slowestMs)} ms`).toBeLessThan(1000);
    // still alive, and nothing written
    expect((await request.get("/api/health")).status()).toBe(200);
    expect(await countAllTables()).toEqual(before);
  });
}
