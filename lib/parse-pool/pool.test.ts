// The parse worker pool: results equal the in-process parser's; a job past its wall clock or its heap limit costs its
// worker (replaced on the next job), never the caller; the caller's event loop keeps turning while a hostile file parses.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docxBomb, pdfPageTreeBomb } from "@/lib/testing/hostile-files";
import { parseReport } from "@/lib/report/parse-report";
import { ParsePool } from "./pool";

const FIXTURES = path.join(import.meta.dirname, "../report/fixtures");
const seed = readFileSync(path.join(FIXTURES, "seeds/001_6b9bea8ce017e15d.txt"));
const pdf = readFileSync(path.join(FIXTURES, "pdf/hongze-2024.pdf"));
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const pool = new ParsePool({ workers: 2, mode: "source", timeoutMs: 60_000 });
afterAll(() => pool.close());

/** Largest gap between 20 ms ticks of this thread's event loop while `work` runs. */
async function maxTimerLag<T>(work: Promise<T>): Promise<{ value: T; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 20);
    last = now;
  }, 20);
  try {
    return { value: await work, lagMs };
  } finally {
    clearInterval(tick);
  }
}

describe("parse worker pool", { timeout: 120_000 }, () => {
  it("gives the same result as parseReport in this thread, for text and PDF bytes, several jobs at once", async () => {
    const inputs = [
      { bytes: seed, mediaType: "text/plain" },
      { bytes: pdf, mediaType: "application/pdf" },
      { bytes: seed, mediaType: "text/plain" },
    ];
    const inPool = await Promise.all(inputs.map((input) => pool.parse(input)));
    for (let i = 0; i < inputs.length; i++) {
      const here = await parseReport(inputs[i]!);
      expect(here.ok).toBe(true);
      expect(inPool[i]).toEqual(here);
    }
    expect(pool.stats().workers).toBeLessThanOrEqual(2);
  });

  it("a job's wall-clock limit is also its PDF read limit (PARSE_TIMEOUT_MS, not parsePdf's own 20 s)", async () => {
    const { TASKS } = await import("./tasks");
    const input = { bytes: pdf, mediaType: "application/pdf" };
    const cut = await TASKS.parse({ input, timeoutMs: 1 }, () => {});
    expect(cut).toMatchObject({ ok: false, error: { code: "timeout", message: expect.stringMatching(/PDF 处理超时/) } });
    expect((await TASKS.parse({ input, timeoutMs: 60_000 }, () => {})).ok).toBe(true);
  });

  it("stops a job at its wall-clock limit with `timeout`, replaces the worker, and the next job succeeds", async () => {
    // a parse's own PDF limit is the job's too, so either the worker's pdf.js limit or the pool answers `timeout` first
    const slow = await pool.parse({ bytes: pdf, mediaType: "application/pdf" }, { timeoutMs: 5 });
    expect(slow).toMatchObject({ ok: false, error: { code: "timeout" } });
    // with the worker's own limit far off, only the pool can end the job: it stops the worker
    const stoppedBefore = pool.stats().stopped;
    const stopped = pool.run("parse", { input: { bytes: pdf, mediaType: "application/pdf" }, timeoutMs: 60_000 }, { timeoutMs: 5 });
    await expect(stopped).rejects.toMatchObject({ code: "timeout" });
    expect(pool.stats().stopped).toBe(stoppedBefore + 1);
    const next = await pool.parse({ bytes: pdf, mediaType: "application/pdf" });
    expect(next.ok).toBe(true);
  });

  it("stops a worker that passes its heap limit with `out-of-memory`; the pool goes on", async () => {
    const small = new ParsePool({ workers: 1, mode: "source", memoryMb: 48, timeoutMs: 60_000 });
    try {
      // 0.1 MB of zip that mammoth turns into 12 MB of XML and a far larger tree: over a 48 MB heap
      const r = await small.parse({ bytes: await docxBomb(12e6), mediaType: DOCX });
      expect(r).toMatchObject({ ok: false, error: { code: "out-of-memory" } });
      expect((await small.parse({ bytes: seed, mediaType: "text/plain" })).ok).toBe(true);
    } finally {
      await small.close();
    }
  });

  it("refuses the 10⁹-page PDF with too-many-pages while this thread's timers keep ticking", async () => {
    const { value, lagMs } = await maxTimerLag(pool.parse({ bytes: pdfPageTreeBomb(), mediaType: "application/pdf" }));
    expect(value).toMatchObject({ ok: false, error: { code: "too-many-pages" } });
    expect(lagMs).toBeLessThan(500);
  });

  it("keeps this thread responsive while a worker chews on a DOCX bomb until its time limit", async () => {
    const { value, lagMs } = await maxTimerLag(pool.parse({ bytes: await docxBomb(30e6), mediaType: DOCX }, { timeoutMs: 3_000 }));
    expect(value.ok).toBe(false);
    expect(["timeout", "out-of-memory"]).toContain(value.ok ? "" : value.error.code);
    expect(lagMs).toBeLessThan(500);
  });

  it("rejects jobs after close()", async () => {
    const p = new ParsePool({ workers: 1, mode: "source" });
    await p.close();
    await expect(p.parse({ text: "x" })).rejects.toThrow(/closed/);
    await expect(p.ready()).rejects.toThrow(/closed/);
  });

  it("ready() starts every worker and resolves once all have loaded the parser", async () => {
    const p = new ParsePool({ workers: 2, mode: "source" });
    try {
      await p.ready();
      expect(p.stats()).toMatchObject({ workers: 2, busy: 0, queued: 0 });
      await p.ready(); // already ready: resolves at once
      if (process.platform === "linux") {
        // each worker names its own thread: two threads of this process, neither of them the main thread
        const ids = p.osThreadIds();
        expect(new Set(ids).size).toBe(2);
        const tasks = readdirSync("/proc/self/task").map(Number);
        for (const id of ids) {
          expect(id).not.toBe(process.pid);
          expect(tasks).toContain(id);
        }
      }
    } finally {
      await p.close();
    }
  });
});
