import { Badge } from "@/components/ui/badge";
import type { Finding } from "@/lib/report/types";
import { toFindingLabel } from "@/lib/view/reader-terms";
import { toSourceLineHref } from "@/lib/view/to-source-html";
import { describeRule, toReaderText } from "@/lib/view/report-fields";
import type { CrossYearCheck, QualityReport } from "@/lib/view/to-quality-report";

type QualityPanelProps = {
  quality: QualityReport;
  crossYear: CrossYearCheck;
  /** the report's text as a page of its own (app/agencies/[id]/text): line links point there (see SourceLineLink) */
  textUrl: string;
};

/** 数据质量: identity checks, inferred cells, narrative mismatches, other findings and the cross-year check. */
export function QualityPanel({ quality, crossYear, textUrl }: QualityPanelProps) {
  return (
    <div className="flex flex-col gap-4 text-sm">
      <section>
        <h3 className="mb-2 font-medium">勾稽关系核对</h3>
        <ul className="flex flex-col gap-1.5" data-testid="identity-checks">
          {quality.identities.map((check) => (
            <li key={check.id} className="flex flex-col gap-1">
              <span className="grid grid-cols-[auto_1fr] items-start gap-2">
                {check.failures.length === 0 ? <Badge tone="ok">通过</Badge> : <Badge tone="error">未通过</Badge>}
                <span>{check.label}</span>
              </span>
              {check.failures.length > 0 ? <FindingList textUrl={textUrl} findings={check.failures} /> : null}
            </li>
          ))}
          <li className="grid grid-cols-[auto_1fr] items-start gap-2" data-testid="cross-year-check">
            <CrossYearBadge check={crossYear} />
            <span>
              跨年核对：本年“上年结转”= 上年“结转下年度继续办理”
              <span className="text-slate-600">{describeCrossYear(crossYear)}</span>
            </span>
          </li>
        </ul>
      </section>
      <section>
        <h3 className="mb-2 font-medium">推算的单元格（{quality.inferred.length}）</h3>
        {quality.inferred.length === 0 ? (
          <p className="text-slate-600">没有由勾稽关系推算的数值，全部取自报告原文。</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {quality.inferred.map((cell) => (
              <li key={cell.path}>
                {cell.label}：
                <span className="tabular-nums">
                  {typeof cell.value === "number" || typeof cell.value === "string" ? cell.value : "未填报"}
                </span>
                {cell.rule ? <span className="text-slate-600">（依据 {describeRule(cell.rule)}）</span> : null}
                {cell.line ? <SourceLineLink textUrl={textUrl} line={cell.line} className="ml-2 text-sky-800 underline" /> : null}
              </li>
            ))}
          </ul>
        )}
        {quality.missingCount > 0 ? (
          <p className="mt-1 text-slate-600">另有 {quality.missingCount} 个单元格报告未填写且无法推算，显示为“未填报”。</p>
        ) : null}
      </section>
      <section>
        <h3 className="mb-2 font-medium">正文与表格不一致（{quality.narrativeMismatches.length}）</h3>
        {quality.narrativeMismatches.length === 0 ? (
          <p className="text-slate-600">未发现正文数字与表格矛盾。</p>
        ) : (
          <FindingList textUrl={textUrl} findings={quality.narrativeMismatches} />
        )}
      </section>
      {quality.otherFindings.length > 0 ? (
        <section>
          <h3 className="mb-2 font-medium">其他提示（{quality.otherFindings.length}）</h3>
          <FindingList textUrl={textUrl} findings={quality.otherFindings} />
        </section>
      ) : null}
    </div>
  );
}

const SEVERITY = {
  error: { tone: "error", label: "错误" },
  warning: { tone: "warn", label: "警告" },
  info: { tone: "info", label: "提示" },
} as const;

function FindingList({ findings, textUrl }: { findings: Finding[]; textUrl: string }) {
  return (
    <ul className="ml-1 flex flex-col gap-1 border-l-2 border-slate-200 pl-3">
      {findings.map((f, i) => {
        const sev = SEVERITY[f.severity] ?? SEVERITY.info;
        return (
          <li key={`${f.code}-${i}`} className="flex flex-wrap items-center gap-2">
            <Badge tone={sev.tone}>{sev.label}</Badge>
            <span>
              <span className="font-medium">{toFindingLabel(f.code)}：</span>
              {toReaderText(f.message)}
            </span>
            {f.loc ? <SourceLineLink textUrl={textUrl} line={f.loc.line} className="text-sky-800 underline" /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function CrossYearBadge({ check }: { check: CrossYearCheck }) {
  if (check.status === "match") return <Badge tone="ok">通过</Badge>;
  if (check.status === "mismatch") return <Badge tone="error">未通过</Badge>;
  return <Badge>无法核对</Badge>;
}

function describeCrossYear(check: CrossYearCheck): string {
  switch (check.status) {
    case "no-previous-year":
      return `（未收录 ${check.year - 1} 年报告）`;
    case "unknown":
      return `（${check.year} 年或 ${check.previousYear} 年的结转数未填报）`;
    case "match":
      return `（${check.carriedOver} = ${check.previousCarriedForward}）`;
    case "mismatch":
      return `（本年上年结转 ${check.carriedOver} 件，${check.previousYear} 年结转下年度 ${check.previousCarriedForward} 件）`;
  }
}

/** 原文第 n 行: the line on the page of the report's text (works without a script); the source view intercepts it. */
function SourceLineLink({ textUrl, line, className }: { textUrl: string; line: number; className: string }) {
  return (
    <a href={toSourceLineHref(textUrl, line)} data-source-line={line} className={className}>
      原文第 {line} 行
    </a>
  );
}
