// Region comparison and the province tile map (issue 14): by mouse and by keyboard, URL state round-trips, drill down
// from provinces to prefectures to counties, a summary report taken as the region's figure, axe, 1280/375/360 px.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_INGEST_TOKEN } from "./e2e-env";
import { attachScreenshots, expectNoSeriousAxeViolations } from "./page-checks";

test.beforeAll(async ({ request }) => {
  // 淮安市人民政府 2024: a real city-wide summary report (全市共受理…3119 件); 洪泽区 2023/2024 come from the api project
  const pdf = readFileSync(path.join(process.cwd(), "lib/report/fixtures/pdf/huaian-2024.pdf"));
  const res = await request.post("/api/ingest", {
    headers: { authorization: `Bearer ${E2E_INGEST_TOKEN}`, "content-type": "application/pdf", "x-file-name": "huaian-2024.pdf" },
    data: pdf,
  });
  expect([200, 201]).toContain(res.status());
  // 洪泽区 2024 (own report) may not be there when this spec runs alone
  const hongze = readFileSync(path.join(process.cwd(), "lib/report/fixtures/pdf/hongze-2024.pdf"));
  const res2 = await request.post("/api/ingest", {
    headers: { authorization: `Bearer ${E2E_INGEST_TOKEN}`, "content-type": "application/pdf", "x-file-name": "hongze-2024.pdf" },
    data: hongze,
  });
  expect([200, 201]).toContain(res2.status());
});

const rowOf = (page: Page, name: string) =>
  page.getByTestId("region-row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

test("tile map by mouse: a province tile opens its prefectures, where 淮安市 is its summary report, not a sum", async ({
  page,
}, testInfo) => {
  await page.goto("/compare/regions?year=2024");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("全国各省（区、市）申请量");
  const jiangsu = page.getByTestId("tile-320000");
  await expect(jiangsu).toHaveAttribute("aria-label", /江苏省：申请量 3,119 件，汇总报告|江苏省：申请量 .*合计/);
  await expect(page.getByTestId("tile-legend")).toContainText("图例");
  await expect(page.getByTestId("tile-map").getByText("台湾", { exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await attachScreenshots(page, testInfo, "region-compare-provinces");
  await page.setViewportSize({ width: 1280, height: 900 });
  await jiangsu.click();
  await expect(page).toHaveURL(/parent=320000/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("江苏省各地市申请量");
  const huaian = rowOf(page, "淮安市");
  await expect(huaian).toContainText("3,119 件");
  await expect(huaian).toContainText("汇总报告");
  await expect(huaian).toContainText("淮安市人民政府");
  await expect(huaian.locator("td").first()).toHaveText("1");
  await expect(rowOf(page, "南京市")).toContainText("无数据");
  await expectNoSeriousAxeViolations(page);
  await attachScreenshots(page, testInfo, "region-compare-jiangsu");
  // drill down to the counties: 洪泽区 is the sum of its own reports
  await page.setViewportSize({ width: 1280, height: 900 });
  await huaian.getByRole("link", { name: "淮安市", exact: true }).click();
  await expect(page).toHaveURL(/parent=320800/);
  await expect(rowOf(page, "洪泽区")).toContainText("合计（1 个机关）");
  await expect(rowOf(page, "洪泽区")).toContainText("95 件");
  await page.goBack();
  await expect(page).toHaveURL(/parent=320000/);
  await expect(rowOf(page, "淮安市")).toContainText("3,119 件");
});

test("by keyboard: Tab to a tile and Enter; change the figure with the arrow keys, applied by 查看", async ({ page }) => {
  await page.goto("/compare/regions?year=2024");
  const tile = page.getByTestId("tile-320000");
  // Tab from the legend backwards is brittle; Tab forward from the last filter control until the tile has focus
  await page.getByRole("button", { name: "查看" }).focus();
  for (let i = 0; i < 60 && !(await tile.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(tile).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/parent=320000/);
  const figure = page.getByRole("combobox", { name: "指标" });
  await figure.focus();
  await page.keyboard.press("ArrowDown");
  await expect(figure).toHaveValue("requestsHandled");
  // WCAG 3.2.2: moving through the select does not reload the page; the choice applies on 查看
  await expect(page).not.toHaveURL(/figure=/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("申请量");
  await page.getByRole("button", { name: "查看" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/figure=requestsHandled/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("办结量");
  await expect(rowOf(page, "淮安市")).toContainText("3,050 件");
});

test("URL state round-trips: figure, year and parent come back from the URL, and the CSV has the rows on screen", async ({ page }) => {
  await page.goto("/compare/regions?parent=320000&figure=notHeldRate&year=2024");
  await expect(page.getByRole("combobox", { name: "指标" })).toHaveValue("notHeldRate");
  await expect(page.getByRole("combobox", { name: "年度" })).toHaveValue("2024");
  const huaian = rowOf(page, "淮安市");
  await expect(huaian).toContainText("25.2%");
  await expect(huaian).toContainText("769/3,050");
  await page.getByRole("combobox", { name: "年度" }).selectOption("2025");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/year=2025/);
  await expect(page).toHaveURL(/parent=320000/);
  await page.goBack();
  await expect(page).toHaveURL(/year=2024/);
  await expect(page.getByRole("combobox", { name: "年度" })).toHaveValue("2024");
  const csvHref = await page.getByTestId("download-csv").getAttribute("href");
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain("淮安市,江苏省 › 淮安市,320800,2024,汇总报告,25.2,769,3050,汇总报告（淮安市人民政府）");
});

test("360 px: no horizontal overflow on the map and the table", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const url of ["/compare/regions?year=2024", "/compare/regions?year=2024&parent=320000"]) {
    await page.goto(url);
    await expect(page.getByTestId("region-comparison-table")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, url).toBeLessThanOrEqual(1);
  }
});
