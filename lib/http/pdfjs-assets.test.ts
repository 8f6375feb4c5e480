import { describe, expect, it } from "vitest";
import { toPdfjsFile } from "./pdfjs-assets";

describe("toPdfjsFile", () => {
  it("serves the worker, CMaps and standard fonts", () => {
    expect(toPdfjsFile(["pdf.worker.min.mjs"])?.file).toMatch(/pdfjs-dist\/build\/pdf\.worker\.min\.mjs$/);
    expect(toPdfjsFile(["cmaps", "UniGB-UCS2-H.bcmap"])?.file).toMatch(/pdfjs-dist\/cmaps\/UniGB-UCS2-H\.bcmap$/);
    expect(toPdfjsFile(["standard_fonts", "FoxitSans.pfb"])?.file).toMatch(/standard_fonts\/FoxitSans\.pfb$/);
  });
  it("serves nothing else of node_modules", () => {
    expect(toPdfjsFile(["..", "package.json"])).toBeNull();
    expect(toPdfjsFile(["cmaps", "..", "..", "pg", "package.json"])).toBeNull();
    expect(toPdfjsFile(["cmaps", ".."])).toBeNull();
    expect(toPdfjsFile(["build", "pdf.mjs"])).toBeNull();
    expect(toPdfjsFile(["wasm", "openjpeg.wasm"])).toBeNull();
  });
});
