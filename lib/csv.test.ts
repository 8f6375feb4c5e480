import { describe, expect, it } from "vitest";
import { toCsv, toCsvCell } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM and ends lines with CRLF", () => {
    const csv = toCsv(["机关", "申请量"], [["鄂托克旗人民政府", 72]]);
    expect(csv.startsWith("\uFEFF机关,申请量\r\n")).toBe(true);
    expect(csv.endsWith("鄂托克旗人民政府,72\r\n")).toBe(true);
  });

  it("writes null as an empty cell, never 0", () => {
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(undefined)).toBe("");
    expect(toCsvCell(0)).toBe("0");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(toCsvCell('a,"b"')).toBe('"a,""b"""');
    expect(toCsvCell("x\ny")).toBe('"x\ny"');
  });

  it("defuses text that a spreadsheet would run as a formula but keeps negative numbers", () => {
    expect(toCsvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(toCsvCell(-3)).toBe("-3");
  });
});
