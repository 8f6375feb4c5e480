import { describe, expect, it } from "vitest";
import { parseText } from "./parse-text";
import { tokenize } from "./tokenize";
import { joinCells, wrappedReadings } from "./wrapped-cells";

const numbersOf = (text: string) => tokenize(text).flatMap((l) => l.cells.filter((c) => c.value.kind === "number"));
const values = (cells: ReturnType<typeof numbersOf>) => cells.map((c) => (c.value.kind === "number" ? c.value.value : null));

describe("wrapped cells", () => {
  it("joins a head and its tail into one number, never into one with a leading zero", () => {
    const [a, b, zero] = numbersOf("1,\n234\n0");
    expect(joinCells(a!, b!)?.value).toEqual({ kind: "number", value: 1234 });
    expect(joinCells(zero!, b!)).toBeNull();
  });

  it("reads a grid row with its tail below every way the tail can join a number above it", () => {
    const nums = numbersOf("0\t1\t0\t0\t0\t5\t16\n\t1");
    const readings = wrappedReadings(nums, 7).map(values);
    expect(readings).toContainEqual([0, 11, 0, 0, 0, 5, 16]);
    expect(readings).toContainEqual([0, 1, 0, 0, 0, 5, 161]);
    expect(readings.every((r) => r.length === 7)).toBe(true);
  });

  it("puts a wrapped number of section 三 back together when the identities confirm it, and says so", () => {
    const rows = [
      "一、本年新收政府信息公开申请数量\t0\t1\t0\t0\t0\t5\t16",
      "\t\t1",
      "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
      "三、本年度办理结果\t（一）予以公开\t0\t11\t0\t0\t0\t5\t16",
      "（七）总计\t0\t11\t0\t0\t0\t5\t16",
      "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0",
    ];
    const r = parseText(["某某县人民政府2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", ...rows].join("\n"));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.document.requests.newReceived).toEqual([0, 11, 0, 0, 0, 5, 16]);
    expect(r.findings.some((f) => f.code === "cell-wrapped")).toBe(true);
  });
});
