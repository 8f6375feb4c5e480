import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, rgb } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { extractPdfLayout, isPdfBytes, PDF_NO_TEXT_LAYER_MESSAGE } from "./parse-pdf";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/pdf/hongze-2023.pdf");
const real = () => new Uint8Array(readFileSync(FIXTURE));
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A minimal PDF whose trailer names a Standard security handler with a user password we do not know. */
function encryptedPdf(): Uint8Array {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 255).toString(16).padStart(2, "0")).join("");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(97)}> /P -44 >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(body);
}

describe("PDF failures are typed, never thrown", () => {
  it("answers a PDF without a text layer (an image-only page) with pdf-no-text-layer", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 500, height: 760, color: rgb(0.9, 0.9, 0.85) });
    page.drawLine({ start: { x: 60, y: 700 }, end: { x: 500, y: 700 }, thickness: 2 });
    // a scanned page: one image covering the page (a 1×1 PNG stretched), no text operators
    const png = await doc.embedPng(
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
    );
    page.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
    const out = await extractPdfLayout(await doc.save());
    expect(out).toEqual({ ok: false, error: { code: "pdf-no-text-layer", message: PDF_NO_TEXT_LAYER_MESSAGE } });
  });

  it("answers an encrypted PDF with pdf-encrypted", async () => {
    const out = await extractPdfLayout(encryptedPdf());
    expect(out).toMatchObject({ ok: false, error: { code: "pdf-encrypted" } });
  });

  it("answers truncated bytes with pdf-damaged", async () => {
    const bytes = real();
    for (const cut of [0.2, 0.5, 0.9]) {
      const out = await extractPdfLayout(bytes.slice(0, Math.floor(bytes.length * cut)));
      expect(out).toMatchObject({ ok: false, error: { code: "pdf-damaged" } });
    }
  });

  it("answers a corrupted body (trailer intact) and junk after the header with pdf-damaged", async () => {
    const corrupt = real();
    for (let i = 1000; i < corrupt.length - 3000; i++) corrupt[i] = (corrupt[i]! * 7 + 13) & 255;
    expect(await extractPdfLayout(corrupt)).toMatchObject({ ok: false, error: { code: "pdf-damaged" } });
    const junk = latin1(`%PDF-1.7\n${"x".repeat(3000)}\n%%EOF\n`);
    expect(await extractPdfLayout(junk)).toMatchObject({ ok: false, error: { code: "pdf-damaged" } });
  });

  it("answers bytes that are not a PDF with pdf-damaged", async () => {
    expect(isPdfBytes(latin1("hello"))).toBe(false);
    expect(await extractPdfLayout(latin1("<html>not a pdf</html>"))).toMatchObject({ ok: false, error: { code: "pdf-damaged" } });
  });

  it("stops at the per-document time limit with timeout", async () => {
    const out = await extractPdfLayout(real(), { timeoutMs: 1 });
    expect(out).toMatchObject({ ok: false, error: { code: "timeout" } });
    // and the same document still reads afterwards
    const again = await extractPdfLayout(real());
    expect("ok" in again).toBe(false);
  });
});

describe("damaged PDFs never throw or hang", () => {
  it("answers 24 randomly damaged copies of a real PDF with a result, each within the time limit", { timeout: 120_000 }, async () => {
    const { parsePdf } = await import("./parse-pdf");
    const original = real();
    let state = 20260523;
    const rand = () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const codes = new Map<string, number>();
    for (let i = 0; i < 24; i++) {
      const bytes = original.slice();
      const flips = 1 + Math.floor(rand() * 40);
      for (let f = 0; f < flips; f++) bytes[Math.floor(rand() * (bytes.length - 2048))] = Math.floor(rand() * 256);
      const result = await parsePdf(bytes, { timeoutMs: 10_000 });
      const code = result.ok ? "ok" : result.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      expect(["ok", "pdf-damaged", "not-a-report", "timeout", "pdf-no-text-layer"]).toContain(code);
    }
    expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(24);
  });
});
