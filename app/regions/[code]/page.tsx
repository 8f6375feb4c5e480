import type { Metadata } from "next";
import { toOpenGraph } from "@/lib/site";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CoverageMatrix } from "@/components/region/coverage-matrix";
import { RegionAgencyTable } from "@/components/region/region-agency-table";
import { RegionFigureCells, RegionFigureHeaders } from "@/components/region/region-figure-cells";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { ScrollTable } from "@/components/ui/scroll-table";
import { listChildRegions, readRegionAgencyPage, REGION_AGENCY_SORTS, type RegionAgencySort } from "@/lib/db/regions";
import { getRegion, getRegionChain } from "@/lib/regions/gazetteer";
import { CoveragePanel } from "@/components/coverage/coverage-panel";
import { getRegionCoverage } from "@/lib/db/coverage";
import { readRegionYearFigures } from "@/lib/db/region-compare";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;
const SORTS = { name: "按名称", requests: "按申请量", year: "按最新年度" } as const satisfies Record<RegionAgencySort, string>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const LEVEL_NAMES = { 1: "省级", 2: "地市级", 3: "县级", 4: "乡镇级" } as const;

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const region = getRegion((await params).code);
  if (!region) return { title: "未找到地区" };
  const description = `${region.name}各机关的政府信息公开工作年度报告：收录情况、最新数据与历年合计。`;
  return { title: region.name, description, openGraph: toOpenGraph(region.name, description) };
}

