/** Names on a bar chart's category axis, wrapped instead of clipped: up to three lines, the full name as a tooltip. */

/** Characters per line at 12 px in the 136 px name axis (CJK characters are about one em wide). */
const CHARS_PER_LINE = 10;
const MAX_LINES = 3;

/** A name in lines of at most CHARS_PER_LINE characters; a name longer than three lines ends in "…". */
export function toAxisNameLines(name: string): string[] {
  const chars = [...name];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < MAX_LINES; i += CHARS_PER_LINE)
    lines.push(chars.slice(i, i + CHARS_PER_LINE).join(""));
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
