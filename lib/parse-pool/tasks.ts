/**
 * The tasks a parse worker runs, by name (解析任务表). A task takes a structured-clone payload and returns a
 * structured-clone value; it runs inside a worker thread with the pool's wall-clock and memory limits around it.
 * To add a task (e.g. OCR of a scan): add an entry here and call `pool.run("name", payload)`. Keep imports lazy
 * (`await import(...)` inside the task) so a worker loads only what its jobs use.
 */
import type { EncodedReportRow, ReportSource } from "@/lib/db/report-row";
import type { ParseLimits } from "@/lib/report/limits";
import type { ParseFailure, ParseResult, ReportInput } from "@/lib/report/types";

export type ParseTaskPayload = {
  input: ReportInput;
  limits?: Partial<ParseLimits>;
  /** read a scan with OCR (the recognizer and its Tesseract workers live in this worker thread) */
  ocr?: boolean;
  /** the job's wall-clock limit (the pool stops the worker then): a PDF's own read limit is the same, not parsePdf's 20 s */
  timeoutMs?: number;
};

/** A parse for storing: the parse as in `parse`, plus where the original came from (its bytes stay with the caller). */
export type ParseRowPayload = ParseTaskPayload & { source: Omit<ReportSource, "bytes"> };

/**
 * A parsed document as the row to store, encoded in the worker (lib/db/report-row.ts `encodeReportRow`): the thread
 * that writes gets a few small values and one JSON text, not the document, provenance and findings as objects.
 */
export type ParsedRow = ParseFailure | { ok: true; agencyName: string; row: EncodedReportRow };

/** A task's way to tell the caller how far it is (the pool hands it to `run`'s `onProgress`). */
export type ReportProgress = (progress: unknown) => void;

/**
 * A module imported once per worker: `import()` of a loaded module still asks the module loader each time (under tsx,
 * a round trip to its loader thread per call, about a millisecond per job in bulk ingest).
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
const parser = once(() => import("@/lib/report/parse-report"));
const rows = once(() => Promise.all([import("@/lib/db/report-row"), import("@/lib/regions/agency-identity")]));

export const TASKS = {
  /** parseReport on untrusted input: text, HTML, or bytes (PDF, DOCX, .doc/.wps, text files; scans with `ocr`) */
  parse: async ({ input, limits, ocr, timeoutMs }: ParseTaskPayload, report: ReportProgress): Promise<ParseResult> => {
    const { parseReport } = await parser();
    if (!ocr) return parseReport(input, { limits, pdfTimeoutMs: timeoutMs });
    const { createOcrRecognizer } = await import("@/lib/ocr/ocr-document");
    const recognizer = createOcrRecognizer({ onProgress: (done: number, total: number) => report({ done, total }) });
    return parseReport(input, { limits, ocr: recognizer, pdfTimeoutMs: timeoutMs });
  },
  /** `parse`, then the row to store (the agency's identity from lib/regions), encoded here */
  parseRow: async ({ source, ...payload }: ParseRowPayload, report: ReportProgress): Promise<ParsedRow> => {
    const parsed = await TASKS.parse(payload, report);
    if (!parsed.ok) return parsed;
    const [{ encodeReportRow, toReportRow }, { toAgencyIdentity }] = await rows();
    const row = toReportRow(parsed, toAgencyIdentity(parsed.document.agency), { ...source, bytes: new Uint8Array() });
    return { ok: true, agencyName: parsed.document.agency.name, row: encodeReportRow(row) };
  },
} satisfies Record<string, (payload: never, report: ReportProgress) => Promise<unknown>>;

export type TaskName = keyof typeof TASKS;
export type TaskPayload<K extends TaskName> = Parameters<(typeof TASKS)[K]>[0];
export type TaskValue<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;

/**
 * Modules every worker loads before it reports ready, so the first job does not pay for them (nor their time limit);
 * with `pdf`, pdf.js too (see warm-up-pdf.ts), whose loader puts the engine's own built-ins back (lib/report/pdf/load-pdfjs.mjs).
 */
export async function warmUp({ pdf }: { pdf: boolean }): Promise<void> {
  const { parseReport } = await parser();
  await import("@/lib/report/pdf");
  await rows();
  if (!pdf) return;
  const { warmUpPdf } = await import("./warm-up-pdf");
  await parseReport({ bytes: warmUpPdf(), mediaType: "application/pdf" }); // the result does not matter
}
