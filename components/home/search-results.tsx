import Link from "next/link";
import type { SearchResult } from "@/lib/db/search";

const LEVEL_NAMES: Record<number, string> = { 1: "省级", 2: "地市级", 3: "县级", 4: "乡镇级" };
const REGIONS_SHOWN = 12;

function searchHref(q: string, page?: number): string {
  const params = new URLSearchParams({ q });
  if (page && page > 1) params.set("page", String(page));
  return `/?${params.toString()}#search-results`;
}

/**
 * Agencies (ranked, counted and paged), matching places with their region path (townships without reports lead
 * to their region page), how pinyin was read, and "您是不是要找" when nothing matched as typed.
 */
export function SearchResults({ result }: { result: SearchResult }) {
  const { agencies, plan, total, page, pageSize, approximate, query } = result;
  if (plan.groups.length === 0) return <p className="text-sm text-slate-600">请输入机关名称、地名或拼音。</p>;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const showCorrections = plan.corrections.length > 0 && (total === 0 || approximate);
  return (
    <div className="flex flex-col gap-4" data-testid="search-results" id="search-results">
      <h2 className="text-lg font-semibold">“{query.trim()}”的搜索结果</h2>
      {plan.readings.length > 0 ? (
        <p className="text-sm text-slate-600" data-testid="search-readings">
          {plan.readings
            .map((r) =>
              r.as.length > 0
                ? `拼音“${r.word}”按 ${r.as.slice(0, 6).join("、")}${r.as.length > 6 ? " 等" : ""} 匹配`
                : `拼音“${r.word}”没有对应的地名`,
            )
            .join("；")}
        </p>
      ) : null}
      {showCorrections ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="did-you-mean">
          <p className="font-medium text-slate-900">您是不是要找：</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {plan.corrections.map((c) => (
              <li key={`${c.word}-${c.name}-${c.path}`}>
                <Link href={searchHref(query.replace(c.word, c.name))} className="text-sky-800 underline">
                  {c.name}
                </Link>
                <span className="ml-1 text-slate-600">（{c.path}）</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="agency-hits-heading" className="flex flex-col gap-2">
        <h3 id="agency-hits-heading" className="text-base font-semibold">
          机关{" "}
          <span className="font-normal text-slate-600" data-testid="search-total">
            共 {total} 个{total > pageSize ? `，第 ${first}–${Math.min(total, first + agencies.length - 1)} 个` : ""}
          </span>
        </h3>
        {agencies.length === 0 ? (
          <p className="text-slate-700">
            {page > 1 && total === 0 ? "这一页没有结果。" : "没有找到收录了年报的机关。"}可以换一个地名、只输入名称的一部分，或输入拼音（如
            etuoke）。
          </p>
        ) : (
          <>
            {approximate ? <p className="text-sm text-amber-900">没有完全匹配的机关，以下为相近的结果。</p> : null}
            <ol className="flex flex-col divide-y divide-slate-100 rounded border border-slate-200" start={first}>
              {agencies.map((a) => (
                <li key={a.id} className="flex flex-col gap-0.5 p-3 sm:flex-row sm:items-baseline sm:justify-between">
                  <Link href={`/agencies/${a.id}`} className="font-medium text-sky-800 underline">
                    {a.name}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {a.regionPath ?? "地区未知"} · {a.years.join("、")} 年
                  </span>
                </li>
              ))}
            </ol>
            {pages > 1 ? (
              <nav aria-label="搜索结果分页" className="flex flex-wrap items-center gap-3 text-sm">
                {page > 1 ? (
                  <Link href={searchHref(query, page - 1)} className="text-sky-800 underline">
                    上一页
                  </Link>
                ) : null}
                <span className="text-slate-600">
                  第 {page} / {pages} 页
                </span>
                {page < pages ? (
                  <Link href={searchHref(query, page + 1)} className="text-sky-800 underline">
                    下一页
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>

      {plan.regions.length > 0 ? (
        <section aria-labelledby="region-hits-heading">
          <h3 id="region-hits-heading" className="mb-1 text-base font-semibold">
            地区{" "}
            <span className="font-normal text-slate-600">
              共 {plan.regionTotal} 个{plan.regionTotal > REGIONS_SHOWN ? `，显示前 ${REGIONS_SHOWN} 个` : ""}
            </span>
          </h3>
          <ul className="flex flex-col gap-1 text-sm" data-testid="region-hits">
            {plan.regions.slice(0, REGIONS_SHOWN).map((r) => (
              <li key={r.code}>
                <Link href={`/regions/${r.code}`} className="text-sky-800 underline">
                  {r.name}
                </Link>
                <span className="ml-2 text-slate-600">
                  {LEVEL_NAMES[r.level]} · {r.path}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
