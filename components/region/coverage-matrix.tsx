import { ScrollTable } from "@/components/ui/scroll-table";
import type { RegionAgencyRow } from "@/lib/db/regions";
import { toCoverageMatrixHtml } from "@/lib/view/to-coverage-matrix-html";

/**
 * Which agency published for which year (the agencies the page shows: one page of its list); a missing year is news, so
 * it is spelled out. The body's 350 cells are one escaped HTML string (lib/view/to-coverage-matrix-html): as React
 * elements they were most of the region page's server time. Their ✓ are plain links: every page is rendered per
 * request, so a full page load costs the server no more than a client navigation.
 */
export function CoverageMatrix({ agencies, years }: { agencies: RegionAgencyRow[]; years: number[] }) {
  const rows = agencies.map((a) => ({ id: a.id, name: a.name, years: a.reports.map((r) => r.year) }));
  return (
    <ScrollTable label="各机关历年年报收录情况" minWidthRem={12 + 4 * years.length}>
      <table className="w-full min-w-max border-collapse text-sm" data-testid="coverage-matrix">
        <caption className="sr-only">各机关历年年报收录情况</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-2 pr-3 text-left font-medium">
              机关
            </th>
            {years.map((y) => (
              <th key={y} scope="col" className="px-2 py-2 text-center font-medium tabular-nums">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody dangerouslySetInnerHTML={{ __html: toCoverageMatrixHtml(rows, years) }} />
      </table>
    </ScrollTable>
  );
}
