import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeFigures } from "../figures/figures";
import type { CanonicalReport } from "../report/types";
import { describeCheckChange, toVersionChanges } from "./to-version-changes";

const seedsDir = path.resolve(import.meta.dirname, "../report/fixtures/seeds");
const seedFile = readdirSync(seedsDir).find((f) => f.endsWith(".expected.json"))!;

/** A fresh copy of a seed's expected document. */
function makeReport(): CanonicalReport {
  return JSON.parse(readFileSync(path.join(seedsDir, seedFile), "utf8")) as CanonicalReport;
}

describe("toVersionChanges", () => {
  it("names each changed figure, old → new, as the page shows it", () => {
    const older = makeReport();
    const newer = makeReport();
    newer.requests.newReceived[6] = (older.requests.newReceived[6] ?? 0) + 5;
    newer.active.licensing = (older.active.licensing ?? 0) + 1;
    const changes = toVersionChanges(computeFigures(older), computeFigures(newer));
    const byKey = Object.fromEntries(changes.map((c) => [c.key, c]));
    expect(byKey.requestsReceived).toEqual({
      key: "requestsReceived",
      label: "申请量",
      from: `${older.requests.newReceived[6]} 件`,
      to: `${newer.requests.newReceived[6]} 件`,
    });
    expect(byKey.licensing?.label).toBe("行政许可");
    expect(changes.every((c) => c.from !== c.to)).toBe(true);
    expect(changes.map((c) => c.key)).not.toContain("requestsHandled");
  });

  it("is empty when no figure changed", () => {
    const doc = makeReport();
    expect(toVersionChanges(computeFigures(doc), computeFigures(structuredClone(doc)))).toEqual([]);
  });

  it("shows a rate with the counts it rests on", () => {
    const older = makeReport();
    const newer = structuredClone(older);
    newer.requests.granted[6] = (older.requests.granted[6] ?? 0) + 1;
    const rate = toVersionChanges(computeFigures(older), computeFigures(newer)).find((c) => c.key === "disclosureRate");
    expect(rate?.to).toMatch(/^\d+(\.\d)?%（\d+\/\d+）$/);
  });

  it("says when the failed checks moved", () => {
    expect(describeCheckChange({ errorCount: 2 }, { errorCount: 0 })).toBe("数据质量错误 2 项 → 0 项");
    expect(describeCheckChange({ errorCount: 1 }, { errorCount: 1 })).toBeNull();
  });
});
