// Trust journey at 1280 and 360 px: a value read from a PDF links to its cell, drawn as a box on the PDF page rendered in
// the browser (pdf.js under the page's strict CSP); 公开率 marks every cell it uses; Enter on a source link moves focus to
// the box (PDF) or the highlighted line (text). The boxes are checked against the report's own provenance (the API).
// Also: region paths in the compare and ranking tables, 加入 keeping the scroll position, and the version history's
// figure changes (this spec posts a second version of 阿拉善盟 2025: it runs after the specs that read that body).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_INGEST_TOKEN } from "./e2e-env";
import { expectNoSeriousAxeViolations } from "./page-checks";

/** The agency page's path, found through the home search like a user would. */
async function findAgencyPath(page: Page, query: string, name: RegExp): Promise<string> {
  await page.goto(`/?q=${encodeURIComponent(query)}`);
  const href = await page.getByTestId("search-results").getByRole("link", { name }).first().getAttribute("href");
  expect(href).toMatch(/^\/agencies\/\d+$/);
  return href!;
}

type Loc = { line: number; page?: number; box?: [number, number, number, number] };

/** The report's provenance from the API: path → location. */
async function provenanceOf(page: Page, agencyPath: string, year: number): Promise<Record<string, { loc?: Loc }>> {
  const id = agencyPath.split("/").pop();
  const list = await page.request.get(`/api/v1/reports?agency=${id}&year=${year}`);
  expect(list.status()).toBe(200);
  const reportId = ((await list.json()) as { items: { id: number }[] }).items[0]?.id;
  expect(reportId).toBeDefined();
  const res = await page.request.get(`/api/v1/reports/${reportId}`);
  expect(res.status()).toBe(200);
  const report = (await res.json()) as { provenance: Record<string, { loc?: Loc }> };
  return report.provenance;
}

/** Each drawn box: its path, its position as a fraction of its page, and how much ink of the rendered page it covers. */
async function drawnBoxes(page: Page) {
  return page.getByTestId("pdf-box").evaluateAll((boxes) =>
    boxes.map((box) => {
      const holder = box.closest("[data-testid=pdf-page]") as HTMLElement;
      const canvas = holder.querySelector("canvas") as HTMLCanvasElement;
      const b = box.getBoundingClientRect();
      const p = holder.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      // dark pixels of the canvas under the box: the digits of the cell, drawn by pdf.js
      const sx = canvas.width / c.width;
      const sy = canvas.height / c.height;
      const data = canvas
        .getContext("2d")!
        .getImageData(
          Math.floor((b.left - c.left) * sx),
          Math.floor((b.top - c.top) * sy),
          Math.max(1, Math.ceil(b.width * sx)),
          Math.max(1, Math.ceil(b.height * sy)),
        ).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 600) ink++;
      return {
        path: box.getAttribute("data-path"),
        page: Number(holder.getAttribute("data-page")),
        pageWidth: Number(holder.getAttribute("data-page-width")),
        pageHeight: Number(holder.getAttribute("data-page-height")),
        cx: (b.left + b.width / 2 - p.left) / p.width,
        cy: (b.top + b.height / 2 - p.top) / p.height,
        ink,
      };
    }),
  );
}

