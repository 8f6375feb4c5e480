/**
 * The peer group's distribution as a small box plot (min, quartiles, median, max of the ranked values), with the
 * highlighted body marked, and the median in words. Server-rendered SVG; the numbers are also in the text.
 */
import { formatByUnit } from "@/lib/format";

type Props = {
  distribution: { min: number; q1: number; median: number; q3: number; max: number };
  unit: "件" | "%" | "万元";
  label: string;
  /** the highlighted body's value and name */
  marked?: { name: string; value: number } | null;
};

export function PeerDistribution({ distribution: d, unit, label, marked }: Props) {
  const w = 600;
  const pad = 12;
  const span = d.max - d.min || 1;
  const x = (v: number) => pad + ((v - d.min) / span) * (w - 2 * pad);
  const f = (v: number) => formatByUnit(v, unit);
  const summary = `同类${label}：最低 ${f(d.min)}，下四分位 ${f(d.q1)}，中位数 ${f(d.median)}，上四分位 ${f(d.q3)}，最高 ${f(d.max)}`;
  return (
    <figure className="flex flex-col gap-1" data-testid="peer-distribution">
      <figcaption className="text-sm text-slate-700">
        同类中位数 <strong data-testid="peer-median">{f(d.median)}</strong>
        {marked ? (
          <>
            ；
            <span className="text-amber-800">
              ▲ {marked.name} {f(marked.value)}
            </span>
          </>
        ) : null}
      </figcaption>
      <svg
        viewBox={`0 0 ${w} 44`}
        className="h-11 w-full max-w-xl"
        role="img"
        aria-label={`${summary}${marked ? `；${marked.name} ${f(marked.value)}` : ""}（箱线图）`}
      >
        <line x1={x(d.min)} x2={x(d.max)} y1={18} y2={18} stroke="#64748b" strokeWidth={1.5} />
        <line x1={x(d.min)} x2={x(d.min)} y1={11} y2={25} stroke="#64748b" strokeWidth={1.5} />
        <line x1={x(d.max)} x2={x(d.max)} y1={11} y2={25} stroke="#64748b" strokeWidth={1.5} />
        <rect x={x(d.q1)} y={8} width={Math.max(1, x(d.q3) - x(d.q1))} height={20} fill="#bae6fd" stroke="#0369a1" />
        <line x1={x(d.median)} x2={x(d.median)} y1={6} y2={30} stroke="#0c4a6e" strokeWidth={3} />
        {marked ? <path d={`M ${x(marked.value)} 30 l -6 10 h 12 z`} fill="#b45309" /> : null}
      </svg>
      <p className="text-xs text-slate-600">{summary}。</p>
    </figure>
  );
}
