import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { findIdentityFailures, generateReport, isForcedRecovery, LAYOUTS, synthesize, SYNTHETIC_BANNER } from "./index";
import type { LossyEdit } from "./corrupt-tables";
import { getRegion } from "@/lib/regions/gazetteer";

const rowPaths = (row: string) => [0, 1, 2, 3, 4, 5, 6].map((c) => `${row}[${c}]`);
const textOf = (content: string | Uint8Array) => (typeof content === "string" ? content : iconv.decode(Buffer.from(content), "gbk"));

describe("generateReport", () => {
  it("gives the government of a named region: two 鼓楼区人民政府 in 南京 and 徐州, each with its own chain and site code", () => {
    const nanjing = generateReport({ seed: 7, regionCode: "320106", year: 2022 });
    const xuzhou = generateReport({ seed: 7, regionCode: "320302", year: 2022 });
    expect([nanjing.agency.name, xuzhou.agency.name]).toEqual(["鼓楼区人民政府", "鼓楼区人民政府"]);
    expect(nanjing.agency.chain).toEqual(["江苏省", "南京市", "鼓楼区"]);
    expect(xuzhou.agency.chain).toEqual(["江苏省", "徐州市", "鼓楼区"]);
    expect(nanjing.agency.siteCode.slice(0, 6)).toBe("320106");
    expect(xuzhou.agency.siteCode.slice(0, 6)).toBe("320302");
    expect(nanjing.document.year).toBe(2022);
    expect(findIdentityFailures(nanjing.document)).toEqual([]);
    expect(() => generateReport({ seed: 7, regionCode: "999999" })).toThrow(/999999/);
  });

  it("is reproducible from its seed", () => {
    expect(generateReport({ seed: 42 })).toEqual(generateReport({ seed: 42 }));
    expect(generateReport({ seed: 42 }).document).not.toEqual(generateReport({ seed: 43 }).document);
  });

  it("satisfies every identity, with real agencies, years and template variants", () => {
    const variants = new Set<string>();
    for (let seed = 0; seed < 500; seed++) {
      const { document: doc, variant, agency } = generateReport({ seed });
      variants.add(variant);
      expect(findIdentityFailures(doc), `seed ${seed}`).toEqual([]);
      expect(doc.year).toBeGreaterThanOrEqual(2019);
      expect(doc.year).toBeLessThanOrEqual(2025);
      expect(doc.templateVersion).toBe(doc.year <= 2020 ? "2019" : "2021");
      expect(doc.legacy2019 !== undefined).toBe(doc.templateVersion === "2019");
      expect(getRegion(agency.regionCode), agency.regionCode).toBeDefined();
      expect(agency.name).toMatch(/(人民政府|行政公署|办事处|局|委员会|办公室)$/);
    }
    expect([...variants].sort()).toEqual(["2019", "2021", "2021-single-other"]);
  });

  it("draws realistic numbers: many zeros, some large, decimals in 万元, negative 本年增/减", () => {
    const docs = Array.from({ length: 400 }, (_, seed) => generateReport({ seed }).document);
    const cells = docs.flatMap((d) => Object.values(d.requests).flatMap((v) => (Array.isArray(v) ? v : Object.values(v ?? {}).flat())));
    const numbers = cells.filter((x): x is number => typeof x === "number");
    expect(numbers.filter((x) => x === 0).length / numbers.length).toBeGreaterThan(0.5);
    expect(docs.some((d) => (d.requests.newReceived[6] ?? 0) >= 500)).toBe(true);
    expect(docs.some((d) => d.active.feesWanYuan !== null && !Number.isInteger(d.active.feesWanYuan))).toBe(true);
    expect(docs.some((d) => (d.legacy2019?.licensing.change ?? 0) < 0)).toBe(true);
  });
});

describe("synthesize", () => {
  it.each(LAYOUTS)("layout %s says it is synthetic and prints every number and the metadata", (layout) => {
    for (let seed = 0; seed < 30; seed++) {
      const c = synthesize({ seed, layout });
      const text = textOf(c.content);
      const doc = c.report.document;
      expect(text).toContain(SYNTHETIC_BANNER);
      expect(text).toContain(`统计期限自${doc.year}年1月1日起至${doc.year}年12月31日止`);
      expect(text).toMatch(new RegExp(`全(年|.)共受理政府信息公开申请 ${doc.requests.newReceived[6]} 件`));
      expect(text).toContain(doc.agency.name);
      for (const row of Object.values(doc.requests).flatMap((v) => (Array.isArray(v) ? [v] : Object.values(v ?? {})))) {
        for (const n of row ?? []) if (typeof n === "number") expect(text).toContain(String(n));
      }
      if (layout.startsWith("html")) expect(text).toMatch(/rowspan="\d+"/);
      if (layout === "html-gbk") expect(text).toContain("charset=gbk");
    }
  });

  it("is byte-for-byte reproducible", () => {
    expect(synthesize({ seed: 9, layout: "pipe", corruptions: "random" }).content).toEqual(
      synthesize({ seed: 9, layout: "pipe", corruptions: "random" }).content,
    );
  });

  it("applies the corruptions it names", () => {
    const text = (corruptions: Parameters<typeof synthesize>[0]["corruptions"]) =>
      synthesize({ seed: 3, layout: "tab", corruptions }).content as string;
    expect(text(["fullWidth"])).toMatch(/[０-９]/);
    expect(text(["pageBreak"])).toMatch(/^- \d -$/m);
    expect(synthesize({ seed: 3, layout: "tab", corruptions: ["drop"] }).lossy[0]?.kind).toBe("drop");
  });
});

describe("isForcedRecovery", () => {
  const doc = generateReport({ seed: 5, variant: "2021" }).document;

  it("says a single blank in the middle of a row is forced", () => {
    const edit: LossyEdit = { kind: "blank", rowPaths: rowPaths("requests.granted"), index: 3, positionKnown: true };
    expect(isForcedRecovery(doc, [edit])).toBe(true);
  });

  it("says a dropped cell is forced when all placements agree, and not when two differ yet both fit", () => {
    // In an all-zero table every placement of a dropped 0 gives the same row: forced.
    const zero = { ...doc, requests: JSON.parse(JSON.stringify(doc.requests).replace(/\d+/g, "0")) };
    expect(isForcedRecovery(zero, [{ kind: "drop", rowPaths: rowPaths("requests.granted"), index: 2, positionKnown: false }])).toBe(true);
    // granted [1,0,…,1] and partiallyGranted [0,1,…,1] each lose their first number; the swapped
    // reading (granted [0,1,…], partiallyGranted [1,0,…]) fits every identity too: not forced.
    const twoUnknownInColumn: LossyEdit[] = [
      { kind: "blank", rowPaths: rowPaths("requests.granted"), index: 0, positionKnown: false },
      { kind: "blank", rowPaths: rowPaths("requests.partiallyGranted"), index: 0, positionKnown: false },
    ];
    const shifted = {
      ...zero,
      requests: {
        ...zero.requests,
        granted: [1, 0, 0, 0, 0, 0, 1],
        partiallyGranted: [0, 1, 0, 0, 0, 0, 1],
        totalProcessed: [1, 1, 0, 0, 0, 0, 2],
        newReceived: [1, 1, 0, 0, 0, 0, 2],
      },
    };
    expect(findIdentityFailures(shifted)).toEqual([]);
    expect(isForcedRecovery(shifted, twoUnknownInColumn)).toBe(false);
  });
});
