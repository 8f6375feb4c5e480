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
    // the reader sees the printed row names, never the internal keys
    expect(crossedFindings[0]!.message).toContain("表三“（二）部分公开”行的标签所在行同时出现“（一）予以公开”行");
    expect(r.document.requests.totalProcessed).toEqual(CLEAN_EXPECTED.requests.totalProcessed);
    expect(r.document.requests.denied).toEqual(CLEAN_EXPECTED.requests.denied);
  });

  it("takes a row whose label stands alone on its line, and does not read 大量反复申请 as a misread 重复申请", () => {
    const r = parseOk(CLEAN);
    expect(r.document).toEqual(CLEAN_EXPECTED);
    expect(r.findings.filter((f) => f.code === "row-label-crossed")).toEqual([]);
  });
});

describe("labels of two rows on one line, found by the mixed-damage property test (issue 10)", () => {
  const rightOrNull = (got: (number | null)[], want: (number | null)[]): void =>
    got.forEach((v, i) => expect([null, want[i]]).toContain(v));

  it("takes a row's numbering as its label too: （七）总计 with 结转下年度's words does not give 总计's numbers to 结转", () => {
    let text = withLine(CLEAN, "（七）总计", "\t（七）总计 结转下年度继续办理\t151\t3\t0\t0\t0\t0\t154");
    text = withLine(text, "四、结转下年度继续办理", "四、\t\t1\t0\t0\t0\t1\t0\t2");
    const r = parseOk(text);
    rightOrNull(r.document.requests.carriedForward, CLEAN_EXPECTED.requests.carriedForward);
    rightOrNull(r.document.requests.totalProcessed, CLEAN_EXPECTED.requests.totalProcessed);
    expect(r.findings.map((f) => f.code)).toContain("row-label-crossed");
  });

  it("never adds the numbers of a label printed again to the row's own numbers", () => {
    const text = withLine(CLEAN, "（七）总计", "\t（七）总计\t151\t3\t0\t0\t0\n\t（七）总计\t151\t3\t0\t0\t0\t0\t154");
    const r = parseOk(text);
    rightOrNull(r.document.requests.totalProcessed, CLEAN_EXPECTED.requests.totalProcessed);
    expect(r.findings.map((f) => f.code)).toContain("cells-unplaced");
  });
});

describe("a row label on the line of a one-row （六）其他处理", () => {
  it("keeps the report's one （六） row: its unprinted sub-rows are not given values", () => {
    let text = withLine(CLEAN, "5.要求行政机关确认", "\t\t5.\t0\t0\t0\t0\t0\t0\t0");
    text = withLine(text, "1.申请人无正当理由", "\t（六）其他处理\t要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0");
    text = withLine(text, "2.申请人逾期", "");
    text = withLine(text, "3.其他", "");
    const r = parseOk(text);
    expect(r.document.requests.otherHandling.noCorrection).toBeNull();
    expect(r.document.requests.otherHandling.unpaidFee).toBeNull();
    r.document.requests.otherHandling.other!.forEach((v) => expect([null, 0]).toContain(v));
  });
});

describe("a wrapped label of the next row on a row's label line, its numbers below (mixed property test, issue 10)", () => {
  it("does not give 8.属于行政查询事项's numbers to 1.本机关不掌握相关政府信息", () => {
    let text = withLine(CLEAN, "8.属于行政查询事项", "\t\t8.属于行政查询事项\t本\n机关不掌握相关政府信息\n0\t0\t0\t0\t0\t0\t0");
    text = withLine(text, "1.本机关不掌握相关政府信息", "\t（四）无法提供\t1.\t8\t0\t0\t0\t0\t0\t8");
    const r = parseOk(text);
    const { administrativeQuery } = r.document.requests.denied;
    const { notHeld } = r.document.requests.unableToProvide;
    administrativeQuery.forEach((v, i) => expect([null, CLEAN_EXPECTED.requests.denied.administrativeQuery[i]]).toContain(v));
    notHeld.forEach((v, i) => expect([null, CLEAN_EXPECTED.requests.unableToProvide.notHeld[i]]).toContain(v));
  });
});
