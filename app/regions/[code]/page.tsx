import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CoverageMatrix } from "@/components/region/coverage-matrix";
import { RateCell, RegionAgencyTable } from "@/components/region/region-agency-table";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { listChildRegions, listRegionAgencies } from "@/lib/db/regions";
import { getFigure } from "@/lib/figures/figures";
import { formatCount } from "@/lib/format";
import { getRegion, getRegionChain } from "@/lib/regions/gazetteer";
import { CoveragePanel } from "@/components/coverage/coverage-panel";
import { listReportYears } from "@/lib/db/compare";
import { getRegionCoverage } from "@/lib/db/coverage";
import { listRegionYearFigures } from "@/lib/db/region-compare";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const LEVEL_NAMES = { 1: "省级", 2: "地市级", 3: "县级", 4: "乡镇级" } as const;

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const region = getRegion((await params).code);
  return { title: region ? region.name : "未找到地区" };
}

export default async function RegionPage({ params, searchParams }: PageProps) {
  const region = getRegion((await params).code);
  if (!region) notFound();
  const rawYear = (await searchParams).year;
  const allYears = await listReportYears();
  const requestedYear = typeof rawYear === "string" && allYears.includes(Number(rawYear)) ? Number(rawYear) : undefined;
  const agencies = await listRegionAgencies(region);
  const chain = getRegionChain(region.code);
  const children = listChildRegions(region.code, agencies).sort((a, b) => b.agencyCount - a.agencyCount);
  const allReports = agencies.flatMap((a) => a.reports);
  const [yearFigures, coverage] = await Promise.all([
    listRegionYearFigures(region.code),
    allYears.length > 0 && region.level <= 3
      ? getRegionCoverage({ code: region.code, years: allYears, year: requestedYear ?? allYears[0]! })
      : null,
  ]);
  const years = [...new Set(allReports.map((r) => r.year))].sort((a, b) => a - b);
  const coverageYears = years.length > 0 ? range(years[0] ?? 0, years.at(-1) ?? 0) : [];

  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
      <header className="flex flex-col gap-2">
        <Breadcrumb items={[{ label: "首页", href: "/" }, ...chain.map((r) => (r.code === region.code ? { label: r.name } : { label: r.name, href: `/regions/${r.code}` }))]} />
        <h1 className="text-2xl font-semibold">{region.name}</h1>
        <p className="text-sm text-slate-600">
          {LEVEL_NAMES[region.level]}行政区 · 代码 {region.code} · 已收录 {agencies.length} 个机关的 {allReports.length} 份年报（含下级地区）
        </p>
      </header>

      {agencies.length === 0 ? (
        <Card>
          <p className="text-slate-700">本地区（含下级地区）尚未收录任何机关的年度报告。</p>
        </Card>
      ) : (
        <>
          <Card title="各机关最新数据">
            <RegionAgencyTable agencies={agencies} />
          </Card>
          <Card title="地区数据（按年度）">
            <p className="mb-2 text-sm text-slate-600">
              有本地区政府的<strong>汇总报告</strong>时取汇总报告；否则为已收录机关<strong>本机关报告之和</strong>（合计），未收录的机关不在其中。
              两种口径不混合，汇总报告不与其下级相加；比率由分子、分母之和计算。各年收录的机关不同，合计的变化可能只是收录的变化。
            </p>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="region-totals">
                <caption className="sr-only">地区历年数据</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-slate-600">
                    <th scope="col" className="py-2 pr-3 font-medium">年度</th>
                    <th scope="col" className="py-2 pr-3 font-medium">来源</th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">{getFigure("requestsReceived").label}</th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">{getFigure("requestsHandled").label}</th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">{getFigure("notHeldRate").label}</th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">{getFigure("disclosureRate").label}</th>
                  </tr>
                </thead>
                <tbody>
                  {yearFigures.map((t) => (
                    <tr key={t.year} className="border-b border-slate-100">
                      <th scope="row" className="py-2 pr-3 text-left font-normal tabular-nums">{t.year}</th>
                      <td className="py-2 pr-3">
                        {t.summary ? (
                          <>汇总报告（<Link href={`/agencies/${t.summary.agencyId}`} className="text-sky-800 underline">{t.summary.agencyName}</Link>）</>
                        ) : (
                          <>合计（{t.reports} 个机关）</>
                        )}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatCount(t.requestsReceived)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatCount(t.requestsHandled)}</td>
                      <td className="py-2 pr-3 text-right"><RateCell numerator={t.notHeld} denominator={t.notHeldBase} /></td>
                      <td className="py-2 pr-3 text-right"><RateCell numerator={t.disclosed} denominator={t.disclosedBase} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {region.level < 3 ? (
              <p className="mt-2 text-sm">
                <Link href={`/compare/regions?parent=${region.code}`} className="text-sky-800 underline">比较{region.name}的各下级地区</Link>
              </p>
            ) : null}
          </Card>
          <Card title="年报收录矩阵">
            <p className="mb-2 text-sm text-slate-600">“未收录”表示本站没有该机关该年度的年报：可能未发布，也可能尚未收集。</p>
            <CoverageMatrix agencies={agencies} years={coverageYears} />
          </Card>
        </>
      )}

      {coverage ? (
        <Card title="收录情况">
          <CoveragePanel coverage={coverage} yearHref={(y) => `/regions/${region.code}?year=${y}`} />
        </Card>
      ) : null}

      {children.length > 0 ? (
        <Card title="下级地区">
          <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-4">
            {children.map((c) => (
              <li key={c.code}>
                <Link href={`/regions/${c.code}`} className="text-sky-800 underline">
                  {c.name}
                </Link>
                <span className="ml-1 text-slate-600">{c.agencyCount > 0 ? `（${c.agencyCount} 个机关）` : "（未收录）"}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </main>
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
