/** Names on a bar chart's category axis, wrapped instead of clipped: up to three lines, the full name as a tooltip. */

/** Characters per line at 12 px in the 136 px name axis (CJK characters are about one em wide). */
const CHARS_PER_LINE = 10;
const MAX_LINES = 3;

/**
 * A name in balanced lines of at most CHARS_PER_LINE characters (阿拉善盟行政公署办公室 → 阿拉善盟行政 / 公署办公室, not a lone
 * 室 on the second line); a name longer than three lines ends in "…" (the full name is in the tick's title and the table).
 */
export function toAxisNameLines(name: string): string[] {
  const chars = [...name];
  const count = Math.min(MAX_LINES, Math.max(1, Math.ceil(chars.length / CHARS_PER_LINE)));
  const perLine = chars.length > CHARS_PER_LINE * MAX_LINES ? CHARS_PER_LINE : Math.ceil(chars.length / count);
  const lines = Array.from({ length: count }, (_, i) => chars.slice(i * perLine, (i + 1) * perLine).join("")).filter((l) => l !== "");
  if (chars.length > CHARS_PER_LINE * MAX_LINES)
    lines[MAX_LINES - 1] = `${[...lines[MAX_LINES - 1]!].slice(0, CHARS_PER_LINE - 1).join("")}…`;
  return lines;
}

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown } };

/** recharts `tick` renderer for the name axis: right-aligned lines centred on the bar. */
export function AxisNameTick({ x = 0, y = 0, payload }: TickProps) {
  const name = String(payload?.value ?? "");
  const lines = toAxisNameLines(name);
  const lineHeight = 14;
  const top = Number(y) - ((lines.length - 1) * lineHeight) / 2;
  return (
    <text x={Number(x)} y={top} textAnchor="end" fontSize={12} fill="#334155" dominantBaseline="middle">
      <title>{name}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x) - 4} y={top + i * lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
