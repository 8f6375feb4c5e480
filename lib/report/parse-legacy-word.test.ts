import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectKind, parseReport, sniffKind } from "./parse-report";

const DOC_DIR = join(import.meta.dirname, "fixtures/doc");
const SEED_DIR = join(import.meta.dirname, "fixtures/seeds");
const docs = readdirSync(DOC_DIR).filter((f) => f.endsWith(".doc"));

describe("legacy Word (.doc / .wps) through word-extractor", () => {
  it("has a .doc for each of the five seeds", () => {
    expect(docs).toHaveLength(5);
  });

  it.each(docs)("%s parses exactly as its text does", async (file) => {
    const name = file.replace(/\.doc$/, "");
    const fromDoc = await parseReport({ bytes: readFileSync(join(DOC_DIR, file)), fileName: file });
    const fromText = await parseReport({ bytes: readFileSync(join(SEED_DIR, `${name}.txt`)), fileName: `${name}.txt` });
    expect(fromDoc.ok && fromText.ok).toBe(true);
    if (!fromDoc.ok || !fromText.ok) return;
    expect(fromDoc.sourceKind).toBe("doc");
    expect(fromDoc.document).toEqual(fromText.document);
    const expected = JSON.parse(readFileSync(join(DOC_DIR, "expected", `${name}.json`), "utf8"));
    expect(fromDoc.document.requests).toEqual(expected.requests);
  });

  it("reads a .wps that is a Word compound file, whatever its name says", async () => {
    const bytes = readFileSync(join(DOC_DIR, "000_a0650e73d90a4fd5.wps"));
    expect(detectKind(bytes, undefined, "report.wps")).toBe("doc");
    const r = await parseReport({ bytes, fileName: "report.wps" });
    expect(r.ok && r.sourceKind).toBe("doc");
  });

  it("detects by magic bytes: a .wps that is really a PDF or a DOCX is read as one", () => {
    expect(detectKind(new TextEncoder().encode("%PDF-1.7\n..."), "application/octet-stream", "x.wps")).toBe("pdf");
    expect(detectKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), undefined, "x.wps")).toBe("docx");
    expect(sniffKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image");
    expect(sniffKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image");
    expect(sniffKind(new TextEncoder().encode("plain text"))).toBeNull();
  });

  it("refuses a compound file that is not a Word document with a clear reason", async () => {
    // an OLE header with nothing behind it: what a Works .wps or a renamed .xls looks like to word-extractor
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await parseReport({ bytes, fileName: "notice.wps" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/DOC\/WPS/);
  });
});
