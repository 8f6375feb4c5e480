// /rankings on the seed reports: league table, choices kept in the URL, CSV of the rows on screen, ?highlight=.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const table = (page: Page) => page.getByTestId("ranking-table");
const bodyRows = (page: Page) => table(page).locator("tbody tr");

/** The agency id behind a row's link (/agencies/<id>). */
async function agencyIdOf(page: Page, name: string): Promise<string> {
  const href = await table(page).getByRole("link", { name, exact: true }).getAttribute("href");
  return href?.match(/\/agencies\/(\d+)/)?.[1] ?? "";
}

test("申请量 2025 puts 鄂托克旗人民政府 (72) first", async ({ page }) => {
  await page.goto("/rankings?figure=requestsReceived&year=2025");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("申请量");
  const first = bodyRows(page).first();
  await expect(first.locator("td").first()).toHaveText("1");
  await expect(first).toContainText("鄂托克旗人民政府");
  await expect(first).toContainText("72 件");
  await expect(page.getByTestId("figure-guide")).toContainText("本年新收政府信息公开申请总数");
});

test("changing figure, year or scope changes the URL and the result; back restores it", async ({ page }) => {
  await page.goto("/rankings?year=2025");
  await expect(bodyRows(page).first()).toContainText("鄂托克旗人民政府");

  await page.getByLabel("指标").selectOption("notHeldRate");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/figure=notHeldRate/);
  await expect(table(page).locator("thead")).toContainText("不掌握信息率");

  await page.getByLabel("年度").selectOption("2020");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/year=2020/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2020");

  await page.goto("/rankings?year=2025");
  await page.locator('select[name="scope"]').first().selectOption({ label: "新疆维吾尔自治区" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/scope=650000/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText("额敏县人民政府");

  await page.goBack();
  await expect(page).not.toHaveURL(/scope=/);
  await expect(bodyRows(page).first()).toContainText("鄂托克旗人民政府");
});

test("the CSV download has the rows on screen", async ({ page }) => {
  await page.goto("/rankings?year=2025");
  const names = await table(page).locator("tbody th > a").allTextContents();
  expect(names.length).toBeGreaterThan(1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines).toHaveLength(names.length + 1);
  names.forEach((name, i) => expect(lines[i + 1]).toContain(name.trim()));
  expect(lines[1]).toContain(",72,");
});

test("?highlight= scrolls to and marks the agency", async ({ page }) => {
  await page.goto("/rankings?year=2025");
  const id = await agencyIdOf(page, "额敏县人民政府");
  expect(id).not.toBe("");
  await page.goto(`/rankings?year=2025&highlight=${id}`);
  const marked = table(page).locator('tr[data-highlighted="true"]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText("额敏县人民政府");
  await expect(marked).toHaveAttribute("aria-current", "true");
  await expect(marked).toBeInViewport();
  await expect(page.getByTestId("ranking-summary")).toContainText("所查机关位列第");
});
