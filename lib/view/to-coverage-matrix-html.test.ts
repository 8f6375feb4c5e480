import { describe, expect, it } from "vitest";
import { toCoverageMatrixHtml } from "./to-coverage-matrix-html";

describe("toCoverageMatrixHtml", () => {
  it("gives each agency a row: a ✓ link per published year, 未收录 spelled out for the others", () => {
    const html = toCoverageMatrixHtml([{ id: 7, name: "鄂托克旗人民政府", years: [2024, 2019] }], [2019, 2020, 2024]);
    expect(html).toBe(
      '<tr class="border-b border-slate-100"><th scope="row" class="py-1.5 pr-3 text-left font-normal">鄂托克旗人民政府</th>' +
        '<td class="coverage-yes"><a href="/agencies/7?year=2019" aria-label="鄂托克旗人民政府 2019 年已收录">✓</a></td>' +
        '<td class="coverage-no">未收录</td>' +
        '<td class="coverage-yes"><a href="/agencies/7?year=2024" aria-label="鄂托克旗人民政府 2024 年已收录">✓</a></td></tr>',
    );
  });

  it("escapes the agency's name in the row header and in the link's name", () => {
    const html = toCoverageMatrixHtml([{ id: 1, name: `<b>"局"</b>&'`, years: [2025] }], [2025]);
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;&quot;局&quot;&lt;/b&gt;&amp;&#39;</th>");
    expect(html).toContain('aria-label="&lt;b&gt;&quot;局&quot;&lt;/b&gt;&amp;&#39; 2025 年已收录"');
  });

  it("gives no rows for no agencies", () => {
    expect(toCoverageMatrixHtml([], [2025])).toBe("");
  });
});
