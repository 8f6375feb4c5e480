// POST /api/ingest against the empty e2e store: every seed 201 then 200; 000 and 002 on one agency;
// missing / wrong token, empty body, 20 MB, a zip and an unrelated page refused with clear messages and no writes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { countAllTables } from "./e2e-db-counts";
import { E2E_INGEST_TOKEN } from "./e2e-env";

const SEEDS = path.join(process.cwd(), "lib/report/fixtures/seeds");
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const AUTH = { authorization: `Bearer ${E2E_INGEST_TOKEN}` };

type IngestBody = {
  outcome: string;
  report: { id: number; year: number; version: number };
  agency: { id: number; name: string };
  figures: Record<string, number | null>;
  findings: unknown[];
};
type ErrorBody = { error: { code: string; message: string } };

function postText(request: APIRequestContext, text: string | Buffer, headers: Record<string, string> = AUTH): Promise<APIResponse> {
  return request.post("/api/ingest", { headers: { "content-type": "text/plain; charset=utf-8", ...headers }, data: text });
}

async function expectError(res: APIResponse, status: number, code: string): Promise<void> {
  expect(res.status(), await res.text()).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/); // a sentence a person can read, in Chinese
}

test.describe.configure({ mode: "serial" });

test("each seed report: 201 on first post, 200 on the identical re-post", async ({ request }) => {
  expect(seedFiles).toHaveLength(5);
  const byFile = new Map<string, IngestBody>();
  for (const file of seedFiles) {
    const text = readFileSync(path.join(SEEDS, file), "utf8");
    const first = await postText(request, text, { ...AUTH, "x-file-name": file });
    expect(first.status(), `${file}: ${await first.text()}`).toBe(201);
    const created = (await first.json()) as IngestBody;
    expect(created).toMatchObject({ outcome: "created", report: { version: 1 } });
    expect(created.figures).toHaveProperty("requestsReceived");
    expect(Array.isArray(created.findings)).toBe(true);
    const again = await postText(request, text, { ...AUTH, "x-file-name": file });
    expect(again.status()).toBe(200);
    const unchanged = (await again.json()) as IngestBody;
    expect(unchanged).toMatchObject({ outcome: "unchanged", report: { id: created.report.id } });
    byFile.set(file.slice(0, 3), created);
  }
  const s000 = byFile.get("000")!;
  const s002 = byFile.get("002")!;
  expect(s000.agency.name).toBe("鄂托克旗人民政府");
  expect(s002.agency.id).toBe(s000.agency.id);
  expect([s000.report.year, s002.report.year].sort()).toEqual([2020, 2025]);
});

test("JSON and multipart bodies go through the same path (identical documents → 200)", async ({ request }) => {
  const text = readFileSync(path.join(SEEDS, seedFiles[0]!), "utf8");
  const json = await request.post("/api/ingest", { headers: AUTH, data: { text } });
  expect(json.status(), await json.text()).toBe(200);
  const multipart = await request.post("/api/ingest", {
    headers: AUTH,
    multipart: {
      a: { name: seedFiles[0]!, mimeType: "text/plain", buffer: Buffer.from(text) },
      b: { name: "logo.zip", mimeType: "application/zip", buffer: Buffer.from([0x50, 0x4b, 0x05, 0x06]) },
    },
  });
  expect(multipart.status()).toBe(207);
  const { results } = (await multipart.json()) as { results: { fileName: string; status: number }[] };
  expect(results.map((r) => [r.fileName, r.status])).toEqual([
    [seedFiles[0], 200],
    ["logo.zip", 415],
  ]);
});

test("bad requests are refused with a clear error and write nothing", async ({ request }) => {
  const before = await countAllTables();
  expect(before.Report).toBeGreaterThanOrEqual(5);
  const text = readFileSync(path.join(SEEDS, seedFiles[1]!), "utf8") + "\n";

  await expectError(await postText(request, text, {}), 401, "unauthorized");
  await expectError(await postText(request, text, { authorization: "Bearer not-the-token" }), 401, "unauthorized");
  await expectError(await postText(request, ""), 422, "not-a-report");
  await expectError(await postText(request, Buffer.alloc(20 * 1024 * 1024, 0x41)), 413, "payload-too-large");
  const zip = Buffer.from("504b0506000000000000000000000000000000000000", "hex");
  await expectError(
    await request.post("/api/ingest", { headers: { ...AUTH, "content-type": "application/zip" }, data: zip }),
    415,
    "unsupported-media-type",
  );
  const unrelated =
    "<!doctype html><html><head><title>天气预报</title></head><body><h1>今日天气</h1><p>晴，最高气温 25 度。</p></body></html>";
  await expectError(
    await request.post("/api/ingest", { headers: { ...AUTH, "content-type": "text/html; charset=utf-8" }, data: unrelated }),
    422,
    "not-a-report",
  );

  expect(await countAllTables()).toEqual(before);
});

test("PDF reports: raw application/pdf and inside a multipart upload, both years on one agency; a truncated PDF is refused", async ({
  request,
}) => {
  const PDFS = path.join(process.cwd(), "lib/report/fixtures/pdf");
  const pdf2024 = readFileSync(path.join(PDFS, "hongze-2024.pdf"));
  const raw = await request.post("/api/ingest", {
    headers: { ...AUTH, "content-type": "application/pdf", "x-file-name": "hongze-2024.pdf" },
    data: pdf2024,
  });
  expect(raw.status(), await raw.text()).toBe(201);
  const created = (await raw.json()) as IngestBody;
  expect(created.report.year).toBe(2024);
  expect(created.figures.requestsReceived).toBe(95);
  expect(created.agency.name).toMatch(/^(淮安市)?洪泽区人民政府$/);

  const multipart = await request.post("/api/ingest", {
    headers: AUTH,
    multipart: {
      a: { name: "hongze-2023.pdf", mimeType: "application/pdf", buffer: readFileSync(path.join(PDFS, "hongze-2023.pdf")) },
      b: { name: "hongze-2024.pdf", mimeType: "application/pdf", buffer: pdf2024 },
    },
  });
  expect(multipart.status(), await multipart.text()).toBe(201);
  const { results } = (await multipart.json()) as { results: (IngestBody & { fileName: string; status: number })[] };
  expect(results.map((r) => [r.fileName, r.status])).toEqual([
    ["hongze-2023.pdf", 201],
    ["hongze-2024.pdf", 200],
  ]);
  // 洪泽区人民政府 (2023 title) and 淮安市洪泽区人民政府 (2024 title) are one body
  expect(results[0]!.agency.id).toBe(created.agency.id);
  expect(results[0]!.report.year).toBe(2023);

  const before = await countAllTables();
  const truncated = pdf2024.subarray(0, Math.floor(pdf2024.length / 3));
  await expectError(
    await request.post("/api/ingest", { headers: { ...AUTH, "content-type": "application/pdf" }, data: truncated }),
    422,
    "not-a-report",
  );
  expect(await countAllTables()).toEqual(before);
});
