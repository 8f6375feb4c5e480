/**
 * Application errors and the one funnel that turns any thrown value into a JSON answer
 * `{ error: { code, message } }`. Messages are for people (Chinese); codes are stable English identifiers.
 */

/** Every error code the API answers with, and its HTTP status. */
export const ERROR_STATUS = {
  /** no or wrong `Authorization: Bearer` token */
  unauthorized: 401,
  /** the route exists but is switched off (no INGEST_TOKEN configured) */
  "ingest-off": 503,
  /** body larger than INGEST_MAX_BYTES */
  "payload-too-large": 413,
  /** a media type the parser cannot read (images, zip, …) */
  "unsupported-media-type": 415,
  /** malformed request (bad JSON, missing field) */
  "bad-request": 400,
  /** the body is not an annual report, with the parser's reason */
  "not-a-report": 422,
  /**
   * the document is over a parse limit, with the reason in `detail`: timeout, too-many-pages, too-large-unpacked,
   * too-deep, too-long-text, out-of-memory, worker-crashed (the parse worker was stopped; the server is unaffected),
   * ocr-page-limit (a scan with more pages than OCR_MAX_PAGES)
   */
  "limit-exceeded": 422,
  /** a write lost a race too many times; try again (answered with Retry-After) */
  busy: 503,
  /** the route does not serve this method (answered by proxy.ts with `Allow`) */
  "method-not-allowed": 405,
  /** the requested thing does not exist */
  "not-found": 404,
  /** anything unexpected; logged, answered with a generic message */
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

/** An error we expect and can explain to the caller. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** a more specific machine code, e.g. the parser's failure code ("empty", "pdf-no-text-layer") */
  readonly detail?: string;

  constructor(code: AppErrorCode, message: string, detail?: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.detail = detail;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = { error: { code: string; message: string; detail?: string } };

/** The JSON body for any thrown value; unknown errors are logged and get a generic message (never an empty 500). */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    const detail = err.detail ? { detail: err.detail } : {};
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...detail } } };
  }
  console.error(err);
  return {
    status: 500,
    body: { error: { code: "internal", message: "服务器内部错误，请稍后重试。(internal server error)" } },
  };
}

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 2;

/** Headers an answer with this body carries: Retry-After when it says "busy". */
export function errorHeaders(body: unknown): Record<string, string> {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return code === "busy" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
}

/** `toErrorBody` as a `Response`, for route handlers. */
export function toErrorResponse(err: unknown): Response {
  const { status, body } = toErrorBody(err);
  return Response.json(body, { status, headers: errorHeaders(body) });
}
