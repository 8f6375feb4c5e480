/**
 * Section 二 figures stated in the narrative (issue 10): pingtan-2021's crawler text runs 行政规范性文件 69 36 65 together
 * (693665), which has several readings and stays null; where the report's narrative states a figure, the one reading
 * that agrees with it fills the cells (inferred, rule `narrative`). Never from the narrative alone, never a guess.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "./index";
import { narrativeFigures } from "./narrative-active";
import { tokenize } from "./tokenize";

const PINGTAN = readFileSync(join(import.meta.dirname, "fixtures/text/pingtan-2021.txt"), "utf8");
/** The text with a sentence added to its narrative (一、总体情况). */
const withNarrative = (sentence: string): string => PINGTAN.replace("（一）主动公开方面。", `（一）主动公开方面。${sentence}`);

function normative(text: string) {
  const r = parseText(text);
  if (!r.ok) throw new Error(r.error.message);
  const d = r.document.active.normativeDocuments;
  return { d, prov: r.provenance["active.normativeDocuments.issued"], findings: r.findings.map((f) => f.code) };
}

describe("section 二 figures stated in the narrative", () => {
  it("leaves a glued run with several readings null when the narrative states nothing", () => {
    const { d, findings } = normative(PINGTAN);
    expect(d).toEqual({ issued: null, repealed: null, inForce: null });
    expect(findings).toContain("cells-unplaced");
  });

  it("fills the one reading that agrees with the figures the narrative states, inferred with the rule narrative", () => {
    const { d, prov } = normative(withNarrative("全年制发行政规范性文件69件，现行有效行政规范性文件65件。"));
    expect(d).toEqual({ issued: 69, repealed: 36, inForce: 65 });
    expect(prov).toMatchObject({ status: "inferred", rule: "narrative" });
  });

  it("keeps the cells null when the narrative's figure leaves several readings, contradicts the digits, or contradicts itself", () => {
    // 69 alone: 3665 still reads 3 665, 36 65 or 366 5
    expect(normative(withNarrative("全年制发行政规范性文件69件。")).d).toEqual({ issued: null, repealed: null, inForce: null });
    // no reading of 693665 starts with 70
    expect(normative(withNarrative("全年制发行政规范性文件70件，现行有效规范性文件65件。")).d.issued).toBeNull();
    // two different figures for one cell: neither is used
    const twice = withNarrative("全年制发行政规范性文件69件，现行有效规范性文件65件。另制发规范性文件6件。");
    expect(normative(twice).d).toEqual({ issued: null, repealed: null, inForce: null });
  });

  it("reads only figures tied to their verb and 件 (not 规范性文件类信息80条, not a 清理 count of another kind)", () => {
    const figures = narrativeFigures(tokenize("政策、规范性文件类信息80条。本年印发行政规范性文件 12 件，废止规范性文件3件。"));
    expect(Object.fromEntries(figures)).toEqual({
      "active.normativeDocuments.issued": 12,
      "active.normativeDocuments.repealed": 3,
    });
  });
});
