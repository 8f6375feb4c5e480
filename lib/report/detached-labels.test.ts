import { describe, expect, it } from "vitest";
import { CLEAN, CLEAN_EXPECTED, parseOk } from "@/lib/testing/quirk-fixtures";
import { TEMPLATE_ORDER_RULE } from "./place-detached";

/**
 * Class 2 of issue 10, labels detached from their numbers: section 三 of the clean fixture reprinted the ways
 * PDF→Markdown and OCR print it. The generated cases are in detached-labels.property.test.ts; these are the shapes met in
 * real files, kept as regressions.
 */
const lines = CLEAN.split("\n");
const first = lines.findIndex((l) => l.startsWith("一、本年新收"));
const last = lines.findIndex((l) => l.startsWith("四、结转下年度"));
const body = lines.slice(first, last + 1).map((l) => {
  const cells = l.split("\t").filter((c) => c !== "");
  const values = cells.slice(-7);
  const label = cells[cells.length - 8]!;
  const group = cells.length > 8 && /^（[三四五六]）/.test(cells[0]!) ? cells[0]! : null;
  return { label, group, values };
});
const rebuild = (section: string[]): string => [...lines.slice(0, first), ...section, ...lines.slice(last + 1)].join("\n");

describe("labels detached from their numbers (section 三)", () => {
  it("reads a block of labels followed by a block of numbers (Markdown), placing by template order as inferred", () => {
    const section = [
      ...body.flatMap((r) => [...(r.group ? [`| ${r.group} |`] : []), `| ${r.label} |`]),
      ...body.map((r) => `|  | ${r.values.join(" | ")} |`),
    ];
    const r = parseOk(rebuild(section));
    expect(r.document.requests).toEqual(CLEAN_EXPECTED.requests);
    expect(r.provenance["requests.granted[0]"]).toMatchObject({ status: "inferred", rule: TEMPLATE_ORDER_RULE });
    expect(r.provenance["requests.carriedForward[6]"]).toMatchObject({ status: "inferred", rule: TEMPLATE_ORDER_RULE });
    expect(r.findings.map((f) => f.code)).toContain("labels-detached");
  });

  it("reads OCR's grid: numbers first, a label's numbering in the label column, one row split over two lines", () => {
    const grid = (values: string[], numbering = ""): string => ["", "", numbering, ...values].join("\t");
    const upper = body.slice(
      0,
      body.findIndex((r) => r.label.startsWith("5.要求行政机关确认")),
    );
    const section = [
      ...upper.flatMap((r) => {
        if (r.label.startsWith("1.本机关不掌握")) {
          // 8 0 0 0 0 0 8 read as two lines: the middle cells a little higher than the outer ones
          return [grid(["", "0", "0", "0", "0", "", ""], "1"), grid([r.values[0]!, "", "", "", "", r.values[5]!, r.values[6]!])];
        }
        return [grid(r.values, /^1\./.test(r.label) ? "1" : "")];
      }),
      ...upper.map((r) => r.label.replace(/^\d\./, "")),
      ...lines.slice(
        lines.findIndex((l) => l.includes("5.要求行政机关确认")),
        last + 1,
      ),
    ];
    const r = parseOk(rebuild(section));
    expect(r.document.requests).toEqual(CLEAN_EXPECTED.requests);
    expect(r.provenance["requests.unableToProvide.notHeld[0]"]).toMatchObject({ status: "inferred", rule: TEMPLATE_ORDER_RULE });
    expect(r.provenance["requests.notProcessed.confirmation[0]"]?.status).toBe("stated");
  });

  it("leaves rows null with a finding when the identities cannot tell which rows the numbers belong to (不掌握 or 补正后)", () => {
    const section = lines.slice(first, last + 1).flatMap((l) => {
      if (l.includes("1.本机关不掌握")) return ["\t（四）无法提供", "\t\t1.本机关不掌握相关政府信息", "\t\t2.没有现成信息需要另行制作"];
      if (l.includes("2.没有现成信息")) return ["\t\t3.补正后申请内容仍不明确", "\t\t\t8\t0\t0\t0\t0\t0\t8", "\t\t\t0\t0\t0\t0\t0\t0\t0"];
      if (l.includes("3.补正后")) return [];
      return [l];
    });
    const r = parseOk(rebuild(section));
    const { notHeld, needsCreation, unclear } = r.document.requests.unableToProvide;
    expect(notHeld[0]).toBeNull();
    expect(needsCreation[0]).toBeNull();
    [notHeld, needsCreation, unclear].forEach((row, i) =>
      row.forEach((v, c) => expect([null, Object.values(CLEAN_EXPECTED.requests.unableToProvide)[i]![c]]).toContain(v)),
    );
    expect(r.findings.some((f) => f.code === "repair-ambiguous" && f.severity === "warning")).toBe(true);
    expect(r.document.requests.granted).toEqual(CLEAN_EXPECTED.requests.granted);
  });
});
