import Link from "next/link";
import type { ReportVersionSummary } from "@/lib/db/reports";
import { describeCheckChange, toVersionChanges } from "@/lib/view/to-version-changes";

type VersionHistoryProps = { agencyId: number; year: number; shownVersion: number; versions: ReportVersionSummary[] };

const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });

/**
 * Every stored version of this year's report, newest first, each saying what changed from the version before it
 * (which figures, old → new); older versions stay viewable.
 */
export function VersionHistory({ agencyId, year, shownVersion, versions }: VersionHistoryProps) {
  return (
    <ol className="flex flex-col gap-3 text-sm" data-testid="version-history">
      {versions.map((v, i) => {
        const previous = versions[i + 1];
        const changes = previous ? toVersionChanges(previous.figures, v.figures) : [];
        const checks = previous ? describeCheckChange(previous, v) : null;
        return (
          <li key={v.version} className="flex flex-col gap-1">
            <span className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-medium">第 {v.version} 版</span>
              {v.isLatest ? <span className="text-emerald-800">（最新）</span> : null}
              <span className="text-slate-600">收录于 {dateTimeFormat.format(v.ingestedAt)}</span>
              {v.version === shownVersion ? (
                <span className="text-slate-600">（当前显示）</span>
              ) : (
                <Link href={`/agencies/${agencyId}?year=${year}&version=${v.version}`} className="text-sky-800 underline">
                  查看第 {v.version} 版
                </Link>
              )}
            </span>
            {!previous ? (
              <span className="text-slate-600">首次收录</span>
            ) : changes.length === 0 ? (
              <span className="text-slate-600" data-testid="version-changes">
                与第 {previous.version} 版相比，主要数据没有变化（原件有改动，如文字或格式）{checks ? `；${checks}` : ""}
              </span>
            ) : (
              <div className="flex flex-col gap-0.5" data-testid="version-changes">
                <span className="text-slate-600">
                  与第 {previous.version} 版相比，{changes.length} 项数据有变化：
                </span>
                <ul className="ml-1 flex flex-col gap-0.5 border-l-2 border-slate-200 pl-3">
                  {changes.map((c) => (
                    <li key={c.key} className="tabular-nums">
                      {c.label}：<span className="text-slate-600">{c.from}</span> → <span className="font-medium">{c.to}</span>
                    </li>
                  ))}
                  {checks ? <li className="text-slate-600">{checks}</li> : null}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
