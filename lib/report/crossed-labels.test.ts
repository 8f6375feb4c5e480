import { describe, expect, it } from "vitest";
import { CLEAN, CLEAN_EXPECTED, parseOk, withLine } from "@/lib/testing/quirk-fixtures";

/**
 * A scan read at low resolution (hongze-2023 at 150 dpi): the marker （一） is lost, 予以公开 is misread 子以公开, and the
 * wrapped label of （二）部分公开 lands on （一）'s line, its own numbers on the next line. Every identity still holds when
 * the two rows are swapped, so only the label evidence can tell: the parser must not take either row as printed.
 */
function crossed(): string {
  let text = withLine(
    CLEAN,
    "（一）予以公开",
    "三、本年度办理结果\t人(计其他情形)\t:)部分公开《区分处理的，\t子以公开\t140\t3\t0\t0\t0\t0\t143",
  );
  text = withLine(text, "（二）部分公开", "\t（三）不予公开\t只计这一情形，\t不\t1\t0\t0\t0\t0\t0\t1");
  return withLine(text, "1.属于国家秘密", "\t\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0");
}

describe("crossed row labels (section 三)", () => {
  it("never swaps two rows whose labels share a line: their cells are null or right, with a finding", () => {
    const r = parseOk(crossed());
    const { granted, partiallyGranted } = r.document.requests;
    granted.forEach((v, i) => expect([null, CLEAN_EXPECTED.requests.granted[i]]).toContain(v));
    partiallyGranted.forEach((v, i) => expect([null, CLEAN_EXPECTED.requests.partiallyGranted[i]]).toContain(v));
    expect(granted[0]).toBeNull();
    expect(partiallyGranted[0]).toBeNull();
    const crossedFindings = r.findings.filter((f) => f.code === "row-label-crossed");
    expect(crossedFindings.map((f) => f.row)).toEqual(["partiallyGranted"]);
    expect(crossedFindings[0]!.message).toContain("granted");
    expect(r.document.requests.totalProcessed).toEqual(CLEAN_EXPECTED.requests.totalProcessed);
    expect(r.document.requests.denied).toEqual(CLEAN_EXPECTED.requests.denied);
  });

  it("takes a row whose label stands alone on its line, and does not read 大量反复申请 as a misread 重复申请", () => {
    const r = parseOk(CLEAN);
    expect(r.document).toEqual(CLEAN_EXPECTED);
    expect(r.findings.filter((f) => f.code === "row-label-crossed")).toEqual([]);
  });
});
