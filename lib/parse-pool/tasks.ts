/**
 * The tasks a parse worker runs, by name (解析任务表). A task takes a structured-clone payload and returns a
 * structured-clone value; it runs inside a worker thread with the pool's wall-clock and memory limits around it.
 * To add a task (e.g. OCR of a scan): add an entry here and call `pool.run("name", payload)`. Keep imports lazy
 * (`await import(...)` inside the task) so a worker loads only what its jobs use.
 */
import type { ParseLimits } from "@/lib/report/limits";
import type { ParseResult, ReportInput } from "@/lib/report/types";

export type ParseTaskPayload = { input: ReportInput; limits?: Partial<ParseLimits> };

export const TASKS = {
  /** parseReport on untrusted input: text, HTML, or bytes (PDF, DOCX, text files) */
  parse: async ({ input, limits }: ParseTaskPayload): Promise<ParseResult> => {
    const { parseReport } = await import("@/lib/report/parse-report");
    return parseReport(input, { limits });
  },
} satisfies Record<string, (payload: never) => Promise<unknown>>;

export type TaskName = keyof typeof TASKS;
export type TaskPayload<K extends TaskName> = Parameters<(typeof TASKS)[K]>[0];
export type TaskValue<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;

/** Modules every worker loads before it reports ready, so the first job does not pay for them (nor their time limit). */
export async function warmUp(): Promise<void> {
  await import("@/lib/report/parse-report");
  await import("@/lib/report/pdf");
}
