import Link from "next/link";
import type { ReportVersionSummary } from "@/lib/db/reports";

type VersionHistoryProps = { agencyId: number; year: number; shownVersion: number; versions: ReportVersionSummary[] };

const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });

/** Every stored version of this year's report, newest first; older versions stay viewable. */
export function VersionHistory({ agencyId, year, shownVersion, versions }: VersionHistoryProps) {
  return (
    <ol className="flex flex-col gap-2 text-sm">
      {versions.map((v) => (
        <li key={v.version} className="flex flex-wrap items-baseline gap-x-3">
          <span className="font-medium">第 {v.version} 版</span>
          {v.isLatest ? <span className="text-emerald-800">（最新）</span> : null}
          <span className="text-slate-600">收录于 {dateTimeFormat.format(v.ingestedAt)}</span>
          <span className="text-slate-600">{v.fileName ?? v.sourceKind}</span>
          <span className="font-mono text-xs text-slate-500" title={v.sha256}>
            {v.sha256.slice(0, 10)}
          </span>
          {v.version === shownVersion ? (
            <span className="text-slate-600">（当前显示）</span>
          ) : (
            <Link href={`/agencies/${agencyId}?year=${year}&version=${v.version}`} className="text-sky-800 underline">
              查看此版本
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
