import Link from "next/link";
import { SearchForm } from "@/components/home/search-form";
import { SearchResults } from "@/components/home/search-results";
import { ParamError } from "@/components/compare/param-error";
import { Card } from "@/components/ui/card";
import { readPerDataVersion } from "@/lib/db/per-data-version";
import { getCoverage, listLatestReports } from "@/lib/db/reports";
import { search } from "@/lib/db/search";
import { searchQuerySchema } from "@/lib/http/params";
import { formatCount, formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: PageProps) {
  const params = await searchParams;
  const raw = params.q;
  // the shared parameter schema: a q with control characters (NUL) is refused with a message, never sent to the database
  const checked = searchQuerySchema.safeParse({ q: (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) });
  const q = checked.success ? (checked.data.q ?? "") : "";
  const qError = checked.success ? null : `参数有误：${checked.error.issues.map((i) => i.message).join("；")}`;
  const rawPage = Array.isArray(params.page) ? params.page[0] : params.page;
  const page = rawPage && /^\d{1,4}$/.test(rawPage) && Number(rawPage) >= 1 ? Number(rawPage) : 1;
  // the same for every request until the next write: read once per data version (a search page asks it too)
  const [coverage, latest] = await Promise.all([
    readPerDataVersion("home:coverage", getCoverage),
    readPerDataVersion("home:latest", () => listLatestReports(8)),
  ]);
  const yearSpan = coverage.years.length > 0 ? `${coverage.years[0]}–${coverage.years.at(-1)}` : "—";
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold">政府信息公开工作年度报告数据</h1>
        <p className="text-slate-700">查看各级政府机关公开年报中的申请量、办理结果、行政复议与诉讼等数据，每个数字都可追溯到报告原文。</p>
        <SearchForm defaultValue={q} />
      </section>

      {qError ? <ParamError message={qError} resetHref="/" /> : null}

      {/* not streamed: a streamed part takes a script to show, and a reader without one would see no results */}
      {q.trim() ? <SearchSection q={q} page={page} /> : null}

      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading" className="mb-3 text-lg font-semibold">
          收录情况
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="coverage">
          <Stat label="机关" value={`${formatNumber(coverage.agencies)} 个`} />
          <Stat label="地区" value={`${formatNumber(coverage.regions)} 个`} />
          <Stat label="年度" value={coverage.years.length > 0 ? `${coverage.years.length} 个（${yearSpan}）` : "—"} />
          <Stat label="年度报告" value={`${formatNumber(coverage.reports)} 份`} />
        </dl>
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <Card title="最新收录">
          {latest.length === 0 ? (
            <p className="text-sm text-slate-600">尚未收录任何报告。</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100 text-sm">
              {latest.map((r) => (
                <li key={`${r.agencyId}-${r.year}`} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <Link href={`/agencies/${r.agencyId}?year=${r.year}`} className="text-sky-800 underline">
                    {r.agencyName} {r.year} 年
                  </Link>
                  <span className="text-slate-600">申请量 {formatCount(r.requestsReceived)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="比较与排名">
          <ul className="flex flex-col gap-3 text-sm">
            <li>
              <Link href="/compare" className="font-medium text-sky-800 underline">
                比较
              </Link>
              <p className="text-slate-600">把几个机关或地区放在一起，看历年申请量、公开率等数据的走势。</p>
            </li>
            <li>
              <Link href="/rankings" className="font-medium text-sky-800 underline">
                排名
              </Link>
              <p className="text-slate-600">同级同类机关按某项数据排序；办结量不足 10 件的比率默认不参与排名。</p>
            </li>
            <li>
              <Link href="/methods#dataset" className="font-medium text-sky-800 underline" data-testid="dataset-link">
                下载全部数据
              </Link>
              <p className="text-slate-600">全部最新年报的数字（CSV）、规范化全文数据（NDJSON）和数据字典，CC BY 4.0。</p>
            </li>
          </ul>
        </Card>
      </div>
    </main>
  );
}

async function SearchSection({ q, page }: { q: string; page: number }) {
  return <SearchResults result={await search(q, page)} />;
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
