import { describe, expect, it } from "vitest";
import { loadPdfJs } from "./load-pdfjs.mjs";
import { readPdfItems } from "./read-pdf-items";
import { warmUpPdf } from "@/lib/parse-pool/warm-up-pdf";

// the engine's own functions, taken before this file loads pdf.js (its modules load only when loadPdfJs is called);
// a core-js polyfill cannot be told by its text: core-js's Function.prototype.toString prints "[native code]" for it
const engines = [JSON.parse, JSON.stringify, Array.prototype.push, Function.prototype.toString];
const current = () => [JSON.parse, JSON.stringify, Array.prototype.push, Function.prototype.toString];

describe("loadPdfJs", () => {
  it("leaves the engine's JSON, Array push and Function toString in place once pdf.js and its worker module are loaded", async () => {
    const pdfjs = await loadPdfJs();
    expect(typeof pdfjs.getDocument).toBe("function");
    // the legacy build installs core-js polyfills for each of these when it loads
    current().forEach((fn, i) => expect(fn, ["JSON.parse", "JSON.stringify", "push", "toString"][i]).toBe(engines[i]));
  });

  it("reads a PDF's text with fonts loaded into the inert owner document, and keeps the engine's built-ins", async () => {
    const { items } = await readPdfItems(warmUpPdf());
    expect(items.map((i) => i.str)).toEqual(["2024"]);
    expect(current()).toEqual(engines);
  });
});
