import Link from "next/link";
import type { SearchResult } from "@/lib/db/search";

/** Agencies and regions found for a query; says plainly when nothing matched. */
export function SearchResults({ result }: { result: SearchResult }) {
  const { agencies, regions, terms, query } = result;
  if (terms.length === 0) return <p className="text-sm text-slate-600">请输入机关名称或地名。</p>;
  return (
    <div className="flex flex-col gap-4" data-testid="search-results">
      <h2 className="text-lg font-semibold">
        “{query.trim()}”的搜索结果
        {terms.join(" ") !== query.trim() ? <span className="ml-2 text-sm font-normal text-slate-600">（按“{terms.join(" ")}”匹配）</span> : null}
      </h2>
      {agencies.length === 0 ? (
        <p className="text-slate-700">没有找到收录了年报的机关。可以换一个地名，或只输入名称的一部分。</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 rounded border border-slate-200">
          {agencies.map((a) => (
            <li key={a.id} className="flex flex-col gap-0.5 p-3 sm:flex-row sm:items-baseline sm:justify-between">
              <Link href={`/agencies/${a.id}`} className="font-medium text-sky-800 underline">
                {a.name}
              </Link>
              <span className="text-sm text-slate-600">
                {a.regionPath ?? "地区未知"} · {a.years.map((y) => `${y}`).join("、")} 年
              </span>
            </li>
          ))}
        </ul>
      )}
      {regions.length > 0 ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">相关地区</h3>
          <ul className="flex flex-wrap gap-2 text-sm">
            {regions.map((r) => (
              <li key={r.code}>
                <Link href={`/regions/${r.code}`} title={r.path} className="rounded border border-slate-300 px-2 py-0.5 text-sky-800 hover:bg-slate-50">
                  {r.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
