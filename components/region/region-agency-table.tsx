import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ScrollTable } from "@/components/ui/scroll-table";
import { getFigure, toRate } from "@/lib/figures/figures";
import { formatCount, toRateDisplay } from "@/lib/format";
import type { RegionAgencyRow } from "@/lib/db/regions";

/** Each agency's latest published year with its main figures. */
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
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {getFigure("requestsReceived").label}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {getFigure("requestsHandled").label}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {getFigure("notHeldRate").label}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {getFigure("disclosureRate").label}
            </th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => {
            const latest = a.reports.at(-1);
            return (
              <tr key={a.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <Link href={`/agencies/${a.id}`} className="text-sky-800 underline">
                    {a.name}
                  </Link>
                  {latest && !latest.identitiesOk ? (
                    <span className="ml-2">
                      <Badge tone="warn">勾稽未通过</Badge>
                    </span>
                  ) : null}
                </th>
                <td className="py-2 pr-3 tabular-nums">{latest?.year ?? "—"}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatCount(latest?.requestsReceived ?? null)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatCount(latest?.requestsHandled ?? null)}</td>
                <td className="py-2 pr-3 text-right">
                  {latest ? <RateCell numerator={latest.notHeld} denominator={latest.requestsHandled} /> : "—"}
                </td>
                <td className="py-2 pr-3 text-right">
                  {latest ? <RateCell numerator={latest.disclosed} denominator={latest.requestsHandled} /> : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** A rate with its counts when the sample is small (2/4 · 样本较小). */
export function RateCell({ numerator, denominator }: { numerator: number | null; denominator: number | null }) {
  const d = toRateDisplay(toRate(numerator, denominator));
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-1 tabular-nums">
      <span>{d.text}</span>
      {d.isSmall && d.counts ? (
        <>
          <span className="text-slate-600">（{d.counts}）</span>
          <Badge tone="warn">样本较小</Badge>
        </>
      ) : null}
    </span>
  );
}
