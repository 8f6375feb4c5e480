/**
 * 收录情况 of a region: per year, expected governments by level (from the gazetteer) and collected; departments once
 * seen; and the 未收录 governments of the chosen year (a hundred and more), each linking to its region page with a
 * plain link (next/link client components, one per name, cost the server more than the rest of the panel).
 */
import type { RegionCoverage } from "@/lib/db/coverage";

export function CoveragePanel({ coverage, yearHref }: { coverage: RegionCoverage; yearHref: (year: number) => string }) {
  const levels = coverage.years[0]?.governments ?? [];
  return (
    <div className="flex flex-col gap-3" data-testid="coverage-panel">
      <p className="text-sm text-slate-700">
        应发布：行政区划中的每一级人民政府（盟、地区为行政公署，街道为办事处，开发区等为管委会）每年都应发布年报；部门（按本级机关分省级、市级、县级、乡级）自首次收录的年度起计入。
        <strong>未收录</strong>表示本站没有该机关当年的年报——我们无法知道它是否发布（未发布），只知道没有收录。
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[32rem] border-collapse text-sm" data-testid="coverage-table">
          <caption className="sr-only">按年度的收录情况</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">年度</th>
              {levels.map((g) => (
                <th key={g.level} scope="col" className="py-2 pr-3 text-right font-medium">{g.label}</th>
              ))}
              <th scope="col" className="py-2 pr-3 text-right font-medium">部门</th>
            </tr>
          </thead>
          <tbody>
            {coverage.years.map((y) => (
              <tr key={y.year} className={`border-b border-slate-100 ${y.year === coverage.year ? "bg-amber-50" : ""}`}>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <a href={yearHref(y.year)} className="text-sky-800 underline" aria-current={y.year === coverage.year ? "true" : undefined}>{y.year}</a>
                </th>
                {y.governments.map((g) => (
                  <td key={g.level} className="py-2 pr-3 text-right tabular-nums">
                    收录 {g.collected.toLocaleString("zh-CN")} / {g.expected.toLocaleString("zh-CN")}
                  </td>
                ))}
                <td className="py-2 pr-3 text-right tabular-nums">
                  {y.departments.collected.toLocaleString("zh-CN")} / {y.departments.expected.toLocaleString("zh-CN")}
                  {y.departmentsByLevel.filter((d) => d.expected > 0).length > 1 ? (
                    <span className="block text-xs text-slate-500" data-testid="departments-by-level">
                      {y.departmentsByLevel
                        .filter((d) => d.expected > 0)
                        .map((d) => `${d.label} ${d.collected.toLocaleString("zh-CN")} / ${d.expected.toLocaleString("zh-CN")}`)
                        .join("；")}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="font-medium">{coverage.year} 年未收录的政府</h3>
      {coverage.missing.map((m) => (
        <details key={m.level} className="text-sm" open={m.total > 0 && m.total <= 30}>
          <summary className="cursor-pointer">
            {m.label}：未收录 {m.total.toLocaleString("zh-CN")} 个{m.total > m.bodies.length ? `（列出前 ${m.bodies.length} 个，其余请进入下级地区查看）` : ""}
          </summary>
          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" data-testid={`missing-level-${m.level}`}>
            {m.bodies.map((b) => (
              <li key={b.regionCode}>
                <a href={`/regions/${b.regionCode}`} className="text-sky-800 underline">{b.name}</a>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
