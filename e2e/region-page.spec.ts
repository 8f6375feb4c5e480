// Region page: agencies with latest figures, totals, coverage matrix, child regions, 404; accessibility and screenshots.
import { expect, test } from "@playwright/test";
import { attachScreenshots, expectNoSeriousAxeViolations } from "./page-checks";

test("鄂托克旗 lists its government with the latest figures and the years it published", async ({ page }, testInfo) => {
  test.slow(); // axe + four screenshots on a shared 2-core machine
  await page.goto("/regions/150624");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("鄂托克旗");
  const agencies = page.getByTestId("region-agencies");
  const row = agencies.getByRole("row").filter({ hasText: "鄂托克旗人民政府" });
  await expect(row).toContainText("2025");
  await expect(row).toContainText("72 件");
  await expect(row).toContainText("45.5%");
  const matrix = page.getByTestId("coverage-matrix").getByRole("row").filter({ hasText: "鄂托克旗人民政府" });
  await expect(matrix.getByRole("link", { name: /2020 年已收录/ })).toBeVisible();
  await expect(matrix.getByRole("link", { name: /2025 年已收录/ })).toBeVisible();
  await expect(matrix).toContainText("未收录");
  await expect(page.getByTestId("region-totals")).toContainText("2020");
  await expectNoSeriousAxeViolations(page);
  await attachScreenshots(page, testInfo, "region-county");
});

test("a province shows its child regions and the agencies below it", async ({ page }, testInfo) => {
  test.slow(); // axe + four screenshots on a shared 2-core machine
  await page.goto("/regions/150000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("内蒙古自治区");
  await expect(page.getByRole("link", { name: "鄂尔多斯市", exact: true })).toBeVisible();
  await expect(page.getByTestId("region-agencies")).toContainText("阿拉善盟行政公署办公室");
  await expect(page.getByTestId("region-agencies")).toContainText("宝力根花苏木人民政府");
  // 4 handled: a small sample is shown with its counts
  await expect(page.getByTestId("region-agencies").getByRole("row").filter({ hasText: "宝力根花苏木" })).toContainText("样本较小");
  await expectNoSeriousAxeViolations(page);
  await attachScreenshots(page, testInfo, "region-province");
});

test("the agency list is ordered by name (pinyin), 申请量 or latest year, and the matrix lists the same agencies in the same order", async ({
  page,
}) => {
  const rowNames = (testId: string) =>
    page
      .getByTestId(testId)
      .locator("tbody th[scope=row]")
      .allInnerTexts()
      .then((names) => names.map((n) => n.replace(/勾稽未通过/, "").trim()));
  await page.goto("/regions/150000");
  await expect(page.getByTestId("region-agency-count")).toHaveText("共 3 个机关");
  // pinyin: 阿 (a) before 宝 (bao) before 鄂 (e); code-point order would put 宝 first
  expect(await rowNames("region-agencies")).toEqual(["阿拉善盟行政公署办公室", "宝力根花苏木人民政府", "鄂托克旗人民政府"]);
  expect(await rowNames("coverage-matrix")).toEqual(await rowNames("region-agencies"));
  await expect(page.getByTestId("coverage-matrix-scope")).toContainText("列出本地区全部 3 个机关");

  await page.getByRole("link", { name: "按申请量", exact: true }).click();
  await expect(page).toHaveURL(/\/regions\/150000\?sort=requests#agencies$/);
  await expect(page.getByText("按申请量", { exact: true })).toHaveAttribute("aria-current", "true");
  expect(await rowNames("region-agencies")).toEqual(["鄂托克旗人民政府", "阿拉善盟行政公署办公室", "宝力根花苏木人民政府"]);
  expect(await rowNames("coverage-matrix")).toEqual(await rowNames("region-agencies"));

  await page.getByRole("link", { name: "按最新年度", exact: true }).click();
  await expect(page).toHaveURL(/sort=year/);
  await expect(page.getByText("按最新年度", { exact: true })).toHaveAttribute("aria-current", "true");
  // all three last published for 2025: ties go by name
  expect(await rowNames("region-agencies")).toEqual(["阿拉善盟行政公署办公室", "宝力根花苏木人民政府", "鄂托克旗人民政府"]);

  // a page past the end shows the last page; an unknown order falls back to names
  await page.goto("/regions/150000?sort=nonsense&page=99");
  await expect(page.getByTestId("region-agency-count")).toHaveText("共 3 个机关");
  expect(await rowNames("region-agencies")).toEqual(["阿拉善盟行政公署办公室", "宝力根花苏木人民政府", "鄂托克旗人民政府"]);
  await expect(page.getByRole("navigation", { name: "机关列表分页" })).toHaveCount(0);
});

test("unknown region codes get the 404 page", async ({ page }) => {
  const response = await page.goto("/regions/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("未找到该页面");
});

test("/regions names the whole of each province-level region by its kind: 全省, 全区 (自治区), 全市 (直辖市)", async ({
  page,
}, testInfo) => {
  test.slow(); // four screenshots on a shared 2-core machine
  await page.goto("/regions");
  const provinces = page.getByTestId("province-list");
  // a province with no reports is collapsed: its links are read from the markup
  const overview = (code: string) => provinces.locator(`a[href="/regions/${code}"]`).first();
  await expect(overview("320000")).toHaveText("江苏省全省概况");
  await expect(overview("150000")).toHaveText("内蒙古自治区全区概况");
  await expect(overview("110000")).toHaveText("北京市全市概况");
  await expect(overview("500000")).toHaveText("重庆市全市概况");
  await expect(provinces.getByText(/(北京市|天津市|上海市|重庆市|自治区)全省/)).toHaveCount(0);
  await attachScreenshots(page, testInfo, "regions-index");
});

test("a municipality's comparison names its children 县区, and the scope filter offers its districts under 全市", async ({
  page,
}, testInfo) => {
  test.slow(); // four screenshots on a shared 2-core machine
  await page.goto("/compare/regions?parent=110000&year=2024");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("北京市各县区申请量");
  await page.goto("/rankings?scope=110105");
  const below = page.getByLabel("区县范围");
  await expect(below).toHaveValue("110105");
  await expect(below.locator("option").first()).toHaveText("全市");
  await expect(below.locator("option", { hasText: "海淀区" })).toHaveCount(1);
  await attachScreenshots(page, testInfo, "rankings-municipality-scope");
});
