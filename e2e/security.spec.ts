// Security headers on every page and API answer (issue 12): a CSP the pages pass in Chromium (no violation, charts draw,
// the PNG export downloads), nosniff, Referrer-Policy, frame protection, no X-Powered-By; a JSON 405 for a method a route
// does not serve.
import { expect, test, type APIResponse } from "@playwright/test";

const PAGES = ["/", "/rankings", "/compare?agencies=1,2", "/agencies/1", "/regions/150000"];
const API = ["/api/v1/agencies", "/api/v1/reports/1", "/api/health", "/api/v1/openapi.json"];

function expectCommonHeaders(res: APIResponse, url: string): void {
  const h = res.headers();
  expect(h["x-content-type-options"], url).toBe("nosniff");
  expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"], url).toBe("DENY");
  expect(h["x-powered-by"], url).toBeUndefined();
  expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
}

test("API answers carry a deny-all CSP and the common headers", async ({ request }) => {
  for (const url of API) {
    const res = await request.get(url);
    expect(res.status(), url).toBeLessThan(500);
    expectCommonHeaders(res, url);
    expect(res.headers()["content-security-policy"], url).toContain("default-src 'none'");
  }
  const refused = await request.post("/api/ingest", { data: "x" });
  expect(refused.status()).toBe(401);
  expectCommonHeaders(refused, "/api/ingest");
});

test("a method a route does not serve is a JSON 405 with Allow", async ({ request }) => {
  const cases: [string, string, string][] = [
    ["PUT", "/api/v1/agencies", "GET, HEAD, OPTIONS"],
    ["DELETE", "/api/v1/reports/1", "GET, HEAD, OPTIONS"],
    ["POST", "/api/v1/rankings", "GET, HEAD, OPTIONS"],
    ["GET", "/api/ingest", "POST, OPTIONS"],
    ["DELETE", "/api/ingest", "POST, OPTIONS"],
    ["POST", "/api/health", "GET, HEAD"],
  ];
  for (const [method, url, allow] of cases) {
    const res = await request.fetch(url, { method, data: method === "GET" ? undefined : "{}" });
    expect(res.status(), `${method} ${url}`).toBe(405);
    expect(res.headers()["allow"]).toBe(allow);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("method-not-allowed");
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expectCommonHeaders(res, url);
  }
});

test("pages: a fresh nonce per request, no CSP violation in Chromium, charts draw", async ({ page, request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const nonceOf = (r: APIResponse) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonceOf(first)).toBeTruthy();
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  expectCommonHeaders(first, "/");

  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|CSP|Refused to/i.test(m.text())) problems.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const url of PAGES) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/agencies/1");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("the chart's PNG export still works under the CSP", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  await page.goto("/compare?agencies=1,2");
  const button = page.getByRole("button", { name: /下载图片/ });
  await expect(button.first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), button.first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
});
