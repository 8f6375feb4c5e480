import Link from "next/link";

type YearSwitcherProps = { agencyId: number; years: number[]; current: number };

/** Links to each published year; the year lives in the URL (?year=2020) so it can be shared. */
export function YearSwitcher({ agencyId, years, current }: YearSwitcherProps) {
  return (
    <nav aria-label="报告年度">
      <ul className="flex flex-wrap gap-2">
        {years.map((y) => {
          const isCurrent = y === current;
          return (
            <li key={y}>
              <Link
                href={`/agencies/${agencyId}?year=${y}`}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1 text-sm tabular-nums ${
                  isCurrent ? "border-sky-800 bg-sky-800 text-white" : "border-slate-300 text-sky-800 hover:bg-slate-50"
                }`}
              >
                {y} 年
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