export default async function RegionPage({ params, searchParams }: PageProps) {
  const region = getRegion((await params).code);
  if (!region) notFound();
  const query = await searchParams;
  const sortParam = first(query.sort);
  const sort: RegionAgencySort = REGION_AGENCY_SORTS.find((k) => k === sortParam) ?? "name";
  const rawYear = first(query.year);
  // independent reads at once, one statement each: what the region holds with the page of agencies shown; its totals
  // per year with the store's years, then the coverage of the asked year
  const pageParam = Number(first(query.page) ?? "1");
  const yearsRead = readRegionYearFigures(region.code);
  const coverageRead = yearsRead.then(({ years: allYears }) => {
    const requested = rawYear !== undefined && allYears.includes(Number(rawYear)) ? Number(rawYear) : undefined;
    return allYears.length > 0 && region.level <= 3
      ? getRegionCoverage({ code: region.code, years: allYears, year: requested ?? allYears[0]! })
      : null;
  });
  const [{ holdings, page, pageCount, agencies: shown }, { figures: yearFigures }, coverage] = await Promise.all([
    readRegionAgencyPage(region, { sort, page: Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1, pageSize: PAGE_SIZE }),
    yearsRead,
    coverageRead,
  ]);
  const href = (p: { sort?: RegionAgencySort; page?: number }, anchor = "agencies") => {
    const u = new URLSearchParams();
    const s = p.sort ?? sort;
    if (s !== "name") u.set("sort", s);
    if ((p.page ?? 1) > 1) u.set("page", String(p.page));
    const qs = u.toString();
    return `/regions/${region.code}${qs ? `?${qs}` : ""}#${anchor}`;
  };
  const chain = getRegionChain(region.code);
  const children = listChildRegions(region.code, holdings.agenciesByRegionCode).sort((a, b) => b.agencyCount - a.agencyCount);
  const coverageYears = holdings.firstYear !== null && holdings.lastYear !== null ? range(holdings.firstYear, holdings.lastYear) : [];
  const pageLabel = pageCount > 1 ? `第 ${page} / ${pageCount} 页` : "";

  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
      <header className="flex flex-col gap-2">
        <Breadcrumb
          items={[
            { label: "首页", href: "/" },
            ...chain.map((r) => (r.code === region.code ? { label: r.name } : { label: r.name, href: `/regions/${r.code}` })),
          ]}
        />
        <h1 className="text-2xl font-semibold">{region.name}</h1>
        <p className="text-sm text-slate-600">
          {LEVEL_NAMES[region.level]}行政区 · 代码 {region.code} · 已收录 {holdings.agencies} 个机关的 {holdings.reports}{" "}
          份年报（含下级地区）
        </p>
      </header>

      {/* the places below it first: a reader looking for their own county goes down the tree before reading the lists
          (plain links, like the lists': a next/link per place costs the server more than its name) */}
      {children.length > 0 ? (
        <Card title="下级地区">
          <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-4">
            {children.map((c) => (
              <li key={c.code}>
                <a href={`/regions/${c.code}`} className="text-sky-800 underline">
                  {c.name}
                </a>
                <span className="ml-1 whitespace-nowrap text-slate-600">
                  {c.agencyCount > 0 ? `（${c.agencyCount} 个机关）` : "（未收录）"}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {holdings.agencies === 0 ? (
        <Card>
          <p className="text-slate-700" data-testid="region-empty">
            本地区（含下级地区）尚未收录任何机关的年度报告。
          </p>
          {chain.length > 1 ? (
            <p className="mt-2 text-sm">
              可以查看上级地区：
              <Link href={`/regions/${chain[chain.length - 2]!.code}`} className="text-sky-800 underline">
                {chain[chain.length - 2]!.name}
              </Link>
            </p>
          ) : null}
        </Card>
      ) : (
        <>
          <Card title="各机关最新数据" id="agencies">
            <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span className="text-slate-600">排序：</span>
              {REGION_AGENCY_SORTS.map((k) =>
                k === sort ? (
                  <span key={k} aria-current="true" className="font-semibold">
                    {SORTS[k]}
                  </span>
                ) : (
                  <Link key={k} href={href({ sort: k })} className="text-sky-800 underline">
                    {SORTS[k]}
                  </Link>
                ),
              )}
              <span className="text-slate-600" data-testid="region-agency-count">
                共 {holdings.agencies} 个机关{pageLabel ? `，${pageLabel}` : ""}
              </span>
            </div>
            <RegionAgencyTable agencies={shown} />
            <Pager label="机关列表分页" page={page} pageCount={pageCount} href={(p) => href({ page: p })} />
          </Card>
          <Card title="地区数据（按年度）">
            <p className="mb-2 text-sm text-slate-600">
              有本地区政府的<strong>汇总报告</strong>时取汇总报告；否则为已收录机关<strong>本机关报告之和</strong>
              （合计），未收录的机关不在其中。
              两种口径不混合，汇总报告不与其下级相加；比率由分子、分母之和计算。各年收录的机关不同，合计的变化可能只是收录的变化。
            </p>
            <ScrollTable label="地区历年数据" minWidthRem={36}>
              <table className="w-full border-collapse text-sm" data-testid="region-totals">
                <caption className="sr-only">地区历年数据</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-slate-600">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      年度
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      来源
                    </th>
                    <RegionFigureHeaders />
                  </tr>
                </thead>
                <tbody>
                  {yearFigures.map((t) => (
                    <tr key={t.year} className="border-b border-slate-100">
                      <th scope="row" className="py-2 pr-3 text-left font-normal tabular-nums">
                        {t.year}
                      </th>
                      <td className="py-2 pr-3">
                        {t.summary ? (
                          <>
                            汇总报告（
                            <Link href={`/agencies/${t.summary.agencyId}`} className="text-sky-800 underline">
                              {t.summary.agencyName}
                            </Link>
                            ）
                          </>
                        ) : (
                          <>合计（{t.reports} 个机关）</>
                        )}
                      </td>
                      <RegionFigureCells figures={t.figures} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            {region.level < 3 ? (
              <p className="mt-2 text-sm">
                <Link href={`/compare/regions?parent=${region.code}`} className="text-sky-800 underline">
                  比较{region.name}的各下级地区
                </Link>
              </p>
            ) : null}
          </Card>
          <Card title="年报收录矩阵" id="coverage-matrix">
            <p className="mb-2 text-sm text-slate-600" data-testid="coverage-matrix-scope">
              {pageCount > 1
                ? `列出上方机关列表${pageLabel}的 ${shown.length} 个机关（共 ${holdings.agencies} 个），顺序与列表相同；翻页或换排序后随之变化。`
                : `列出本地区全部 ${holdings.agencies} 个机关。`}
              “未收录”表示本站没有该机关该年度的年报：可能未发布，也可能尚未收集。
            </p>
            <CoverageMatrix agencies={shown} years={coverageYears} />
            <Pager label="收录矩阵分页" page={page} pageCount={pageCount} href={(p) => href({ page: p }, "coverage-matrix")} />
          </Card>
        </>
      )}

      {coverage ? (
        <Card title="收录情况">
          <CoveragePanel coverage={coverage} yearHref={(y) => `/regions/${region.code}?year=${y}`} />
        </Card>
      ) : null}
    </main>
  );
}

/** 上一页 / 下一页 links (nothing when everything fits on one page). */
function Pager({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-2 flex gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-sky-800 underline">
          上一页
        </Link>
      ) : null}
      {page < pageCount ? (
        <Link href={href(page + 1)} className="text-sky-800 underline">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
