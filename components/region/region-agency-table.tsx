import { ScrollTable } from "@/components/ui/scroll-table";
import { RegionFigureHeaders } from "@/components/region/region-figure-cells";
import type { RegionAgencyRow } from "@/lib/db/regions";
import { toRegionAgencyRowsHtml } from "@/lib/view/to-region-figure-html";

/**
 * Each agency's latest published year with its main figures (plain links, like the coverage matrix's). The rows are
 * one escaped HTML string (lib/view/to-region-figure-html): as React elements they cost the server more than the rest
 * of the page's own content.
 */
export function RegionAgencyTable({ agencies }: { agencies: RegionAgencyRow[] }) {
  const rows = agencies.map((a) => ({ id: a.id, name: a.name, latest: a.reports.at(-1) }));
  return (
    <ScrollTable label="本地区机关及其最新年度数据">
      <table className="w-full border-collapse text-sm" data-testid="region-agencies">
        <caption className="sr-only">本地区机关及其最新年度数据</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">
              机关
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              年度
            </th>
            <RegionFigureHeaders />
          </tr>
        </thead>
        <tbody dangerouslySetInnerHTML={{ __html: toRegionAgencyRowsHtml(rows) }} />
      </table>
    </ScrollTable>
  );
}
