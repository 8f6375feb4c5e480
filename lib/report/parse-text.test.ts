import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLEAN, CLEAN_EXPECTED, parseOk } from "@/lib/testing/quirk-fixtures";

const SEEDS = join(import.meta.dirname, "fixtures/seeds");
const seedNames = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/, ""));

describe("seed reports", () => {
  it.each(seedNames)("%s reproduces its expected document", (name) => {
    const text = readFileSync(join(SEEDS, `${name}.txt`), "utf8");
    const expected = JSON.parse(readFileSync(join(SEEDS, `${name}.expected.json`), "utf8")) as Record<string, unknown>;
    const { document } = parseOk(text);
    const { agency, ...rest } = expected as { agency: { name: string[]; regionCode: string } };
    expect(agency.name).toContain(document.agency.name);
    expect(document.agency.regionCode).toBe(agency.regionCode);
    for (const [key, value] of Object.entries(rest)) expect((document as Record<string, unknown>)[key], key).toEqual(value);
  });

  it("gives every value path a provenance with a location for stated cells", () => {
    const text = readFileSync(join(SEEDS, `${seedNames[0]}.txt`), "utf8");
    const { provenance, sourceText } = parseOk(text);
    const p = provenance["requests.newReceived[6]"]!;
    expect(p.status).toBe("stated");
    const line = sourceText.split("\n")[p.loc!.line - 1]!;
    expect(line.slice(p.loc!.start, p.loc!.end)).toBe("72");
    expect(provenance["requests.unableToProvide.notHeld[6]"]).toMatchObject({ status: "inferred", rule: "row-total" });
    expect(provenance["reviewLitigation.review.total"]!.status).toBe("missing");
  });
});

describe("clean fixture", () => {
  it("parses to the hand-written document without findings", () => {
    const r = parseOk(CLEAN);
    expect(r.document).toEqual(CLEAN_EXPECTED);
    expect(r.findings).toEqual([]);
  });
});
