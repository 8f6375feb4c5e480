/**
 * Real OCR (tesseract.js + chi_sim from node_modules) on one scanned page and one photo; the full scans are
 * in the eval (`npx tsx scripts/ocr-eval.ts`), too slow for CI.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { parseReport } from "@/lib/report";
import { createOcrRecognizer } from "./ocr-document";
import { ocrAssetPaths, OcrPool, shutdownOcrPool } from "./tesseract-pool";

const SCANS = join(import.meta.dirname, "../report/fixtures/scans");
const pool = new OcrPool(2);
const ocr = createOcrRecognizer({ pool, limits: { pageTimeoutMs: 90_000, documentTimeoutMs: 180_000 } });
afterAll(() => Promise.all([pool.terminate(), shutdownOcrPool()]));

describe("OCR assets come from node_modules, never a URL", () => {
  it("model, worker script and core are local files", () => {
    const { langPath, workerPath, corePath } = ocrAssetPaths();
    for (const p of [langPath, workerPath, corePath]) {
      expect(p).toMatch(/node_modules/);
      expect(p).not.toMatch(/^https?:/);
    }
    expect(existsSync(join(langPath, "chi_sim.traineddata.gz"))).toBe(true);
    expect(existsSync(workerPath)).toBe(true);
  });
});

describe("OCR of a scanned page", () => {
  it("reads section 三 of a 150 dpi scan into the same rows as the text layer, every value marked ocr with page, box and confidence", async () => {
    const bytes = readFileSync(join(SCANS, "images/hongze-2023.page3.png"));
    const r = await parseReport({ bytes, fileName: "page3.png" }, { ocr });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sourceKind).toBe("ocr");
    const q = r.document.requests;
    // what the page prints (hongze-2023 p3): 21 new, 4 partly granted, 10 not held
    for (const [row, want] of [
      [q.newReceived, [21, 0, 0, 0, 0, 0, 21]],
      [q.partiallyGranted, [4, 0, 0, 0, 0, 0, 4]],
      [q.unableToProvide.notHeld, [10, 0, 0, 0, 0, 0, 10]],
    ] as const) {
      row.forEach((v, i) => {
        if (v !== null) expect(v).toBe(want[i]);
      });
    }
    expect(q.newReceived[6]).toBe(21);
    const p = r.provenance["requests.newReceived[6]"]!;
    expect(p.source).toBe("ocr");
    expect(p.loc?.page).toBe(1);
    expect(p.loc?.box).toHaveLength(4);
    expect(p.confidence).toBeGreaterThan(0);
    expect(r.document.active.penalty === null || r.document.active.penalty === 4119).toBe(true);
  }, 120_000);

  it("a photo of a notice is refused as not a report, with the reason", async () => {
    const bytes = readFileSync(join(SCANS, "images/notice-photo.jpg"));
    const r = await parseReport({ bytes, mediaType: "image/jpeg" }, { ocr });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("not-a-report");
      expect(r.error.message).toMatch(/扫描件识别完成，但不是政府信息公开工作年度报告/);
    }
  }, 120_000);

  it("a 300-page scan is refused by the page limit before any page is read", async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 300; i++) doc.addPage([595, 842]);
    const bytes = await doc.save();
    const started = Date.now();
    // the parser's own page limit (200 by default, limits.test.ts) is raised so that OCR's limit is the one that answers
    const ocrLimited = createOcrRecognizer({ pool, limits: { maxPages: 40 } });
    const r = await parseReport({ bytes, fileName: "big-scan.pdf" }, { ocr: ocrLimited, limits: { maxPages: 1000 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("ocr-page-limit");
      expect(r.error.message).toMatch(/共 300 页，超过识别页数上限 40 页/);
    }
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("without an OCR engine a scan is answered as before: no text layer", async () => {
    const r = await parseReport({ bytes: readFileSync(join(SCANS, "hongze-2023.scan150.pdf")), fileName: "x.pdf" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("pdf-no-text-layer");
  });
});
