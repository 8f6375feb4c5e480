import Link from "next/link";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { RegionAgencyRow } from "@/lib/db/regions";

/** Which agency published for which year (the agencies the page shows: one page of its list); a missing year is news, so it is spelled out. */
export function CoverageMatrix({ agencies, years }: { agencies: RegionAgencyRow[]; years: number[] }) {
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
        <tbody>
          {agencies.map((a) => {
            const published = new Set(a.reports.map((r) => r.year));
            return (
              <tr key={a.id} className="border-b border-slate-100">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  {a.name}
                </th>
                {years.map((y) =>
                  published.has(y) ? (
                    <td key={y} className="px-2 py-1.5 text-center">
                      <Link
                        href={`/agencies/${a.id}?year=${y}`}
                        className="text-emerald-800 underline"
                        aria-label={`${a.name} ${y} 年已收录`}
                      >
                        ✓
                      </Link>
                    </td>
                  ) : (
                    <td key={y} className="bg-slate-50 px-2 py-1.5 text-center text-slate-600">
                      未收录
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
