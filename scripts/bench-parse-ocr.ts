/**
 * The OCR line of `npm run bench:parse` (BENCH_OCR=0 skips it): seconds per scanned page with one worker
 * (one core: one chi_sim worker, one eng worker for the second reading of numbers, the page rendered on
 * the main thread), then pages per minute with the default pool (OCR_WORKERS, one per core) reading the
 * three real reports' 200 dpi scans at once. Wall-clock figures, with the load average beside them.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { createOcrRecognizer } from "@/lib/ocr/ocr-document";
import { defaultOcrWorkers, OcrPool } from "@/lib/ocr/tesseract-pool";

const SCANS = path.join(import.meta.dirname, "../lib/report/fixtures/scans");
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

export async function runOcrBench(): Promise<void> {
  const one = readFileSync(path.join(SCANS, "hongze-2024.scan200.pdf"));
  const limits = { pageTimeoutMs: 600_000, documentTimeoutMs: 3_600_000 };
  {
    const pool = new OcrPool(1);
    const digitPool = new OcrPool(1, 60_000, "eng");
    const ocr = createOcrRecognizer({ pool, digitPool, limits });
    await ocr.recognizeImage(readFileSync(path.join(SCANS, "images/hongze-2023.page3.png"))); // warm-up: workers, model
    const t0 = performance.now();
    const pages = await ocr.recognizePdf(one);
    const s = (performance.now() - t0) / 1000;
    console.log(
      `OCR, one worker (one core)              ${(s / pages.length).toFixed(2).padStart(7)} s per scanned page  (${pages.length} pages in ${s.toFixed(1)} s; ${load()})`,
    );
    await Promise.all([pool.terminate(), digitPool.terminate()]);
  }
  {
    const n = defaultOcrWorkers();
    const pool = new OcrPool(n);
    const digitPool = new OcrPool(n, 60_000, "eng");
    const ocr = createOcrRecognizer({ pool, digitPool, limits });
    await ocr.recognizeImage(readFileSync(path.join(SCANS, "images/hongze-2023.page3.png")));
    const files = ["hongze-2023.scan200.pdf", "hongze-2024.scan200.pdf", "huaian-2024.scan200.pdf"].map((f) =>
      readFileSync(path.join(SCANS, f)),
    );
    const t0 = performance.now();
    const docs = await Promise.all(files.map((f) => ocr.recognizePdf(f)));
    const s = (performance.now() - t0) / 1000;
    const pages = docs.reduce((k, d) => k + d.length, 0);
    console.log(
      `OCR, pool of ${n} workers (OCR_WORKERS)     ${((pages / s) * 60).toFixed(1).padStart(7)} pages per minute   (${pages} pages of 3 scans in ${s.toFixed(1)} s; ${load()})`,
    );
    await Promise.all([pool.terminate(), digitPool.terminate()]);
  }
}
