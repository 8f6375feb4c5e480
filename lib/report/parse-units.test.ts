/**
 * Values with units and notes (issue 10, class 6): money in 元/万元/亿元 (the cell's unit, else the
 * header's) lands in 万元; a count takes its measure word (2笔, 15件); a unit that does not fit its
 * column leaves the value null with a finding; negative changes and annotated cells keep their number.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLEAN, parseOk, withLine } from "@/lib/testing/quirk-fixtures";
import { parseNumberCell } from "./parse-number";

const SEED_2019 = readFileSync(join(import.meta.dirname, "fixtures/seeds/002_6e120918e3f19fd6.txt"), "utf8");
const procurement2019 = (projects: string, amount: string): string =>
  SEED_2019.replace(/(政府集中采购\n\n)[^\n]*63\n\n[^\n]*1\.83亿/, `$1  ${projects}\n\n  ${amount}`);

describe("cells with units", () => {
  it("reads the unit of a cell and converts money to 万元", () => {
    expect(parseNumberCell("75394432.52元")).toEqual({ kind: "number", value: 7539.443252, unit: "元" });
    expect(parseNumberCell("984361元")).toMatchObject({ value: 98.4361 });
    expect(parseNumberCell("4166.241619")).toEqual({ kind: "number", value: 4166.241619 });
    expect(parseNumberCell("1.83亿")).toMatchObject({ value: 18300, unit: "亿" });
    expect(parseNumberCell("2笔")).toEqual({ kind: "number", value: 2, unit: "笔" });
    expect(parseNumberCell("22(其中修订16件)")).toMatchObject({ kind: "number", value: 22 });
    expect(parseNumberCell("-185")).toEqual({ kind: "number", value: -185 });
  });

  it("puts 行政事业性收费 in 元 into 万元, by the cell's unit or the header's", () => {
    const inYuan = parseOk(withLine(CLEAN, "行政事业性收费", "行政事业性收费\t75394432.52元\t\t"));
    expect(inYuan.document.active.feesWanYuan).toBe(7539.443252);
    const header = withLine(CLEAN, "本年收费金额", "信息内容\t本年收费金额（单位：元）\t\t");
    expect(parseOk(withLine(header, "行政事业性收费", "行政事业性收费\t125000\t\t")).document.active.feesWanYuan).toBe(12.5);
    expect(parseOk(withLine(CLEAN, "行政事业性收费", "行政事业性收费\t4166.241619\t\t")).document.active.feesWanYuan).toBe(4166.241619);
  });

  it("keeps a count's measure word, and refuses money in a count column (null with a finding)", () => {
    expect(parseOk(withLine(CLEAN, "行政许可", "行政许可\t1,234件\t\t")).document.active.licensing).toBe(1234);
    const r = parseOk(withLine(CLEAN, "行政许可", "行政许可\t1.5万\t\t"));
    expect(r.document.active.licensing).toBeNull();
    expect(r.findings).toContainEqual(expect.objectContaining({ code: "unit-mismatch", row: "active.licensing" }));
  });

  it("never shifts a number into the wrong column past an unreadable cell", () => {
    const r = parseOk(withLine(CLEAN, "行政处罚", "行政处罚\t见附件\t56\t"));
    expect(r.document.active.penalty).toBeNull();
    expect(r.findings.map((f) => f.code)).toContain("cells-unplaced");
  });

  it("keeps the number of an annotated cell", () => {
    const r = parseOk(withLine(CLEAN, "行政规范性文件", "行政规范性文件\t22（其中修订16件）\t3\t40"));
    expect(r.document.active.normativeDocuments).toEqual({ issued: 22, repealed: 3, inForce: 40 });
  });

  it("reads 政府集中采购 as 2笔 and 984361元 (2 projects, 98.4361 万元), in two cells or one", () => {
    for (const text of [procurement2019("2笔", "984361元"), procurement2019("2笔 984361元", "")]) {
      const r = parseOk(text);
      expect(r.document.legacy2019?.procurement).toEqual({ projects: 2, amountWanYuan: 98.4361 });
    }
    const countAsMoney = parseOk(procurement2019("2", "5笔"));
    expect(countAsMoney.document.legacy2019?.procurement).toEqual({ projects: 2, amountWanYuan: null });
    expect(countAsMoney.findings.map((f) => f.code)).toContain("unit-mismatch");
  });

  it("reads negative changes, with an ASCII or a typographic minus", () => {
    const base = parseOk(SEED_2019).document.legacy2019!;
    expect(base.licensing.change).toBe(-1);
    const typographic = parseOk(SEED_2019.replace(/\n(\s*)-1\n/, "\n$1−185\n")).document.legacy2019!;
    expect(typographic.licensing.change).toBe(-185);
  });
});
