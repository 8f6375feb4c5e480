// Journey "trust the number / understand it" at 1280 and 360 px: every figure's definition visible (also on a phone),
// 方法说明 from the header, a figure whose own check failed warns on its card, no English words where people read.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations, shootWithoutOverflow } from "./page-checks";

async function openAgency(page: Page, q: string, year: number): Promise<void> {
  await page.goto(`/?q=${encodeURIComponent(q)}`);
  await page
    .getByTestId("search-results")
    .getByRole("link", { name: new RegExp(q) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/agencies\/\d+/);
  await page.goto(`${new URL(page.url()).pathname}?year=${year}`);
}

/** Code words that must never reach a reader. */
const CODE_WORDS = /\b(review|litigationAfterReview|litigationDirect|gazetteer|row-total|outcomes-total|stated|inferred|missing)\b/;

for (const width of [1280, 360] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("every figure card shows its definition, and a failed check warns on its card", async ({ page }, testInfo) => {
      test.slow();
      await openAgency(page, "洪泽区人民政府", 2023);
      const received = page.getByTestId("figure-requestsReceived");
      await expect(received.locator("[data-guide]")).toBeVisible();
      await expect(received.locator("[data-guide]")).toContainText("本年新收政府信息公开申请总数");
      for (const card of await page.locator("[data-figure]").all()) await expect(card.locator("[data-guide]")).toBeVisible();
      // hongze-2023 prints 行政复议 总计 0 while its rows add up to 11: 表四 fails, and the card says so
      const review = page.getByTestId("figure-reviewTotal");
      await expect(review.getByTestId("figure-warning")).toContainText("表四的勾稽关系未通过");
      await expect(page.getByTestId("figure-requestsReceived").getByTestId("figure-warning")).toHaveCount(0);
      expect(await page.locator("main").innerText()).not.toMatch(CODE_WORDS);
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `agency-definitions-${width}`);
    });

    test("the ranking card covers every rankable figure", async ({ page }) => {
      await openAgency(page, "鄂托克旗", 2025);
      const figures = (await (await page.request.get("/api/v1/figures")).json()) as { items: { key: string }[] };
      for (const { key } of figures.items) await expect(page.getByTestId(`rank-${key}`)).toBeVisible();
    });

    test("方法说明 from the header: definitions, identities, 由勾稽关系推算, licence, corrections", async ({ page }, testInfo) => {
      test.slow();
      await page.goto("/");
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "方法说明" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("方法说明");
      await expect(page.getByTestId("definitions")).toContainText("复议纠错率");
      await expect(page.getByTestId("identity-list")).toContainText("表四");
      for (const h of [
        "数据从哪里来",
        "勾稽关系",
        "什么是“由勾稽关系推算”",
        "收录范围的局限",
        "汇总报告与本机关报告",
        "许可与引用",
        "发现错误怎么办",
      ]) {
        await expect(page.getByRole("heading", { name: h, exact: true })).toBeVisible();
      }
      await expect(page.getByTestId("last-update")).toContainText(/最近更新：\d{4}-\d{2}-\d{2}/);
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `methods-${width}`);
    });
  });
}

test("the report CSV speaks Chinese in its header and statuses", async ({ page, request }) => {
  await openAgency(page, "鄂托克旗", 2025);
  const path = new URL(page.url()).pathname;
  const text = await (await request.get(`${path}/download?year=2025&format=csv`)).text();
  const [header, ...rows] = text.replace(/^\uFEFF/, "").split("\r\n");
  expect(header).toBe("字段路径,名称,数值,状态,原文单元格,原文行号,PDF页码");
  expect(rows.join("\n")).not.toMatch(/,(stated|inferred|missing),/);
  expect(rows.join("\n")).toContain(",原文读取,");
});