for (const width of [1280, 360] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("source link to the PDF box: 公开率 marks 予以公开, 部分公开 and 总计 on the rendered PDF page", async ({ page }, testInfo) => {
      test.slow(); // pdf.js renders two pages, axe runs, on a shared 2-core machine
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      const path = await findAgencyPath(page, "洪泽区人民政府", /^洪泽区人民政府$/);
      const provenance = await provenanceOf(page, path, 2024);
      await page.goto(`${path}?year=2024`);
      await page.getByTestId("figure-disclosureRate").locator("a[data-source-link]").click();
      await expect(page.locator("[data-testid=pdf-page] canvas[data-rendered=true]").first()).toBeVisible({ timeout: 30_000 });
      await expect(page.locator("[data-testid=pdf-page] canvas:not([data-rendered=true])")).toHaveCount(0, { timeout: 30_000 });

      const expected = ["requests.granted[6]", "requests.partiallyGranted[6]", "requests.totalProcessed[6]"];
      const boxes = await drawnBoxes(page);
      expect(boxes.map((b) => b.path).sort()).toEqual([...expected].sort());
      for (const b of boxes) {
        const loc = provenance[b.path!]!.loc!;
        expect(b.page).toBe(loc.page);
        const [x0, y0, x1, y1] = loc.box!;
        expect(b.cx).toBeCloseTo((x0 + x1) / 2 / b.pageWidth, 2);
        expect(b.cy).toBeCloseTo((y0 + y1) / 2 / b.pageHeight, 2);
        expect(b.ink, `${b.path}: the box covers the printed digits`).toBeGreaterThan(1);
      }
      // the lines of the three cells are highlighted in the extracted text as well
      const lines = new Set(expected.map((p) => provenance[p]!.loc!.line));
      await expect(page.locator("[data-highlighted=true]")).toHaveCount(lines.size);
      await expect(page.getByTestId("pdf-box").first()).toBeFocused();
      await page.getByTestId("pdf-box").first().scrollIntoViewIfNeeded();
      const shot = testInfo.outputPath(`pdf-box-${width}.png`);
      await page.screenshot({ path: shot });
      await testInfo.attach(`pdf-box-${width}`, { path: shot, contentType: "image/png" });
      await expectNoSeriousAxeViolations(page);
      expect(errors.filter((e) => /Content Security Policy|Refused|pdf/i.test(e))).toEqual([]);
    });

    test("keyboard only: Enter on a source link moves focus to the PDF box, and to the highlighted line of a text report", async ({
      page,
    }) => {
      test.slow();
      const pdfPath = await findAgencyPath(page, "洪泽区人民政府", /^洪泽区人民政府$/);
      await page.goto(`${pdfPath}?year=2024`);
      const link = page.getByTestId("figure-requestsReceived").locator("a[data-source-link]");
      await link.focus();
      await page.keyboard.press("Enter");
      const box = page.locator("[data-testid=pdf-box][data-path='requests.newReceived[6]']");
      await expect(box).toBeFocused({ timeout: 30_000 });
      await expect(box).toBeInViewport();

      const textPath = await findAgencyPath(page, "鄂托克", /^鄂托克旗人民政府$/);
      await page.goto(`${textPath}?year=2025`);
      const textLink = page.getByTestId("figure-requestsReceived").locator("a[data-source-link]");
      const lineId = `#L${await textLink.getAttribute("data-source-line")}`;
      await textLink.focus();
      await page.keyboard.press("Enter");
      const line = page.locator(lineId);
      await expect(line).toHaveAttribute("data-highlighted", "true");
      await expect(line).toBeFocused();
      await expect(line).toBeInViewport();
      await expect(page.getByTestId("pdf-source")).toHaveCount(0);
    });
  });
}

for (const width of [1280, 360] as const) {
  test.describe(`tables at ${width} px`, () => {
    test.use({ viewport: { width, height: 420 } });

    test("compare and ranking tables show each agency's region path; 加入 keeps the scroll position", async ({ page }, testInfo) => {
      test.slow();
      await page.goto("/rankings?year=2024");
      const rankingRow = page.getByTestId("ranking-table").locator("tbody tr").filter({ hasText: "洪泽区人民政府" });
      await expect(rankingRow.getByTestId("region-path")).toHaveText("江苏省 › 淮安市 › 洪泽区");
      await expectNoSeriousAxeViolations(page);

      await page.goto("/compare?year=2024");
      const row = page.getByTestId("compare-table").locator("tbody tr").filter({ hasText: "洪泽区人民政府" });
      await expect(row.getByTestId("region-path")).toHaveText("江苏省 › 淮安市 › 洪泽区");
      const add = row.getByRole("link", { name: "加入对比：洪泽区人民政府" });
      await add.evaluate((el) => el.scrollIntoView({ block: "center" }));
      const before = await page.evaluate(() => window.scrollY);
      expect(before).toBeGreaterThan(100);
      await add.click();
      await expect(page).toHaveURL(/agencies=\d+/);
      await expect(row.getByRole("link", { name: "移出对比：洪泽区人民政府" })).toBeVisible();
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(5);
      await expectNoSeriousAxeViolations(page);
      const shot = testInfo.outputPath(`compare-region-path-${width}.png`);
      await page.screenshot({ path: shot });
      await testInfo.attach(`compare-region-path-${width}`, { path: shot, contentType: "image/png" });
    });
  });
}

