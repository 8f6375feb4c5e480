import { describe, expect, it } from "vitest";
import { computeFigures } from "../figures/figures";
import type { CanonicalReport } from "../report/types";
import seed from "../report/fixtures/seeds/000_a0650e73d90a4fd5.expected.json";
import emin from "../report/fixtures/seeds/004_4e6b4656cc35d957.expected.json";
import { toFigureCards } from "./to-figure-cards";

function asDoc(json: unknown): CanonicalReport {
  const doc = json as CanonicalReport & { agency: { name: string | string[] } };
  return { ...doc, agency: { ...doc.agency, name: [doc.agency.name].flat()[0] ?? "" } };
}

describe("toFigureCards", () => {
  it("writes 申请量, 办结量 and 不掌握信息率 with counts", () => {
    const cards = toFigureCards(computeFigures(asDoc(seed)), {
      "requests.newReceived[6]": { status: "stated", loc: { line: 40, start: 2, end: 4 } },
    });
    const byId = Object.fromEntries(cards.map((c) => [c.id, c]));
    expect(byId.requestsReceived?.value).toBe("72 件");
    expect(byId.requestsReceived?.sourceLine).toBe(40);
    expect(byId.requestsHandled?.value).toBe("66 件");
    expect(byId.notHeldRate).toMatchObject({ value: "45.5%", counts: "30/66", isSmallSample: false });
  });

  it("shows —（无办结） for a rate with nothing handled (0/0), never 0%, NaN, 未填报 or 样本较小", () => {
    const cards = toFigureCards(computeFigures(asDoc(emin)), {});
    const rate = cards.find((c) => c.id === "notHeldRate");
    expect(rate?.value).toBe("—（无办结）");
    expect(cards.map((c) => c.value).join()).not.toMatch(/NaN/);
  });

  it("names every cell a figure uses, so 公开率's source link marks 予以公开, 部分公开 and 总计", () => {
    const box: [number, number, number, number] = [492.4, 546, 506.5, 560];
    const cards = toFigureCards(computeFigures(asDoc(seed)), {
      "requests.granted[6]": { status: "inferred", rule: "row-total" },
      "requests.partiallyGranted[6]": { status: "stated", loc: { line: 33, start: 1, end: 2, page: 3, box } },
    });
    const rate = cards.find((c) => c.id === "disclosureRate");
    expect(rate?.sourcePaths).toEqual(["requests.granted[6]", "requests.partiallyGranted[6]", "requests.totalProcessed[6]"]);
    // the first cell has no line: the link goes to the next located cell the figure uses
    expect(rate?.sourceLine).toBe(33);
    expect(cards.find((c) => c.id === "licensing")?.sourceLine).toBeNull();
  });
});
