// Agency page: figures per year, the year switcher, — for undefined rates, source highlighting,
// downloads, 404; accessibility and screenshots. Agencies are reached through search (no fixed ids).
import { expect, test, type Page } from "@playwright/test";
import { attachScreenshots, expectNoSeriousAxeViolations } from "./page-checks";

/** The agency page's path, found through the home search like a user would. */
async function findAgencyPath(page: Page, query: string, name: RegExp): Promise<string> {
  await page.goto(`/?q=${encodeURIComponent(query)}`);
  const href = await page.getByTestId("search-results").getByRole("link", { name }).first().getAttribute("href");
  expect(href).toMatch(/^\/agencies\/\d+$/);
  return href!;
}

function figure(page: Page, id: string) {
  return page.getByTestId(`figure-${id}`);
}

test("鄂托克旗人民政府: 2025 figures, then 2020 on the same page", async ({ page }, testInfo) => {
  test.slow(); // axe + four screenshots on a shared 2-core machine
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const path = await findAgencyPath(page, "鄂托克", /^鄂托克旗人民政府$/);
  await page.goto(`${path}?year=2025`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("鄂托克旗人民政府");
  await expect(page.getByRole("navigation", { name: "所在地区" })).toContainText("内蒙古自治区");
  await expect(page.getByRole("navigation", { name: "所在地区" })).toContainText("鄂尔多斯市");
  await expect(figure(page, "requestsReceived").locator("[data-value]")).toHaveText("72 件");
  await expect(figure(page, "requestsHandled").locator("[data-value]")).toHaveText("66 件");
  await expect(figure(page, "notHeldRate").locator("[data-value]")).toHaveText("45.5%");
  await expect(figure(page, "notHeldRate")).toContainText("30/66");
  await expect(page.getByTestId("rank-requestsReceived")).toContainText(/第 \d+ \/ \d+ 名/);
  const rankLink = page.getByTestId("rank-requestsReceived").getByRole("link", { name: "查看排名" });
  const rankUrl = new URL((await rankLink.getAttribute("href"))!, "http://x");
  expect(rankUrl.pathname).toBe("/rankings");
  expect(Object.fromEntries(rankUrl.searchParams)).toMatchObject({
    figure: "requestsReceived",
    year: "2025",
    highlight: path.split("/").pop(),
  });
  await expect(page.getByTestId("outcome-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByRole("heading", { name: "勾稽关系核对" })).toBeVisible();
  expect(
    await page
      .getByTestId("identity-checks")
      .getByText(/^(通过|未通过)$/)
      .count(),
  ).toBeGreaterThanOrEqual(4);
  await expectNoSeriousAxeViolations(page);
  await attachScreenshots(page, testInfo, "agency-2025");

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("navigation", { name: "报告年度" }).getByRole("link", { name: "2020 年" }).click();
  await expect(page).toHaveURL(/year=2020/);
  await expect(page.getByRole("navigation", { name: "报告年度" }).getByRole("link", { name: "2020 年" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(figure(page, "requestsReceived").locator("[data-value]")).toHaveText("2 件");
  await expect(figure(page, "requestsHandled").locator("[data-value]")).toHaveText("2 件");
  await expect(figure(page, "notHeldRate")).toContainText("0/2");
  await expect(figure(page, "notHeldRate")).toContainText("样本较小");
  await expect(page.getByTestId("cross-year-check")).toBeVisible();
  await attachScreenshots(page, testInfo, "agency-2020");
  expect(errors).toEqual([]);
});

test("the figures are in the server-rendered HTML", async ({ page, request }) => {
  const path = await findAgencyPath(page, "鄂托克", /^鄂托克旗人民政府$/);
  const html = await (await request.get(`${path}?year=2025`)).text();
  expect(html).toContain("72 件");
  expect(html).toContain("45.5%");
  expect(html).not.toContain("NaN");
});

test("额敏县 2025: 不掌握信息率 is —（无办结） when no request was handled (0/0)", async ({ page }, testInfo) => {
  test.slow(); // axe + four screenshots on a shared 2-core machine
  const path = await findAgencyPath(page, "额敏", /^额敏县人民政府/);
  await page.goto(`${path}?year=2025`);
  await expect(figure(page, "requestsHandled").locator("[data-value]")).toHaveText("0 件");
  await expect(figure(page, "notHeldRate").locator("[data-value]")).toHaveText("—（无办结）");
  await expect(figure(page, "disclosureRate").locator("[data-value]")).toHaveText("—（无办结）");
  await expect(page.locator("main")).not.toContainText("NaN");
  await expectNoSeriousAxeViolations(page);
  await attachScreenshots(page, testInfo, "agency-emin");
});

test("clicking a figure jumps to and highlights its source line", async ({ page }) => {
  const path = await findAgencyPath(page, "鄂托克", /^鄂托克旗人民政府$/);
  await page.goto(`${path}?year=2025`);
  const link = figure(page, "requestsReceived").locator("a[data-source-link]");
  // the link itself is the line on the text's own page (readers without a script follow it); a script shows it here
  expect(await link.getAttribute("href")).toMatch(/^\/agencies\/\d+\/text\?year=2025&version=\d+#L\d+$/);
  const lineId = `#L${await link.getAttribute("data-source-line")}`;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?year=2025${lineId}$`));
  const line = page.locator(lineId);
  await expect(line).toHaveAttribute("data-highlighted", "true");
  await expect(line).toBeInViewport();
  await expect(line).toContainText("72");
  await expect(page.locator("[data-highlighted=true]")).toHaveCount(1);

  const handled = page.locator(`a[data-source-link]:not([data-source-line='${lineId.slice(2)}'])`).first();
  const handledId = `#L${await handled.getAttribute("data-source-line")}`;
  await handled.click();
  await expect(page.locator(handledId)).toHaveAttribute("data-highlighted", "true");
  await expect(page.locator("[data-highlighted=true]")).toHaveCount(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  /** The agency's path, found through the home page's search form with scripts off (a plain GET form). */
  async function findWithoutScripts(page: Page): Promise<string> {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "按机关或地名搜索" }).fill("鄂托克");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/\/\?q=/);
    const href = await page
      .getByTestId("search-results")
      .getByRole("link", { name: /^鄂托克旗人民政府$/ })
      .first()
      .getAttribute("href");
    expect(href).toMatch(/^\/agencies\/\d+$/);
    return href!;
  }

  test("search results and the peer ranks are in the page, not streamed in by a script", async ({ page }) => {
    const path = await findWithoutScripts(page);
    await page.goto(`${path}?year=2025`);
    // the peer ranks (their own section of the page): the group's description and a link to each ranking
    await expect(page.getByText(/^同级同类机关（.+）中的位次/)).toBeVisible();
    await expect(page.getByRole("link", { name: "查看排名" }).first()).toBeVisible();
    await expect(page.getByText("正在计算同级排名…")).toHaveCount(0);
  });

  test("the source lines are a link away: 报告原文 as a page of its own", async ({ page }) => {
    const path = await findWithoutScripts(page);
    await page.goto(`${path}?year=2025`);
    const valueLink = figure(page, "requestsReceived").locator("a[data-source-link]");
    const valueHref = `#L${await valueLink.getAttribute("data-source-line")}`;
    const link = page.getByRole("link", { name: /^在单独的页面查看报告原文（共 \d+ 行）$/ });
    const lineCount = Number(/共 (\d+) 行/.exec((await link.textContent())!)![1]);
    expect(lineCount).toBeGreaterThan(50);
    await link.click();
    await expect(page).toHaveURL(/\/agencies\/\d+\/text\?year=2025&version=\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("鄂托克旗人民政府 2025 年报告原文");
    await expect(page.getByTestId("source-text").locator("li.source-line")).toHaveCount(lineCount);
    // the line the 申请量 card links to, with its value marked; its own link (#L<n>) works without a script
    const line = page.locator(valueHref);
    await expect(line.getByTitle("本年新收申请·总计")).toHaveText("72");
    await line.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`${valueHref}$`));
    await page.getByRole("link", { name: "返回机关页" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("鄂托克旗人民政府");
  });

  test("a figure's value links to its line on the text's own page", async ({ page }) => {
    const path = await findWithoutScripts(page);
    await page.goto(`${path}?year=2025`);
    const valueLink = figure(page, "requestsReceived").locator("a[data-source-link]");
    const lineId = `#L${await valueLink.getAttribute("data-source-line")}`;
    await valueLink.click();
    await expect(page).toHaveURL(new RegExp(`/agencies/\\d+/text\\?year=2025&version=\\d+${lineId}$`));
    // the line is the page's target (highlighted by :target) and holds the value the card showed
    await expect(page.locator(`${lineId}:target`)).toHaveCount(1);
    await expect(page.locator(lineId).getByTitle("本年新收申请·总计")).toHaveText("72");
    await expect(page.locator(lineId)).toBeInViewport();
  });

  test("a source-text address without a year or of a missing report is a 404", async ({ page }) => {
    const path = await findWithoutScripts(page);
    expect((await page.goto(`${path}/text`))?.status()).toBe(404);
    expect((await page.goto(`${path}/text?year=1999`))?.status()).toBe(404);
    expect((await page.goto("/agencies/987654321/text?year=2025"))?.status()).toBe(404);
  });
});

test("downloads the canonical JSON and a CSV", async ({ page, request }) => {
  const path = await findAgencyPath(page, "鄂托克", /^鄂托克旗人民政府$/);
  const json = await request.get(`${path}/download?year=2025&format=json`);
  expect(json.status()).toBe(200);
  const doc = await json.json();
  expect(doc).toMatchObject({ schema: "ogi-annual-report/v1", year: 2025 });
  expect(doc.requests.newReceived[6]).toBe(72);
  const csv = await request.get(`${path}/download?year=2025&format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain("requests.newReceived[6],本年新收申请·总计,72");
  expect((await request.get(`${path}/download?year=1999&format=json`)).status()).toBe(404);
});

test("unknown agencies get the 404 page", async ({ page }) => {
  const response = await page.goto("/agencies/987654321");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("未找到该页面");
  expect((await page.goto("/agencies/not-a-number"))?.status()).toBe(404);
});
