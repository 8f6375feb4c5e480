/**
 * The tasks a parse worker runs, by name (解析任务表). A task takes a structured-clone payload and returns a
 * structured-clone value; it runs inside a worker thread with the pool's wall-clock and memory limits around it.
 * To add a task (e.g. OCR of a scan): add an entry here and call `pool.run("name", payload)`. Keep imports lazy
 * (`await import(...)` inside the task) so a worker loads only what its jobs use.
 */
import type { ParseLimits } from "@/lib/report/limits";
import type { ParseResult, ReportInput } from "@/lib/report/types";

export type ParseTaskPayload = {
  input: ReportInput;
  limits?: Partial<ParseLimits>;
  /** read a scan with OCR (the recognizer and its Tesseract workers live in this worker thread) */
  ocr?: boolean;
};

/** A task's way to tell the caller how far it is (the pool hands it to `run`'s `onProgress`). */
export type ReportProgress = (progress: unknown) => void;

export const TASKS = {
  /** parseReport on untrusted input: text, HTML, or bytes (PDF, DOCX, .doc/.wps, text files; scans with `ocr`) */
  parse: async ({ input, limits, ocr }: ParseTaskPayload, report: ReportProgress): Promise<ParseResult> => {
    const { parseReport } = await import("@/lib/report/parse-report");
    if (!ocr) return parseReport(input, { limits });
    const { createOcrRecognizer } = await import("@/lib/ocr/ocr-document");
    const recognizer = createOcrRecognizer({ onProgress: (done: number, total: number) => report({ done, total }) });
    return parseReport(input, { limits, ocr: recognizer });
  },
} satisfies Record<string, (payload: never, report: ReportProgress) => Promise<unknown>>;

export type TaskName = keyof typeof TASKS;
export type TaskPayload<K extends TaskName> = Parameters<(typeof TASKS)[K]>[0];
export type TaskValue<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;

/** Modules every worker loads before it reports ready, so the first job does not pay for them (nor their time limit). */
export async function warmUp(): Promise<void> {
  await import("@/lib/report/parse-report");
  await import("@/lib/report/pdf");
}
