import { Badge } from "@/components/ui/badge";
import { FIGURE_META, type FigureKey } from "@/lib/figures/figures";
import { formatByUnit, formatNumber, formatRateValue } from "@/lib/format";

type FigureValueProps = {
  figure: FigureKey;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  isSmallSample: boolean;
};

/** A figure's value as the tables show it: 未填报 for null, a rate with its counts, 样本较小 when it rests on few cases. */
export function FigureValue({ figure, value, numerator, denominator, isSmallSample }: FigureValueProps) {
  const meta = FIGURE_META[figure];
  return (
    <span className="inline-flex flex-wrap items-baseline justify-end gap-1">
      <span className="tabular-nums">{meta.isRate ? formatRateValue(value, denominator) : formatByUnit(value, meta.unit)}</span>
      {meta.isRate && numerator !== null && denominator !== null && denominator > 0 ? (
        <span className="text-xs text-slate-500 tabular-nums">
          （{formatNumber(numerator)}/{formatNumber(denominator)}）
        </span>
      ) : null}
      {isSmallSample && denominator !== 0 ? <Badge tone="warn">样本较小</Badge> : null}
    </span>
  );
}
