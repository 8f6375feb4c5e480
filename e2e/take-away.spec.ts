// Journey "take it away" at 1280 and 360 px: the CSV of a view is the whole view (every page, in order, with year,
// 报告口径 and region path, named after the view); chart images carry their title, scope, year, unit, source line and
// the site name (SVG text checked, PNG checked to be that SVG drawn at 2× with the title block inked); every page has
// its own Open Graph title/description and the site name once in its title.
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations, shootWithoutOverflow } from "./page-checks";

const WIDTHS = [1280, 360] as const;
const SITE_NAME = "政府信息公开年报数据";

/** The agency names of every table page, following 下一页 to the end. */
async function collectAllPages(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < 50; i++) {
    const cells = await page.getByTestId("compare-table").locator("tbody th a").allTextContents();
    names.push(...cells.map((c) => c.trim()));
    const next = page.getByRole("link", { name: "下一页" }).first();
    if ((await next.count()) === 0) return names;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`page=${i + 2}`));
  }
  return names;
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("the CSV download is the whole view: every page, in order, with year, 报告口径 and region path", async ({ page }, testInfo) => {
      test.slow();
      await page.goto("/compare?year=2025&pageSize=1");
      const names = await collectAllPages(page);
      expect(names.length).toBeGreaterThan(2);
      const link = page.getByTestId("download-csv");
      await expect(link).toContainText(`全部 ${names.length} 行`);
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe("比较_各层级机关_申请量_2025.csv");
      const [header, ...rows] = readFileSync((await download.path())!, "utf8")
        .slice(1)
        .trim()
        .split("\r\n");
      expect(header!.split(",").slice(0, 9)).toEqual([
        "名次",
        "机关",
        "地区路径",
        "机关编号",
        "行政区划代码",
        "层级",
        "类别",
        "年度",
        "报告口径",
      ]);
      expect(rows.map((r) => r.split(",")[1])).toEqual(names);
      expect(rows.every((r) => r.split(",")[7] === "2025")).toBe(true);
      const ordos = rows.find((r) => r.includes("鄂托克旗人民政府"))!.split(",");
      expect(ordos[2]).toBe("内蒙古自治区 › 鄂尔多斯市 › 鄂托克旗");
      expect(ordos[8]).toBe("本机关报告");
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `compare-last-page-${width}`);
    });

    test("the chart's SVG and PNG carry title, scope, year, unit, source line and site name", async ({ page }, testInfo) => {
      test.slow();
      await page.goto("/compare?year=2025");
      const chart = page.getByTestId("ranked-bar-chart");
      await expect(chart.locator("svg.recharts-surface")).toBeVisible();
      const [svgFile] = await Promise.all([
        page.waitForEvent("download"),
        chart.getByRole("button", { name: "下载矢量图（SVG）" }).click(),
      ]);
      expect(svgFile.suggestedFilename()).toBe("比较_各层级机关_申请量_2025.svg");
      const svg = readFileSync((await svgFile.path())!, "utf8");
      const header = svg.match(/<g data-part="header">(.*?)<\/g>/)![1]!;
      const headerText = header.replace(/<[^>]+>/g, "");
      expect(headerText).toContain("全国机关 · 申请量 · 2025 年（共 4 个机关填报）");
      expect(headerText).toContain("范围：全国各层级机关（本机关报告）");
      expect(headerText).toContain("年度：2025 年");
      expect(headerText).toContain("单位：件");
      const footerText = svg.match(/<g data-part="footer">(.*?)<\/g>/)![1]!.replace(/<[^>]+>/g, "");
      expect(footerText).toContain("数据来源：各机关公开发布的政府信息公开工作年度报告");
      expect(footerText).toContain(SITE_NAME);
      expect(svg).toContain("鄂托克旗人民政府"); // the bars' names came along
      const [, svgWidth, svgHeight] = svg.match(/^<svg[^>]* width="(\d+)" height="(\d+)"/)!.map(Number);

      const [pngFile] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "下载图片（PNG）" }).click()]);
      expect(pngFile.suggestedFilename()).toBe("比较_各层级机关_申请量_2025.png");
      const png = readFileSync((await pngFile.path())!);
      for (const [ext, body, contentType] of [
        ["png", png, "image/png"],
        ["svg", svg, "image/svg+xml"],
      ] as const) {
        const path = testInfo.outputPath(`exported-chart-${width}.${ext}`);
        writeFileSync(path, body);
        await testInfo.attach(`exported-chart-${width}.${ext}`, { path, contentType });
      }
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      // IHDR: the PNG is the composed SVG (header + chart + footer) at 2×, not the bare chart
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([svgWidth! * 2, svgHeight! * 2]);
      const chartBox = (await chart.locator("svg.recharts-surface").boundingBox())!;
      expect(svgHeight!).toBeGreaterThan(chartBox.height + 60);
      // the title block was drawn: dark pixels in the title's band (y 16–36 px at 2×), none above it
      const inked = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        const dark = (y0: number, y1: number) => {
          const { data } = ctx.getImageData(0, y0, img.width, y1 - y0);
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! < 120 && data[i + 1]! < 120 && data[i + 2]! < 140) n++;
          return n;
        };
        return { margin: dark(0, 24), title: dark(32, 72) };
      }, png.toString("base64"));
      expect(inked.margin).toBe(0);
      expect(inked.title).toBeGreaterThan(200);
      await expectNoSeriousAxeViolations(page);
      await shootWithoutOverflow(page, testInfo, `compare-chart-${width}`);
    });
  });
}

