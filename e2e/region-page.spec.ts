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

test("unknown region codes get the 404 page", async ({ page }) => {
  const response = await page.goto("/regions/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("未找到该页面");
});
