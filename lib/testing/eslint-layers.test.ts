/**
 * The layer rules of eslint.config.mjs (ARCHITECTURE.md) fail a deliberate bad import: the real config, through
 * ESLint's Node API, on small in-memory files placed where the rule applies.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

/** The no-restricted-imports messages ESLint reports for `code` as if it were the file at `file`. */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe("layer rules", { timeout: 60_000 }, () => {
  it("lib/db imports nothing from lib/ingest, lib/http or components", async () => {
    expect(
      await restrictedImports("lib/db/bad.ts", `import { ingestFiles } from "@/lib/ingest/ingest-files";\nexport const x = ingestFiles;\n`),
    ).toEqual([expect.stringContaining("lib/db imports nothing above it")]);
    expect(
      await restrictedImports("lib/db/bad.ts", `import { parseParams } from "@/lib/http/params";\nexport const x = parseParams;\n`),
    ).toHaveLength(1);
    expect(await restrictedImports("lib/db/bad.ts", `import { Card } from "@/components/ui/card";\nexport const x = Card;\n`)).toHaveLength(
      1,
    );
  });

  it("lib/report, lib/figures, lib/regions, lib/search and lib/view are pure", async () => {
    expect(await restrictedImports("lib/view/bad.ts", `import { useState } from "react";\nexport const x = useState;\n`)).toEqual([
      expect.stringContaining("pure"),
    ]);
    expect(await restrictedImports("lib/report/bad.ts", `import { getDb } from "../db/client";\nexport const x = getDb;\n`)).toHaveLength(
      1,
    );
    expect(
      await restrictedImports("lib/figures/bad.ts", `import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n`),
    ).toHaveLength(1);
    expect(await restrictedImports("lib/regions/bad.ts", `import { getEnv } from "@/lib/env";\nexport const x = getEnv;\n`)).toHaveLength(
      1,
    );
    expect(await restrictedImports("lib/search/bad.ts", `import { getDb } from "@/lib/db/client";\nexport const x = getDb;\n`)).toEqual([
      expect.stringContaining("downward"),
    ]);
    expect(await restrictedImports("lib/search/bad.ts", `import { readFileSync } from "fs";\nexport const x = readFileSync;\n`)).toEqual([
      expect.stringContaining("values, not files"),
    ]);
    // a relative import from deep in the parser is caught too
    expect(
      await restrictedImports("lib/report/pdf/layout/bad.ts", `import { getDb } from "../../../db/client";\nexport const x = getDb;\n`),
    ).toHaveLength(1);
  });

  it("production code never imports test support; tests, benchmarks and test support may", async () => {
    const synth = `import { synthesize } from "@/lib/testing/synth";\nexport const x = synthesize;\n`;
    expect(await restrictedImports("lib/ingest/bad.ts", synth)).toEqual([expect.stringContaining("test support")]);
    expect(await restrictedImports("app/api/bad/route.ts", synth)).toHaveLength(1);
    expect(await restrictedImports("lib/report/bad.ts", synth)).toHaveLength(1);
    expect(await restrictedImports("lib/report/ok.test.ts", synth)).toEqual([]);
    // the parser's quirk fixtures helper is test support: a parser module may not import it, its tests may
    const quirks = `import { CLEAN } from "@/lib/testing/quirk-fixtures";\nexport const x = CLEAN;\n`;
    expect(await restrictedImports("lib/report/parse-text.ts", quirks)).toEqual([expect.stringContaining("test support")]);
    expect(
      await restrictedImports(
        "lib/report/pdf/layout/bad.ts",
        `import { CLEAN } from "../../../testing/quirk-fixtures";\nexport const x = CLEAN;\n`,
      ),
    ).toHaveLength(1);
    expect(await restrictedImports("lib/report/parse-text.test.ts", quirks)).toEqual([]);
    expect(await restrictedImports("scripts/bench-x.ts", synth)).toEqual([]);
  });

  it("lets imports run downward", async () => {
    expect(await restrictedImports("lib/ingest/ok.ts", `import { getDb } from "@/lib/db/client";\nexport const x = getDb;\n`)).toEqual([]);
    expect(
      await restrictedImports("lib/db/ok.ts", `import { FIGURES } from "@/lib/figures/figures";\nexport const x = FIGURES;\n`),
    ).toEqual([]);
  });
});
