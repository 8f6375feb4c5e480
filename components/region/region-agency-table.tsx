import { Badge } from "@/components/ui/badge";
import { ScrollTable } from "@/components/ui/scroll-table";
import { RegionFigureCells, RegionFigureHeaders } from "@/components/region/region-figure-cells";
import type { RegionAgencyRow } from "@/lib/db/regions";

/** Each agency's latest published year with its main figures (plain links, like the coverage matrix's). */
export function RegionAgencyTable({ agencies }: { agencies: RegionAgencyRow[] }) {
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
        <tbody>
          {agencies.map((a) => {
            const latest = a.reports.at(-1);
            return (
              <tr key={a.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <a href={`/agencies/${a.id}`} className="text-sky-800 underline">
                    {a.name}
                  </a>
                  {latest && !latest.identitiesOk ? (
                    <span className="ml-2">
                      <Badge tone="warn">勾稽未通过</Badge>
                    </span>
                  ) : null}
                </th>
                <td className="py-2 pr-3 tabular-nums">{latest?.year ?? "—"}</td>
                <RegionFigureCells figures={latest?.figures} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