test("version history says which figures changed between versions, old → new", { tag: "@writes" }, async ({ page, request }, testInfo) => {
  test.slow();
  // a corrected re-publication of 阿拉善盟 2025: only section 二's 行政许可 and 行政处罚 differ (no other spec reads them)
  const original = readFileSync(path.join(process.cwd(), "data/samples/003_a8e4ccc3c9963d88.txt"), "utf8");
  const corrected = original.replace(/^行政许可\t0/m, "行政许可\t12").replace(/^行政处罚\t0/m, "行政处罚\t3");
  expect(corrected).not.toBe(original);
  const res = await request.post("/api/ingest", {
    headers: {
      authorization: `Bearer ${E2E_INGEST_TOKEN}`,
      "content-type": "text/plain; charset=utf-8",
      "x-file-name": "alashan-2025-v2.txt",
    },
    data: Buffer.from(corrected, "utf8"),
  });
  expect([200, 201], await res.text()).toContain(res.status());

  const agencyPath = await findAgencyPath(page, "阿拉善盟行政公署办公室", /^阿拉善盟行政公署办公室$/);
  await page.goto(`${agencyPath}?year=2025`);
  const history = page.getByTestId("version-history");
  const changes = history.getByTestId("version-changes");
  await expect(changes).toHaveCount(1);
  await expect(changes).toContainText("与第 1 版相比，2 项数据有变化");
  await expect(changes).toContainText("行政许可：0 件 → 12 件");
  await expect(changes).toContainText("行政处罚：0 件 → 3 件");
  await expect(history).not.toContainText(".txt");
  await expect(history).toContainText("首次收录");
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await history.scrollIntoViewIfNeeded();
    const shot = testInfo.outputPath(`version-history-${width}.png`);
    await page.screenshot({ path: shot });
    await testInfo.attach(`version-history-${width}`, { path: shot, contentType: "image/png" });
    await expectNoSeriousAxeViolations(page);
  }
});

test("the original file and pdf.js's worker are served by the app itself", async ({ page, request }) => {
  const pdfAgency = await findAgencyPath(page, "洪泽区人民政府", /^洪泽区人民政府$/);
  const pdf = await request.get(`${pdfAgency}/original?year=2024`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^inline;/);
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const textAgency = await findAgencyPath(page, "鄂托克", /^鄂托克旗人民政府$/);
  const text = await request.get(`${textAgency}/original?year=2025`);
  expect(text.status()).toBe(200);
  expect(text.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(text.headers()["content-type"]).toBe("application/octet-stream");
  const missing = await request.get(`${textAgency}/original?year=2019`);
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toMatch(/原件/);

  const worker = await request.get("/pdfjs/pdf.worker.min.mjs");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toMatch(/^text\/javascript/);
  expect((await request.get("/pdfjs/cmaps/UniGB-UCS2-H.bcmap")).status()).toBe(200);
  expect((await request.get("/pdfjs/build/pdf.mjs")).status()).toBe(404);
  expect((await request.get("/pdfjs/cmaps/..%2F..%2Fpackage.json")).status()).toBe(404);
});
