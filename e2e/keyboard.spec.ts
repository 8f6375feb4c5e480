// Keyboard journeys at 1280 and 360 px: moving through a filter select with the arrow keys does not reload the page
// (WCAG 3.2.2); the choice applies on 查看 and focus stays in the form; every report page links its 原文 and date.
import { expect, test } from "@playwright/test";

for (const width of [1280, 360] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("keyboard-only filter change: arrow keys do not navigate, 查看 applies, focus stays on the form", async ({ page }) => {
      await page.goto("/rankings");
      const figure = page.getByLabel("指标");
      await figure.focus();
      const before = page.url();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      await expect(figure).toBeFocused();
      const chosen = await figure.inputValue();
      // Tab through the rest of the form to 查看 and press Enter
      for (let i = 0; i < 12; i++) {
        if (await page.getByRole("button", { name: "查看" }).evaluate((el) => el === document.activeElement)) break;
        await page.keyboard.press("Tab");
      }
      await expect(page.getByRole("button", { name: "查看" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`figure=${chosen}`));
      await expect(page.getByLabel("指标")).toHaveValue(chosen);
    });
  });
}

test("a report page shows its published date and 原文 link (PDF samples carry their source URL)", async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent("淮安市人民政府")}`);
  await page.getByTestId("search-results").getByRole("link", { name: "淮安市人民政府", exact: true }).click();
  const origin = page.getByTestId("report-origin");
  await expect(origin).toContainText("发布日期");
  await expect(origin.getByRole("link", { name: /原文/ })).toHaveAttribute("href", /^https:\/\/github\.com\/zxj6827111-blip\/govnianbao\//);
});
