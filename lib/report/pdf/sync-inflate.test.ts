import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { parsePdf } from "./parse-pdf";
import { createSyncInflateStream, installSyncInflate } from "./sync-inflate";

const engine = globalThis.DecompressionStream;

/** pdf.js's own use of a DecompressionStream (pdf.worker.mjs asyncGetBytesFromDecompressionStream), in short */
async function inflateLikePdfjs(
  Stream: typeof DecompressionStream,
  bytes: Uint8Array<ArrayBuffer>,
  format: CompressionFormat = "deflate",
): Promise<Uint8Array> {
  const { readable, writable } = new Stream(format);
  const writer = writable.getWriter();
  await writer.ready;
  writer
    .write(bytes)
    .then(async () => {
      await writer.ready;
      await writer.close();
    })
    .catch(() => {});
  const chunks: Uint8Array[] = [];
  for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

describe("sync inflate (the parse worker's DecompressionStream)", () => {
  afterEach(() => {
    Object.defineProperty(globalThis, "DecompressionStream", { value: engine, configurable: true, writable: true });
  });

  it("inflates a deflate stream to the same bytes as the engine's DecompressionStream", async () => {
    const plain = new TextEncoder().encode("BT /F1 12 Tf 20 100 Td (2024) Tj ET\n".repeat(500));
    const packed = new Uint8Array(deflateSync(plain));
    const sync = createSyncInflateStream(engine);
    expect(await inflateLikePdfjs(sync, packed)).toEqual(plain);
    expect(await inflateLikePdfjs(sync, packed)).toEqual(await inflateLikePdfjs(engine, packed));
  });

  it("fails where the engine's fails (a truncated or garbled stream), so pdf.js falls back to its own inflater", async () => {
    const packed = new Uint8Array(deflateSync(new Uint8Array(4096).fill(7)));
    const sync = createSyncInflateStream(engine);
    for (const damaged of [packed.subarray(0, packed.length - 6), new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0x00])]) {
      await expect(inflateLikePdfjs(engine, damaged)).rejects.toThrow();
      await expect(inflateLikePdfjs(sync, damaged)).rejects.toThrow();
    }
  });

  it("hands other formats to the engine's DecompressionStream", async () => {
    const plain = new TextEncoder().encode("gzip, not deflate");
    const gz = new Uint8Array((await import("node:zlib")).gzipSync(plain));
    expect(await inflateLikePdfjs(createSyncInflateStream(engine), gz, "gzip")).toEqual(plain);
  });

  it("reads a report PDF to the same result as with the engine's DecompressionStream", async () => {
    const bytes = new Uint8Array(readFileSync("lib/report/fixtures/pdf/hongze-2024.pdf"));
    const before = await parsePdf(new Uint8Array(bytes));
    installSyncInflate();
    const installed = globalThis.DecompressionStream;
    expect(installed).not.toBe(engine);
    let deflateStreams = 0;
    const counting = function (format: CompressionFormat) {
      if (format === "deflate") deflateStreams++;
      return new installed(format);
    };
    Object.defineProperty(globalThis, "DecompressionStream", { value: counting, configurable: true, writable: true });
    const after = await parsePdf(new Uint8Array(bytes));
    expect(deflateStreams).toBeGreaterThan(0); // pdf.js read its page content and fonts through it
    expect(after.ok).toBe(true);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });
});
