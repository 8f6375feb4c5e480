/** 报告口径 of one report, said in words: a summary report's numbers are a region's totals, not the body's own. */
import type { Finding } from "@/lib/report/types";

export function ReportScopeNote({ scope, findings }: { scope: string; findings: Finding[] }) {
  if (scope !== "summary") {
    return (
      <p className="text-sm text-slate-600" data-testid="report-scope">
        报告口径：<strong>本机关报告</strong>（报告未说明其数字为全地区汇总，按本机关自身的数字对待）。
      </p>
    );
  }
  const evidence = findings.find((f) => f.code === "scope-summary");
  const quote = evidence ? /（“(.+?)”）/.exec(evidence.message)?.[1] : undefined;
  return (
    <p className="rounded border-l-4 border-amber-500 bg-amber-50 p-2 text-sm text-slate-800" data-testid="report-scope">
      报告口径：<strong>汇总报告</strong>——表中数字是本地区各有关单位的合计
      {quote ? <>（报告原文：“{quote}”）</> : null}
      ，只与其他汇总报告比较，不与单个机关排名，也不与其下级机关的报告相加。
    </p>
  );
}
