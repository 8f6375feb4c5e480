import { describe, expect, it } from "vitest";
import { toSourceMarks, toSourceViewData } from "./to-source-marks";

describe("toSourceMarks", () => {
  it("keeps each located value's path, and its page and box when read from a PDF", () => {
    const marks = toSourceMarks({
      "requests.granted[6]": { status: "stated", loc: { line: 32, start: 27, end: 29, page: 3, box: [492.4, 546, 506.5, 560] } },
      "active.licensing": { status: "stated", loc: { line: 12, start: 4, end: 6 } },
      "requests.denied.stateSecret[6]": { status: "missing" },
    });
    expect(marks).toEqual([
      { path: "active.licensing", line: 12, start: 4, end: 6, label: "行政许可", page: null, box: null, isInferred: false },
      {
        path: "requests.granted[6]",
        line: 32,
        start: 27,
        end: 29,
        label: "予以公开·总计",
        page: 3,
        box: [492.4, 546, 506.5, 560],
        isInferred: false,
      },
    ]);
  });

  it("draws no box without a page", () => {
    const [mark] = toSourceMarks({ "active.penalty": { status: "stated", loc: { line: 1, start: 0, end: 1, box: [1, 2, 3, 4] } } });
    expect(mark?.box).toBeNull();
  });
});

describe("toSourceViewData", () => {
  it("gives the lines (CRLF tolerated) and the marks of located values", () => {
    const data = toSourceViewData("一、总体情况\r\n行政许可\t12\n", {
      "active.licensing": { status: "stated", loc: { line: 2, start: 5, end: 7 } },
      "active.penalty": { status: "missing" },
    });
    expect(data.lines).toEqual(["一、总体情况", "行政许可\t12", ""]);
    expect(data.marks.map((m) => [m.path, m.line, m.label])).toEqual([["active.licensing", 2, "行政许可"]]);
  });
});
