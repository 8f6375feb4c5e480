import type { Metadata } from "next";
import { toOpenGraph } from "@/lib/site";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { countAgenciesByRegion, listRealChildren } from "@/lib/db/regions";
import { listRegions, type Region } from "@/lib/regions/gazetteer";
import { toWholeRegionWord } from "@/lib/regions/region-words";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "按地区浏览",
  description: "全国各省、地市、县区的政府信息公开工作年度报告收录情况",
  openGraph: toOpenGraph("按地区浏览", "全国各省、地市、县区的政府信息公开工作年度报告收录情况"),
};

/** With reports in at most this many provinces, those provinces are shown open; with more, every province is closed. */
const OPEN_PROVINCES_MAX = 3;

/**
 * /regions: every province, its prefectures and their counties, with how many bodies each has reports for. While the
 * store holds few provinces, those are open; at national scale the page is the list of provinces, each opened by the
 * reader (a browser's find in page opens the one holding a found name), so it is not tens of thousands of pixels long.
 */
export default async function RegionsIndexPage() {
  const counts = await countAgenciesByRegion();
  const provinces = listRegions().filter((r) => r.level === 1);
  const withData = provinces.filter((p) => (counts.get(p.code) ?? 0) > 0).length;
  const openWithData = withData <= OPEN_PROVINCES_MAX;
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
      <Breadcrumb items={[{ label: "首页", href: "/" }, { label: "按地区浏览" }]} />
      <h1 className="text-2xl font-semibold">按地区浏览</h1>
      <p className="text-sm text-slate-600">
        共 {provinces.length} 个省级行政区，其中 {withData}{" "}
        个已收录年报。展开可见其地市与县区（直辖市为其区县）；括号内为已收录年报的机关数。
      </p>
      <ul className="flex flex-col gap-2" data-testid="province-list">
        {provinces.map((p) => {
          const n = counts.get(p.code) ?? 0;
          const children = listRealChildren(p.code);
          // prefectures with counties each get a heading; places with none below them (a municipality's districts, a
          // prefecture-level city without counties) are one wrapped list
          const withCounties = children.map((c) => ({ region: c, counties: listRealChildren(c.code).filter((k) => k.level === 3) }));
          const leaves = withCounties.filter((c) => c.counties.length === 0).map((c) => c.region);
          return (
            <li key={p.code} className="rounded border border-slate-200">
              <details open={n > 0 && openWithData}>
                <summary className="cursor-pointer px-3 py-2 font-medium">
                  {p.name} <span className="font-normal text-slate-600">{n > 0 ? `（${n} 个机关）` : "（未收录）"}</span>
                </summary>
                <div className="flex flex-col gap-3 border-t border-slate-100 px-3 py-2">
                  <Link href={`/regions/${p.code}`} className="text-sm text-sky-800 underline">
                    {`${p.name}${toWholeRegionWord(p)}概况`}
                  </Link>
                  {leaves.length > 0 ? <PlaceList places={leaves} counts={counts} label={`${p.name}下辖`} /> : null}
                  {withCounties
                    .filter((c) => c.counties.length > 0)
                    .map(({ region: pref, counties }) => (
                      <section key={pref.code} aria-label={pref.name}>
                        <h2 className="text-sm font-semibold">
                          <Link href={`/regions/${pref.code}`} className="text-sky-800 underline">
                            {pref.name}
                          </Link>
                          <span className="ml-1 font-normal text-slate-600">{countNote(counts, pref.code)}</span>
                        </h2>
                        <PlaceList places={counties} counts={counts} />
                      </section>
                    ))}
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </main>
  );
}

/** Places as one wrapped list of links, each with how many bodies it has reports for (none: no count). */
function PlaceList({ places, counts, label }: { places: Region[]; counts: Map<string, number>; label?: string }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label={label}>
      {places.map((c) => (
        <li key={c.code}>
          <Link href={`/regions/${c.code}`} className="text-sky-800 hover:underline">
            {c.name}
          </Link>
          <span className="text-slate-600">{countNote(counts, c.code)}</span>
        </li>
      ))}
    </ul>
  );
}

/** （n） after a place with reports from n bodies; nothing when it has none. */
function countNote(counts: Map<string, number>, code: string): string {
  const n = counts.get(code) ?? 0;
  return n > 0 ? `（${n}）` : "";
}
