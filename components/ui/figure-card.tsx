import type { ReactNode } from "react";
import { Badge } from "./badge";

export type FigureCardProps = {
  /** Chinese label, e.g. 申请量 */
  label: string;
  /** the formatted value (72 件, 45.5%, —, 未填报) */
  value: string;
  /** counts behind a rate, e.g. "30/66" */
  counts?: string | null;
  /** true when the rate rests on fewer than 10 cases: shown with its counts and marked 样本较小 */
  isSmallSample?: boolean;
  /** one line on how to read the figure */
  guide?: string;
  /**
   * where the value came from in the source: the line on the page of the report's text
   * (/agencies/1/text?year=2025&version=1#L42), a link that works without a script; the value becomes a link to it
   */
  sourceHref?: string | null;
  /** that line's number: with a script, the page's own source view shows the line instead (data-source-line) */
  sourceLine?: number | null;
  /** the canonical paths the value is computed from; the source view marks every one of them (data-source-paths) */
  sourcePaths?: readonly string[];
  /** extra lines under the value */
  children?: ReactNode;
  testId?: string;
  /** the report's own check on this figure failed: shown on the card, not only in the quality panel */
  warning?: string | null;
};

/** One figure: its label, value, counts, a failed-check warning and reading guide (shown at every width). */
export function FigureCard({
  label,
  value,
  counts,
  isSmallSample,
  guide,
  sourceHref,
  sourceLine,
  sourcePaths,
  children,
  testId,
  warning,
}: FigureCardProps) {
  const valueNode = sourceHref ? (
    <a
      href={sourceHref}
      className="underline decoration-dotted underline-offset-4 hover:text-sky-800"
      title="查看原文出处"
      data-source-link=""
      data-source-line={sourceLine ?? undefined}
      data-source-paths={sourcePaths && sourcePaths.length > 0 ? sourcePaths.join(" ") : undefined}
    >
      {value}
    </a>
  ) : (
    value
  );
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3" data-testid={testId} data-figure={label}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums text-slate-900 sm:text-2xl" data-value="">
        {valueNode}
      </dd>
      {counts || isSmallSample ? (
        <dd className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {counts ? (
            <span className="tabular-nums" data-counts="">
              （{counts}）
            </span>
          ) : null}
          {isSmallSample ? <Badge tone="warn">样本较小</Badge> : null}
        </dd>
      ) : null}
      {children ? <dd className="text-sm text-slate-600">{children}</dd> : null}
      {warning ? (
        <dd className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="figure-warning">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </dd>
      ) : null}
      {guide ? (
        <dd className="text-xs leading-relaxed text-slate-600" data-guide="">
          {guide}
        </dd>
      ) : null}
    </div>
  );
}
