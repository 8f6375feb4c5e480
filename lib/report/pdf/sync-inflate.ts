/**
 * Flate streams (the compression of nearly every PDF's page content and embedded fonts) inflated on the parse
 * worker's own thread. pdf.js inflates them through the web `DecompressionStream("deflate")` when the global exists,
 * as it does in Node: each stream then crosses Node's web-streams adapter (a dozen promise steps, on the worker's
 * thread) to zlib on libuv's thread pool and back. In a bulk run that thread-pool work competes with the other parse
 * workers for the cores, and the hand-offs cost more than the inflating. `installSyncInflate()` puts a
 * `DecompressionStream` in its place that inflates a "deflate" stream with `zlib.inflateSync`: the same zlib, so the
 * same bytes, and the same error where zlib finds the stream damaged (pdf.js then reads it with its own inflater, as
 * before). Any other format goes to the engine's `DecompressionStream`.
 * Measured with bench:ingest's 120 PDFs, back to back (load 8–14): in the 2-worker steady pass, V8 helper and libuv
 * threads 10.0–11.8 → 6.3–6.7 ms per PDF (with parse-report.ts importing the PDF reader once); the parse output of
 * every fixture PDF and bench PDF byte for byte the same.
 * Installed by the parse worker (lib/parse-pool/parse-worker.ts) only: a thread of its own, where pdf.js is the one user.
 */
import { inflateSync } from "node:zlib";

type WebDecompressionStream = typeof globalThis.DecompressionStream;

/** A one-chunk `DecompressionStream` for "deflate": takes the compressed bytes as pdf.js writes them, yields them inflated. */
function syncInflateStream(engine: WebDecompressionStream | undefined): WebDecompressionStream {
  function SyncInflateStream(this: unknown, format: CompressionFormat): DecompressionStream {
    if (format !== "deflate") {
      if (!engine) throw new TypeError(`DecompressionStream: unsupported format ${String(format)}`);
      return new engine(format);
    }
    const chunks: Uint8Array[] = [];
    const writer = {
      ready: Promise.resolve(undefined),
      closed: Promise.resolve(undefined),
      desiredSize: 1,
      write: async (chunk: Uint8Array) => void chunks.push(chunk),
      close: async () => undefined,
      abort: async () => undefined,
      releaseLock: () => undefined,
    };
    const readable = {
      // read when pdf.js iterates it, after its write: one chunk, or zlib's error for a damaged stream
      async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
        const input = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const out = inflateSync(input);
        yield new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
    };
    return { readable, writable: { getWriter: () => writer } } as unknown as DecompressionStream;
  }
  return SyncInflateStream as unknown as WebDecompressionStream;
}

let installed = false;

/** Give this thread the synchronous "deflate" DecompressionStream (once; see above). */
export function installSyncInflate(): void {
  if (installed) return;
  installed = true;
  const engine = (globalThis as { DecompressionStream?: WebDecompressionStream }).DecompressionStream;
  Object.defineProperty(globalThis, "DecompressionStream", { value: syncInflateStream(engine), configurable: true, writable: true });
}

/** The stream class itself, for tests (installSyncInflate installs it on globalThis). */
export const createSyncInflateStream = syncInflateStream;
