// Two bodies with the same name in different places (鼓楼区人民政府 of 南京 and of 徐州): generated reports
// (lib/testing/synth) posted through /api/ingest, then search, compare and ranking tables must tell them apart by
// their region path, at 1280 and 360 px. Both are 本机关报告 (seed 1501 would give 南京 a 汇总报告, rightly left out of the
// default comparison). Year 2022, which no sample report has, so other specs' counts stay as they are.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_INGEST_TOKEN } from "./e2e-env";
import { expectNoSeriousAxeViolations } from "./page-checks";

const BODIES = [
  { code: "320106", seed: 1506, path: "江苏省 › 南京市 › 鼓楼区" },
  { code: "320302", seed: 1502, path: "江苏省 › 徐州市 › 鼓楼区" },
] as const;

type Generated = { code: string; content: string; requests: number };

/** The generator needs the gazetteer's JSON, which Playwright's loader cannot import: run it under tsx. */
function generate(): Generated[] {
  const script = `import { synthesize } from "@/lib/testing/synth";
    const bodies = ${JSON.stringify(BODIES)};
    console.log(JSON.stringify(bodies.map(({ code, seed }) => {
      const c = synthesize({ seed, layout: "tab", regionCode: code, year: 2022 });
      return { code, content: c.content, requests: c.report.document.requests.newReceived[6] };
    })));`;
  return JSON.parse(execFileSync("node_modules/.bin/tsx", ["--eval", script], { encoding: "utf8" })) as Generated[];
}

let generated: Generated[] = [];

test.beforeAll(async ({ request }) => {
  generated = generate();
  for (const { code, content } of generated) {
    const res = await request.post("/api/ingest", {
      headers: {
        authorization: `Bearer ${E2E_INGEST_TOKEN}`,
        "content-type": "text/plain; charset=utf-8",
        "x-file-name": `gulou-${code}-2022.txt`,
      },
      data: Buffer.from(content, "utf8"),
    });
    expect([200, 201], await res.text()).toContain(res.status());
  }
});

/** The 申请量 each generated report states, by region code. */
function requestsOf(code: string): number {
  return generated.find((g) => g.code === code)!.requests;
}

for (const width of [1280, 360] as const) {
  test.describe(`at ${width} px`, { tag: "@writes" }, () => {
    test.use({ viewport: { width, height: 900 } });

    test("search, compare and rankings show 鼓楼区人民政府 twice, told apart by region path", async ({ page }) => {
      test.slow();
      await page.goto(`/?q=${encodeURIComponent("鼓楼区人民政府")}`);
      const results = page.getByTestId("search-results");
      const hits = results.locator("li").filter({ has: page.getByRole("link", { name: /^鼓楼区人民政府/ }) });
      await expect(hits).toHaveCount(2);
      for (const { path } of BODIES) await expect(hits.filter({ hasText: path })).toHaveCount(1);
      await expectNoSeriousAxeViolations(page);

      await page.goto("/compare?year=2022");
      const rows = page.getByTestId("compare-table").locator("tbody tr").filter({ hasText: "鼓楼区人民政府" });
      await expect(rows).toHaveCount(2);
      for (const { code, path } of BODIES) {
        const row = rows.filter({ has: page.getByTestId("region-path").filter({ hasText: new RegExp(`^${path}$`) }) });
        await expect(row).toHaveCount(1);
        await expect(row).toContainText(`${requestsOf(code).toLocaleString("en-US")} 件`);
      }
      await expectNoSeriousAxeViolations(page);

      await page.goto("/rankings?year=2022");
      const ranked = page.getByTestId("ranking-table").locator("tbody tr").filter({ hasText: "鼓楼区人民政府" });
      await expect(ranked).toHaveCount(2);
      for (const { path } of BODIES) {
        await expect(ranked.filter({ has: page.getByTestId("region-path").filter({ hasText: new RegExp(`^${path}$`) }) })).toHaveCount(1);
      }
      await expectNoSeriousAxeViolations(page);
    });
  });
}
