// Every page type, at 1280 and 360 px: axe finds no serious or critical violation, the page is no wider than the
// viewport at 360 px, and a full-page screenshot is attached (issue 15, "axe: 0 serious or critical on every page at
// both widths"). The journeys themselves (search, year not published, source links, downloads, keyboard) have their
// own specs; this one makes sure no page type is left out of the accessibility and layout checks.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./page-checks";

async function findAgencyPath(page: Page, query: string, name: RegExp): Promise<string> {
  await page.goto(`/?q=${encodeURIComponent(query)}`);
  const href = await page.getByTestId("search-results").getByRole("link", { name }).first().getAttribute("href");
  expect(href).toMatch(/^\/agencies\/\d+$/);
  return href!;
}

/** axe, the 360 px overflow check and a full-page screenshot of the page as it is now. */
async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoSeriousAxeViolations(page);
  const width = page.viewportSize()!.width;
  if (width <= 360) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} is wider than ${width}px`).toBeLessThanOrEqual(1);
  }
  const path = testInfo.outputPath(`${name}-${width}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${name}-${width}`, { path, contentType: "image/png" });
}

/** Pages reached by a plain address: name → path, and what the page must show so we know it is the right one. */
const FIXED_PAGES: { name: string; path: string; heading: RegExp; status?: number }[] = [
  { name: "home", path: "/", heading: /政府信息公开工作年度报告数据/ },
  { name: "search-pinyin", path: "/?q=etkq", heading: /政府信息公开/ },
  { name: "search-typo", path: `/?q=${encodeURIComponent("鄂拖克")}`, heading: /政府信息公开/ },
  { name: "search-none", path: `/?q=${encodeURIComponent("不存在的地方")}`, heading: /政府信息公开/ },
  { name: "methods", path: "/methods", heading: /方法说明/ },
  { name: "regions", path: "/regions", heading: /按地区浏览/ },
  { name: "region-province", path: "/regions/150000", heading: /内蒙古自治区/ },
  { name: "region-prefecture", path: "/regions/150600", heading: /鄂尔多斯市/ },
  { name: "region-county", path: "/regions/150624", heading: /鄂托克旗/ },
  { name: "region-unknown", path: "/regions/999999", heading: /未找到/, status: 404 },
  { name: "rankings", path: "/rankings?year=2025", heading: /排名/ },
  { name: "compare", path: "/compare?year=2025", heading: /比较/ },
  { name: "compare-regions", path: "/compare/regions?year=2024", heading: /地区比较/ },
  { name: "compare-regions-jiangsu", path: "/compare/regions?parent=320000&year=2024", heading: /地区比较/ },
  { name: "agency-unknown", path: "/agencies/987654321", heading: /未找到/, status: 404 },
  { name: "not-found", path: "/no-such-page", heading: /未找到该页面/, status: 404 },
];

for (const width of [1280, 360] as const) {
  test.describe(`every page at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const { name, path, heading, status } of FIXED_PAGES) {
      test(`${name} (${path})`, async ({ page }, testInfo) => {
        test.slow(); // axe + a full-page screenshot on a shared 2-core machine
        const res = await page.goto(path);
        expect(res?.status()).toBe(status ?? 200);
        await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(heading);
        await checkPage(page, testInfo, name);
      });
    }

    test("agency page, its year not published, and a comparison of two agencies", async ({ page }, testInfo) => {
      test.slow();
      const hongze = await findAgencyPath(page, "洪泽区人民政府", /^洪泽区人民政府$/);
      await page.goto(`${hongze}?year=2024`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/洪泽区人民政府/);
      await checkPage(page, testInfo, "agency-pdf");

      await page.goto(`${hongze}?year=2019`);
      await expect(page.getByTestId("year-not-published")).toBeVisible();
      await checkPage(page, testInfo, "agency-year-not-published");

      const huaian = await findAgencyPath(page, "淮安市人民政府", /^淮安市人民政府$/);
      const ids = [hongze, huaian].map((p) => p.split("/").pop()).join(",");
      await page.goto(`/compare?year=2024&agencies=${ids}`);
      await expect(page.locator("main").getByText("洪泽区人民政府").filter({ visible: true }).first()).toBeVisible();
      await checkPage(page, testInfo, "compare-two");
    });

    test("source view of a text report, and the version history", async ({ page }, testInfo) => {
      test.slow();
      const textPath = await findAgencyPath(page, "鄂托克", /^鄂托克旗人民政府$/);
      await page.goto(`${textPath}?year=2025`);
      const link = page.getByTestId("figure-requestsReceived").locator("a[data-source-link]");
      const href = (await link.getAttribute("href"))!;
      const lineId = `#L${await link.getAttribute("data-source-line")}`;
      await link.click();
      await expect(page.locator(lineId)).toHaveAttribute("data-highlighted", "true");
      await checkPage(page, testInfo, "source-text");

      // the same lines as a page of their own (the link's own address: readers without JavaScript follow it)
      await page.goto(href);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("鄂托克旗人民政府 2025 年报告原文");
      await checkPage(page, testInfo, "source-text-page");

      const alxa = await findAgencyPath(page, "阿拉善盟行政公署办公室", /^阿拉善盟行政公署办公室$/);
      await page.goto(`${alxa}?year=2025`);
      await expect(page.getByTestId("version-history")).toBeVisible();
      await checkPage(page, testInfo, "version-history");
    });
  });
}
