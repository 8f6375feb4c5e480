import { describe, expect, it } from "vitest";
import { CLEAN, CLEAN_EXPECTED, parseOk, withLine } from "@/lib/testing/quirk-fixtures";
import type { ParseSuccess } from "./types";

/**
 * Pathological run-together digits (粘连数字): a digit run far longer than a row's seven cells can hold in any sane way
 * has millions of splits. The split search must give up at its budget (split-glued.ts) and leave the row null with a
 * finding, never take the first split it found, and never hang (how long it takes is measured by `npm run bench:parse`,
 * not asserted here).
 */
const RUN = "1203456789".repeat(4).slice(0, 36);

/** The row's cells are null or right, none is stated from the run, and the row carries the "gave up" finding. */
function expectCapped(r: ParseSuccess, row: "newReceived" | "carriedForward"): void {
  r.document.requests[row].forEach((v, i) => {
    expect([null, CLEAN_EXPECTED.requests[row][i]]).toContain(v);
    expect(r.provenance[`requests.${row}[${i}]`]!.status).not.toBe("stated");
  });
  const capped = r.findings.filter((f) => f.code === "cells-unplaced" && f.row === row);
  expect(capped.map((f) => f.message)).toEqual([expect.stringContaining("可能的拆分过多，放弃拆分")]);
}

describe("a huge run-together digit run in section 三", () => {
  it("caps the split of one row: the row is null or right, with a finding", () => {
    const r = parseOk(withLine(CLEAN, "一、本年新收", `一、本年新收政府信息公开申请数量\t\t${RUN}`));
    expectCapped(r, "newReceived");
    expect(r.document.requests.granted).toEqual(CLEAN_EXPECTED.requests.granted);
  });

  it("caps every row that holds one, and the rows without one keep their printed values", () => {
    let text = withLine(CLEAN, "一、本年新收", `一、本年新收政府信息公开申请数量\t\t${RUN}`);
    text = withLine(text, "四、结转下年度", `四、结转下年度继续办理\t\t${RUN.split("").reverse().join("")}`);
    const r = parseOk(text);
    expectCapped(r, "newReceived");
    expectCapped(r, "carriedForward");
    expect(r.document.requests.totalProcessed).toEqual(CLEAN_EXPECTED.requests.totalProcessed);
    expect(r.document.requests.denied).toEqual(CLEAN_EXPECTED.requests.denied);
  });
});
