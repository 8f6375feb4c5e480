import { describe, expect, it } from "vitest";
import { detectKind, isSupportedMediaType, MEDIA_TYPES, mediaTypeOfFileName, parsesQuickly, sniffKind, toMediaType } from "./media-type";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("media types: one table for the HTTP reader, the bulk CLI and the parser", () => {
  it("maps extensions to media types and kinds", () => {
    expect(MEDIA_TYPES).toEqual({
      ".pdf": "application/pdf",
      ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ".html": "text/html",
      ".htm": "text/html",
      ".txt": "text/plain",
      ".doc": "application/msword",
      ".wps": "application/vnd.ms-works",
      ".png": "image/png",
      ".jpg": "image/jpeg",
      ".jpeg": "image/jpeg",
    });
    expect(mediaTypeOfFileName("报告.PDF")).toBe("application/pdf");
    expect(mediaTypeOfFileName("notes.md")).toBeUndefined();
    expect(detectKind(bytes("x"), undefined, "a.md")).toBe("text");
    expect(detectKind(bytes("x"), "application/pdf; charset=binary")).toBe("pdf");
    expect(detectKind(bytes("x"), "text/csv")).toBe("text");
  });
  it("takes the file name's type for an upload declared as octet-stream, and refuses what the parser cannot read", () => {
    expect(toMediaType("application/octet-stream", "a.docx")).toBe(MEDIA_TYPES[".docx"]);
    expect(toMediaType("TEXT/HTML; charset=gbk", "a.pdf")).toBe("text/html");
    expect(toMediaType(null)).toBe("text/plain");
    expect(isSupportedMediaType("application/zip")).toBe(false);
    expect(parsesQuickly("text/html")).toBe(true);
    expect(parsesQuickly("application/pdf")).toBe(false);
  });
  it("sniffs the kind from magic bytes when neither type nor name says", () => {
    expect(sniffKind(bytes("%PDF-1.7 ..."))).toBe("pdf");
    expect(sniffKind(bytes("plain"))).toBeNull();
    expect(sniffKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe("docx");
    expect(detectKind(bytes("  <!DOCTYPE html><html>"))).toBe("html");
    expect(detectKind(bytes("一、总体情况"))).toBe("text");
  });
});
