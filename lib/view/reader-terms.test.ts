import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IDENTITIES, IDENTITY_FAMILIES } from "../report/identities";
import type { CanonicalReport, Legacy2019 } from "../report/types";
import { describeField, describeRule, toReaderText } from "./report-fields";
import { FINDING_CODE_LABELS, RULE_NAMES, toFindingLabel, toRuleName } from "./reader-terms";

/** Chinese, and no Latin word a reader would have to decode. */
function expectReaderText(text: string | null, what: string) {
  expect(text, what).toMatch(/[\u4e00-\u9fff]/);
  expect(text, what).not.toMatch(/[A-Za-z]{2,}/);
}

/** Every member of a string-literal union type in lib/report/types.ts, read from the source (the type has no runtime list). */
function unionMembers(typeName: string): string[] {
  const source = readFileSync(path.resolve(import.meta.dirname, "../report/types.ts"), "utf8");
  const start = source.indexOf(`export type ${typeName} =`);
  expect(start, typeName).toBeGreaterThan(-1);
  const rest = source.slice(start).replace(/\/\*[\s\S]*?\*\//g, "");
  const body = rest.slice(0, rest.indexOf(";"));
  return [...body.matchAll(/\|\s*"([^"]+)"/g)].map((m) => m[1]!);
}

describe("the reader-terms table (用语表)", () => {
  it("names every FindingCode in Chinese", () => {
    const codes = unionMembers("FindingCode");
    expect(codes.length).toBeGreaterThan(20);
    expect(Object.keys(FINDING_CODE_LABELS).sort()).toEqual([...codes].sort());
    for (const code of codes) expectReaderText(toFindingLabel(code), code);
  });

  it("names every identity id and family in Chinese", () => {
    const ids = [...Object.values(IDENTITIES).map((i) => i.id), ...IDENTITY_FAMILIES.map((f) => f.id)];
    for (const id of ids) {
      expectReaderText(toRuleName(id), id);
      expectReaderText(describeRule(id), id);
    }
  });

  it("names every rule a value's provenance may carry, alone or joined by +", () => {
    for (const rule of Object.keys(RULE_NAMES)) expectReaderText(describeRule(rule), rule);
    for (const rule of [
      "scope-default-own",
      "scope-region-total",
      "scope-compiled-from-units",
      "scope-covers-units",
      "gazetteer",
      "digit-split",
      "narrative",
    ]) {
      expect(RULE_NAMES[rule], rule).toBeDefined();
    }
    expect(describeRule("row-total+balance")).toBe(`${RULE_NAMES["row-total"]}、${RULE_NAMES.balance}`);
  });

  it("leaves no rule id in a message a page shows", () => {
    const text = toReaderText("表三第 2 列不满足勾稽关系（row-total），依据 gazetteer 与 outcomes-total");
    expectReaderText(text, text);
    expect(text).toContain(RULE_NAMES["row-total"]);
  });

  it("falls back to a Chinese word for a code it does not know", () => {
    expectReaderText(toFindingLabel("some-new-code"), "unknown code");
  });
});

/** Every leaf path of a document ("requests.granted[6]", "active.licensing"). */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, `${prefix}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe("field names (describeField)", () => {
  it("names every value of a canonical document, the 2019 template's too, in Chinese", () => {
    const seedsDir = path.resolve(import.meta.dirname, "../report/fixtures/seeds");
    const seed = readFileSync(
      path.join(
        seedsDir,
        readdirSync(seedsDir).find((f) => f.endsWith(".expected.json"))!,
      ),
      "utf8",
    );
    const doc = JSON.parse(seed) as CanonicalReport;
    const items = { previousYearItems: 0, change: 0, decisions: 0 };
    const legacy2019: Legacy2019 = {
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      normativeDocuments: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      licensing: items,
      otherServices: items,
      penalty: items,
      coercion: items,
      fees: { previousYearItems: 0, change: 0 },
      procurement: { projects: 0, amountWanYuan: 0 },
    };
    const paths = leafPaths({ ...doc, agency: { name: "x", regionCode: null }, legacy2019 }).filter((p) => p !== "schema");
    expect(paths.length).toBeGreaterThan(150);
    for (const p of paths) expectReaderText(describeField(p), p);
  });
});
