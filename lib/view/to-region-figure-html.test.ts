import { describe, expect, it } from "vitest";
import type { RegionPageFigures } from "@/lib/figures/region-figures";
import { badgeClassName } from "./badge-tones";
import { toRegionAgencyRowsHtml, toRegionFigureCell } from "./to-region-figure-html";

const figures = (over: Partial<RegionPageFigures> = {}): RegionPageFigures => ({
  requestsReceived: 1234,
  requestsHandled: 20,
  notHeldRate: { value: 0.5, numerator: 10, denominator: 20 },
  disclosureRate: { value: 0.4, numerator: 2, denominator: 5 },
  ...over,
});

describe("toRegionFigureCell", () => {
  it("gives counts in 件 and rates in %, a small sample with its counts and 样本较小", () => {
    expect(toRegionFigureCell("requestsReceived", figures())).toEqual({ className: "py-2 pr-3 text-right tabular-nums", html: "1,234 件" });
    expect(toRegionFigureCell("notHeldRate", figures()).html).toBe(
      '<span class="inline-flex flex-wrap items-center justify-end gap-1 tabular-nums"><span>50.0%</span></span>',
    );
    expect(toRegionFigureCell("disclosureRate", figures()).html).toBe(
      '<span class="inline-flex flex-wrap items-center justify-end gap-1 tabular-nums"><span>40.0%</span>' +
        `<span class="text-slate-600">（2/5）</span><span class="${badgeClassName("warn")}">样本较小</span></span>`,
    );
  });

  it("says 未填报 for a count not stated, —（无办结） for 0/0, and — for a rate of a row without figures", () => {
    expect(toRegionFigureCell("requestsHandled", figures({ requestsHandled: null })).html).toBe("未填报");
    expect(toRegionFigureCell("notHeldRate", figures({ notHeldRate: { value: null, numerator: 0, denominator: 0 } })).html).toContain(
      "<span>—（无办结）</span>",
    );
    expect(toRegionFigureCell("notHeldRate", undefined)).toEqual({ className: "py-2 pr-3 text-right", html: "—" });
    expect(toRegionFigureCell("requestsReceived", undefined).html).toBe("未填报");
  });
});

describe("toRegionAgencyRowsHtml", () => {
  it("gives each agency a row: its name linking to its page, its latest year and that year's figures, in order", () => {
    const html = toRegionAgencyRowsHtml([
      { id: 7, name: "鄂托克旗人民政府", latest: { year: 2024, identitiesOk: true, figures: figures() } },
      { id: 9, name: "鄂托克旗公安局", latest: { year: 2023, identitiesOk: false, figures: figures() } },
    ]);
    const rows = html.split("</tr>").filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(
      '<tr class="border-b border-slate-100 align-top"><th scope="row" class="py-2 pr-3 text-left font-normal">' +
        '<a href="/agencies/7" class="text-sky-800 underline">鄂托克旗人民政府</a></th><td class="py-2 pr-3 tabular-nums">2024</td>' +
        '<td class="py-2 pr-3 text-right tabular-nums">1,234 件</td><td class="py-2 pr-3 text-right tabular-nums">20 件</td>' +
        `<td class="py-2 pr-3 text-right">${toRegionFigureCell("notHeldRate", figures()).html}</td>` +
        `<td class="py-2 pr-3 text-right">${toRegionFigureCell("disclosureRate", figures()).html}</td>`,
    );
    expect(rows[1]).toContain(`鄂托克旗公安局</a><span class="ml-2"><span class="${badgeClassName("warn")}">勾稽未通过</span></span></th>`);
    expect(rows[1]).toContain('<td class="py-2 pr-3 tabular-nums">2023</td>');
  });

  it("escapes the agency's name, and shows — for the year of an agency without a report", () => {
    const html = toRegionAgencyRowsHtml([{ id: 1, name: `<b>"局"</b>&'`, latest: undefined }]);
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;&quot;局&quot;&lt;/b&gt;&amp;&#39;</a></th>");
    expect(html).toContain('<td class="py-2 pr-3 tabular-nums">—</td>');
    expect(html).toContain('<td class="py-2 pr-3 text-right">—</td>');
  });

  it("gives no rows for no agencies", () => {
    expect(toRegionAgencyRowsHtml([])).toBe("");
  });
});
