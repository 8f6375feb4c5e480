// Home page: search by agency or place name, coverage, latest reports; accessibility and screenshots.
import { expect, test } from "@playwright/test";
import { attachScreenshots, expectNoSeriousAxeViolations } from "./page-checks";

test("home shows coverage, latest reports and links to 比较 / 排名", async ({ page }, testInfo) => {
  test.slow(); // axe + four screenshots on a shared 2-core machine
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("政府信息公开");
  const coverage = page.getByTestId("coverage");
  await expect(coverage).toContainText("机关");
  await expect(coverage).toContainText("年度报告");
  expect(Number((await coverage.textContent())?.match(/(\d+) 份/)?.[1] ?? 0)).toBeGreaterThanOrEqual(5);
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "比较" })).toHaveAttribute("href", "/compare");
  await expect(nav.getByRole("link", { name: "排名" })).toHaveAttribute("href", "/rankings");
  await expect(page.getByRole("link", { name: /鄂托克旗人民政府 2025 年/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await attachScreenshots(page, testInfo, "home");
});

test("search by part of a place name finds the body: 鄂托克 → 鄂托克旗人民政府", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "按机关或地名搜索" }).fill("鄂托克");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\?q=/);
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("link", { name: "鄂托克旗人民政府", exact: true })).toBeVisible();
  await expect(results.getByRole("link", { name: "阿拉善盟行政公署办公室" })).toHaveCount(0);
});

test("search for 额敏 finds 额敏县's body, and mixed input works", async ({ page }, testInfo) => {
  test.slow(); // axe + four screenshots on a shared 2-core machine
  await page.goto(`/?q=${encodeURIComponent("额敏")}`);
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("link", { name: /^额敏县人民政府/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await attachScreenshots(page, testInfo, "search");

  await page.goto(`/?q=${encodeURIComponent("鄂尔多斯 鄂托克")}`);
  await expect(page.getByTestId("search-results").getByRole("link", { name: "鄂托克旗人民政府", exact: true })).toBeVisible();

  await page.goto(`/?q=${encodeURIComponent("额敏县政府2025年报")}`);
  await expect(page.getByTestId("search-results").getByRole("link", { name: /^额敏县人民政府/ })).toBeVisible();

  await page.goto(`/?q=${encodeURIComponent("不存在的地方")}`);
  await expect(page.getByTestId("search-results")).toContainText("没有找到");
});
