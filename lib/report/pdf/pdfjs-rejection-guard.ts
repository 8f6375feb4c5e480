/**
 * pdfjs-dist leaves some internal promises without a handler when a damaged file's page tree is
 * broken (e.g. `XRefEntryException` from its page-tree recovery). In Node an unhandled rejection
 * ends the process, so while PDFs are being read we swallow rejections that are pdfjs's own
 * exception types, and only those. Any other unhandled rejection keeps Node's default behaviour:
 * when ours is the only listener it is rethrown (which is what Node would have done).
 */
const PDFJS_EXCEPTIONS = new Set([
  "XRefEntryException",
  "XRefParseException",
  "FormatError",
  "InvalidPDFException",
  "UnknownErrorException",
  "PasswordException",
  "MissingDataException",
  "ResponseException",
  "AbortException",
  "UnexpectedResponseException",
]);

type NodeProcessLike = {
  on(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
  off(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
  listenerCount(event: string): number;
};

function nodeProcess(): NodeProcessLike | null {
  const p = (globalThis as { process?: Partial<NodeProcessLike> }).process;
  return p && typeof p.on === "function" && typeof p.off === "function" && typeof p.listenerCount === "function"
    ? (p as NodeProcessLike)
    : null;
}

function isPdfjsError(reason: unknown): boolean {
  if (!reason || typeof reason !== "object") return false;
  const name = (reason as { name?: unknown }).name;
  return typeof name === "string" && PDFJS_EXCEPTIONS.has(name);
}

let active = 0;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;

function onRejection(reason: unknown): void {
  if (isPdfjsError(reason)) return;
  const proc = nodeProcess();
  if (proc && proc.listenerCount("unhandledRejection") <= 1) throw reason;
}

/** Runs `work` with the guard installed; the guard stays a little longer for late rejections. */
export async function withPdfjsRejectionGuard<T>(work: () => Promise<T>): Promise<T> {
  const proc = nodeProcess();
  if (!proc) return work();
  if (releaseTimer) {
    clearTimeout(releaseTimer);
    releaseTimer = undefined;
  }
  if (active++ === 0 && !installed) {
    proc.on("unhandledRejection", onRejection);
    installed = true;
  }
  try {
    return await work();
  } finally {
    if (--active === 0) {
      releaseTimer = setTimeout(() => {
        releaseTimer = undefined;
        if (active === 0 && installed) {
          proc.off("unhandledRejection", onRejection);
          installed = false;
        }
      }, 2000);
      (releaseTimer as { unref?: () => void }).unref?.();
    }
  }
}

let installed = false;
