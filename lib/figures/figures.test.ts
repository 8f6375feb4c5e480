import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CanonicalReport } from "../report/types";
import { computeFigures, FIGURE_COLUMNS, FIGURE_KEYS, FIGURE_META, FIGURES, getFigure, readFigures, toFigureColumns } from "./figures";

const root = path.resolve(import.meta.dirname, "../..");
const seedsDir = path.join(root, "lib/report/fixtures/seeds");
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => JSON.parse(readFileSync(path.join(seedsDir, f), "utf8")) as CanonicalReport);

/** The figure columns of model Report in prisma/schema.prisma, with their Prisma types. */
function schemaColumns(): Map<string, string> {
  const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  const model = schema.slice(schema.indexOf("model Report {"));
  const body = model.slice(0, model.indexOf("\n}"));
  return new Map([...body.matchAll(/^\s+(\w+)\s+(Int|Float)\?/gm)].map((m) => [m[1]!, m[2]!]));
}

describe("the figure registry", () => {
  it("has one entry per key, and every ranked figure stores its value under its own key", () => {
    expect(new Set(FIGURES.map((f) => f.key)).size).toBe(FIGURES.length);
    for (const key of FIGURE_KEYS) expect(getFigure(key).columns.value).toBe(key);
    expect(Object.keys(FIGURE_META)).toEqual([...FIGURE_KEYS]);
  });

  it("lists every stored column once, and each is a nullable column of Report with the matching type (the migration)", () => {
    const names = FIGURE_COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const schema = schemaColumns();
    for (const c of FIGURE_COLUMNS) expect([c.name, schema.get(c.name)]).toEqual([c.name, c.sqlType === "int" ? "Int" : "Float"]);
  });

  it("has every column a ranked figure's peer group reads in the peer-group index (a snapshot rebuild is index-only)", () => {
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const index = /@@index\(\[([^\]]+)\], map: "Report_peer_group_figures_idx"\)/.exec(schema);
    const columns = new Set(index![1]!.split(",").map((c) => c.trim()));
    for (const key of FIGURE_KEYS) {
      const c = getFigure(key).columns;
      for (const name of [c.value, c.numerator, c.denominator].filter(Boolean)) expect([key, columns.has(name!)]).toEqual([key, true]);
    }
  });

  it("reads back from the stored columns exactly what it computes from the document (pages read, never compute)", () => {
    expect(seeds.length).toBeGreaterThan(0);
    for (const doc of seeds) expect(readFigures(toFigureColumns(doc))).toEqual(computeFigures(doc));
  });

  it("stores a rate as its value and counts: 不掌握信息率 = notHeld / requestsHandled", () => {
    const doc = seeds[0]!;
    const columns = toFigureColumns(doc);
    expect(columns.notHeld).toBe(doc.requests.unableToProvide.notHeld[6]);
    expect(columns.requestsHandled).toBe(doc.requests.totalProcessed[6]);
    expect(columns.notHeldRate).toBe(computeFigures(doc).notHeldRate.value);
    expect(FIGURE_META.notHeldRate).toMatchObject({ label: "不掌握信息率", unit: "%", isRate: true });
  });
});
