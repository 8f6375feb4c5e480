/**
 * A peer group and a place in it, said in words: "内蒙古自治区的县级人民政府（本机关报告）", and whether a high value
 * is good or bad for the figure ("排第一的是不掌握信息率最高的机关"). Pure.
 */
import { figurePolarity } from "@/lib/figures/figure-checks";
import { FIGURE_META, type FigureKey } from "@/lib/figures/figures";
import { REPORT_SCOPE_NAMES } from "@/lib/figures/report-scope";
import { toScopeName } from "@/lib/view/scope-options";

export function toPeerGroupName(g: { scope?: string; level?: string; kind?: string; reportScope?: "own" | "summary" | "all" }): string {
  const level = g.level && g.level !== "all" ? `${g.level}级` : "各层级";
  const kind = g.kind && g.kind !== "all" ? g.kind : "机关";
  const where = g.scope ? `${toScopeName(g.scope)}的` : "全国";
  return `${where}${level}${kind}（${REPORT_SCOPE_NAMES[g.reportScope ?? "own"]}）`;
}

/** True when the group mixes levels or kinds (a ranking of unlike bodies). */
export function isMixedGroup(g: { level?: string; kind?: string; reportScope?: string }): boolean {
  return !g.level || g.level === "all" || !g.kind || g.kind === "all" || g.reportScope === "all";
}

/** How to read first place, in words. */
export function toOrderReading(figure: FigureKey, order: "desc" | "asc"): string {
  const label = FIGURE_META[figure].label;
  const first = order === "desc" ? `排第一的是${label}最高的机关` : `排第一的是${label}最低的机关`;
  const polarity = figurePolarity(figure);
  if (polarity === "high-good") return `${first}。${label}越高越好。`;
  if (polarity === "high-bad") return `${first}。${label}越高越值得关注（越高越不好）。`;
  return `${first}。${label}的高低本身无好坏之分，与机关职能和辖区规模有关。`;
}

/** The highlighted body's place: "第 3 / 40 名，不掌握信息率高于 92.5% 的同类机关（越高越不好）". */
export function toPercentileSentence(figure: FigureKey, order: "desc" | "asc", rank: number, peers: number, percentile: number): string {
  const label = FIGURE_META[figure].label;
  const share = `${percentile.toFixed(1)}%`;
  const compared = order === "desc" ? `${label}高于 ${share} 的同类机关` : `${label}低于 ${share} 的同类机关`;
  const polarity = figurePolarity(figure);
  const judgement = polarity === "high-good" ? "（越高越好）" : polarity === "high-bad" ? "（越高越不好）" : "（高低本身无好坏之分）";
  return `第 ${rank} / ${peers} 名，${compared}${judgement}`;
}