for (const width of WIDTHS) {
  test(`at ${width} px: the home page links the whole-dataset download; /methods lists its files and the data dictionary`, async ({
    page,
  }, testInfo) => {
    test.slow();
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const reports = Number((await page.getByTestId("coverage").textContent())!.match(/年度报告\s*(\d+)\s*份/)![1]);
    await page.getByTestId("dataset-link").click();
    await expect(page).toHaveURL(/\/methods#dataset$/);
    const files = page.getByTestId("dataset-files").getByRole("link");
    await expect(files).toHaveCount(3);
    const dictionary = page.getByTestId("data-dictionary");
    await expect(dictionary.getByRole("rowheader", { name: "申请量（件）", exact: true })).toBeVisible();
    await expect(dictionary.getByRole("rowheader", { name: "复议纠错率（%）", exact: true })).toBeVisible();
    await expect(page.getByTestId("licence-text")).toContainText("CC BY 4.0");
    const [download] = await Promise.all([page.waitForEvent("download"), files.first().click()]);
    expect(download.suggestedFilename()).toBe("政府信息公开年报数据_全部年报数字.csv");
    const [header, ...rows] = readFileSync((await download.path())!, "utf8")
      .slice(1)
      .trim()
      .split("\r\n");
    expect(rows).toHaveLength(reports);
    const dictionaryNames = await dictionary.locator("tbody th").allTextContents();
    expect(header!.split(",")).toEqual(dictionaryNames.map((n) => n.trim()));
    await expectNoSeriousAxeViolations(page);
    await shootWithoutOverflow(page, testInfo, `methods-dataset-${width}`);
  });
}

test("every page has its own Open Graph title and description, and the site name once in its title", async ({ page }) => {
  await page.goto("/compare?year=2025");
  const agencyHref = await page.getByTestId("compare-table").locator("tbody th a").first().getAttribute("href");
  const pages: [string, string][] = [
    ["/", SITE_NAME],
    ["/rankings", "排名"],
    ["/compare", "比较"],
    ["/compare/regions", "地区比较"],
    ["/regions", "按地区浏览"],
    ["/regions/150624", "鄂托克旗"],
    ["/methods", "方法说明"],
    [agencyHref!.split("?")[0]!, "鄂托克旗人民政府"],
  ];
  for (const [path, ogTitle] of pages) {
    await page.goto(path);
    const title = await page.title();
    expect(title.split(SITE_NAME).length - 1, `${path}: ${title}`).toBe(1);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content"), path).toBe(ogTitle);
    expect(await page.locator('meta[property="og:site_name"]').getAttribute("content"), path).toBe(SITE_NAME);
    const description = await page.locator('meta[property="og:description"]').getAttribute("content");
    expect(description?.length ?? 0, path).toBeGreaterThan(10);
    expect(await page.locator('meta[name="description"]').getAttribute("content"), path).toBe(description);
  }
});
