/**
 * The parser bugs the synthetic tests found, kept as fixtures (repros/README.md): each file must
 * now parse to the values its entry names. The files are frozen; the generator may have moved on.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtml, parseText } from "@/lib/report";
import type { CanonicalReport } from "@/lib/report/types";

const read = (name: string) => readFileSync(path.join(import.meta.dirname, "repros", name), "utf8");

function parsed(name: string): CanonicalReport {
  const text = read(name);
  const result = name.endsWith(".html") ? parseHtml(text) : parseText(text);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.document;
}

describe("synth repros", () => {
  it("1. a title naming only a 地区 means its 行政公署", () => {
    expect(parsed("place-only-diqu-title.txt").agency).toEqual({ name: "阿克苏地区行政公署", regionCode: "652900" });
  });

  it("2. a report by 中山市 parses (the gazetteer no longer loops)", () => {
    expect(parsed("zhongshan-gazetteer-hang.txt").agency.regionCode).toBe("442000");
  });

  it("3. short rows keep the placement every identity accepts", () => {
    expect(parsed("short-row-trailing-tab.txt").requests.unableToProvide.notHeld).toEqual([1, 0, 0, 3, 0, 0, 4]);
    expect(parsed("short-row-html.html").requests.totalProcessed.slice(0, 2)).toEqual([6, 0]);
  });

  it("4–5. township and same-named county region codes", () => {
    expect(parsed("township-long-county-region.txt").agency.regionCode).toBe("622927211");
    expect(parsed("county-named-like-its-township.txt").agency.regionCode).toBe("350527");
  });

  it("6. a blank zero in the middle of the 表四 row is forced back", () => {
    expect(parsed("blank-zero-in-section-4.txt").reviewLitigation.litigationAfterReview).toEqual({
      upheld: 5,
      corrected: 0,
      other: 0,
      pending: 12,
      total: 17,
    });
  });
});
