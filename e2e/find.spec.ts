// Journey "find my county" at 1280 and 360 px: pinyin and typo search, relevance and paths, a township with no
// report leading to its region page, /regions from the header, a year the body did not publish.
import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations, shootWithoutOverflow } from "./page-checks";

const WIDTHS = [1280, 360] as const;

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("search by pinyin (etuoke) and initials finds 鄂托克旗人民政府", async ({ page }, testInfo) => {
      test.slow();
      await page.goto("/");
      await page.getByRole("searchbox", { name: "按机关或地名搜索" }).fill("etuoke");
      await page.getByRole("button", { name: "搜索" }).click();
      const results = page.getByTestId("search-results");
      await expect(results.getByRole("link", { name: "鄂托克旗人民政府", exact: true })).toBeVisible();
      await expect(page.getByTestId("search-readings")).toContainText("鄂托克旗");
      await expect(page.getByTestId("search-total")).toContainText("共 1 个");
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `search-pinyin-${width}`);
      await page.goto(`/?q=etkq`);
      await expect(page.getByTestId("search-results").getByRole("link", { name: "鄂托克旗人民政府", exact: true })).toBeVisible();
    });

    test("a typo (鄂拖克) still finds the body and offers 您是不是要找", async ({ page }, testInfo) => {
      test.slow();
      await page.goto(`/?q=${encodeURIComponent("鄂拖克")}`);
      const results = page.getByTestId("search-results");
      await expect(results.getByRole("link", { name: "鄂托克旗人民政府", exact: true })).toBeVisible();
      const dym = page.getByTestId("did-you-mean");
      await expect(dym).toContainText("您是不是要找");
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `search-typo-${width}`);
      await dym.getByRole("link", { name: "鄂托克旗" }).first().click();
      await expect(page).toHaveURL(/q=%E9%84%82%E6%89%98%E5%85%8B%E6%97%97/);
      await expect(page.getByTestId("did-you-mean")).toHaveCount(0);
    });

    test("淮安市政府 lists 淮安市人民政府 first with its region path", async ({ page }) => {
      await page.goto(`/?q=${encodeURIComponent("淮安市政府")}`);
      const first = page.getByTestId("search-results").getByRole("listitem").first();
      await expect(first).toContainText("淮安市人民政府");
      await expect(first).toContainText("江苏省 › 淮安市");
    });

    test("a township with no report (高良涧) leads to its region page", async ({ page }, testInfo) => {
      test.slow();
      await page.goto(`/?q=${encodeURIComponent("高良涧")}`);
      const place = page.getByTestId("region-hits").getByRole("listitem").filter({ hasText: "高良涧街道" });
      await expect(place).toContainText("江苏省 › 淮安市 › 洪泽区 › 高良涧街道");
      await place.getByRole("link", { name: "高良涧街道" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("高良涧街道");
      await expect(page.getByTestId("region-empty")).toBeVisible();
      await page.getByRole("link", { name: "洪泽区", exact: true }).last().click();
      await expect(page.getByTestId("region-agencies")).toContainText("洪泽区人民政府");
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `region-hongze-${width}`);
    });

    test("/regions from the header: provinces → prefectures → counties", async ({ page }, testInfo) => {
      test.slow();
      await page.goto("/");
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "地区" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("按地区浏览");
      const jiangsu = page.getByTestId("province-list").getByRole("listitem").filter({ hasText: "江苏省" }).first();
      await expect(jiangsu.locator("summary")).toContainText("个机关");
      await expect(jiangsu.getByRole("link", { name: "洪泽区" })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `regions-index-${width}`);
    });

    test("a year the body did not publish says which years there are", async ({ page }, testInfo) => {
      test.slow();
      await page.goto(`/?q=${encodeURIComponent("洪泽区人民政府")}`);
      await page
        .getByTestId("search-results")
        .getByRole("link", { name: /洪泽区人民政府/ })
        .first()
        .click();
      await expect(page).toHaveURL(/\/agencies\/\d+/);
      const url = new URL(page.url());
      await page.goto(`${url.pathname}?year=2019`);
      await expect(page.getByTestId("year-not-published")).toHaveText("2019 年未收录；已收录 2023、2024 年。");
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `year-not-published-${width}`);
      await page.getByRole("link", { name: "查看 2023 年" }).click();
      await expect(page.getByRole("heading", { level: 2, name: /2023 年度主要数据/ })).toBeVisible();
    });
  });
}
