// /compare on the seed reports: ranked chart + sortable table, picking agencies for the trend chart, downloads.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const tableRows = (page: Page) => page.getByTestId("compare-table").locator("tbody tr");

test("shows every agency in scope as a ranked chart and a table", async ({ page }) => {
  await page.goto("/compare?figure=requestsReceived&year=2025");
  await expect(page.locator('[data-testid="ranked-bar-chart"] svg.recharts-surface')).toBeVisible();
  await expect(tableRows(page).first()).toContainText("鄂托克旗人民政府");
  await expect(tableRows(page).first()).toContainText("72 件");
  // one bar per agency that states a non-zero value (a 0 draws no rectangle)
  const values = await page.getByTestId("compare-table").locator("tbody td:nth-child(3)").allTextContents();
  const drawn = values.filter((v) => /[1-9]/.test(v.replace(/（.*）/, ""))).length;
  expect(drawn).toBeGreaterThan(1);
  await expect(page.locator('[data-testid="ranked-bar-chart"] .recharts-bar-rectangle')).toHaveCount(drawn);
});

test("sorting and picking agencies are kept in the URL; the trend chart shows them across years", async ({ page }) => {
  await page.goto("/compare?year=2025");
  await page.getByRole("link", { name: /^机关/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).toHaveURL(/dir=asc/);

  await page.getByRole("link", { name: "加入对比：鄂托克旗人民政府" }).click();
  await expect(page).toHaveURL(/agencies=\d+/);
  await expect(page.getByRole("list", { name: "已选机关" })).toContainText("鄂托克旗人民政府");
  await expect(page.locator('[data-testid="trend-chart"] svg.recharts-surface')).toBeVisible();
  // the 2020 and 2025 reports are both in the trend chart's table view
  const trendTable = page.getByTestId("trend-chart").locator("table");
  await expect(trendTable).toContainText("2020");
  await expect(trendTable).toContainText("2025");

  await page.getByLabel("指标").selectOption("licensing");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/figure=licensing/);
  await expect(page).toHaveURL(/agencies=\d+/);
  await page.goBack();
  await expect(page).not.toHaveURL(/figure=licensing/);
});

test("downloads the table as CSV and the chart as PNG", async ({ page }) => {
  await page.goto("/compare?year=2025");
  const names = await page.getByTestId("compare-table").locator("tbody th > a").allTextContents();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split("\r\n");
  expect(lines).toHaveLength(names.length + 1);
  names.forEach((name, i) => expect(lines[i + 1]).toContain(name.trim().replace("勾稽关系不符", "")));

  await expect(page.locator('[data-testid="ranked-bar-chart"] svg.recharts-surface')).toBeVisible();
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载图片（PNG）" }).first().click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync((await png.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});
