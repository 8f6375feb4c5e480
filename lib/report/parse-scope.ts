/**
 * Report scope (报告口径): a summary report (汇总报告: 全市/全县/全区/全旗 totals over the bodies of a region, as many
 * 人民政府 publish) or a body's own report (本机关报告). Read from what the report says about itself, never guessed
 * from the size of its numbers: a summary needs a statement in the text, and the statement is kept as evidence.
 *
 * Three kinds of statement count (searched sentence by sentence, whitespace removed, so a phrase broken across
 * PDF lines is still found):
 * - region total: 全市共受理政府信息公开申请 3119 件 / 全区各级行政机关共受理…申请 21 件 / 全区共收到 70 件申请
 * - compiled from others: 汇总 … 各有关单位 / 各部门 / 各乡镇 … in a sentence about the report or its data
 * - coverage: 本报告（数据）包括 / 涵盖 … 各部门 … 各乡镇（街道）
 * Anything else is the body's own report.
 */
import { isSpaceCode } from "./normalize";
import type { Line } from "./tokenize";
import type { ReportScope, SourceLocation } from "./types";

/** How the scope was decided: the rule and the sentence that says so (null for an own report without a statement). */
export type ParsedScope = {
  value: ReportScope;
  evidence: { rule: ScopeRule; text: string; loc: SourceLocation } | null;
};

export type ScopeRule = "region-total" | "compiled-from-units" | "covers-units";

const PLACE = "(?:省|市|县|区|旗|州|盟)";
/** 全市(各级行政机关)(共)受理 … 申请 N 件 | 全区共收到 N 件申请; "安全市场" and the like are not 全市 */
const REGION_TOTAL_RE = new RegExp(
  `(?<![安健完齐保])全${PLACE}(?:各级行政机关|各级各部门|各地各部门|各级政府部门|各部门|各单位|各级)?[^。;]{0,10}?` +
    `(?:共|累计|合计|总计)?(?:受理|收到|接收|新收)[^。;]{0,24}?(?:申请[^。;]{0,8}?\\d[\\d,]*件|\\d[\\d,]*件[^。;]{0,6}?申请)`,
);
const UNITS =
  "(?:各有关单位|各单位|各部门|所属部门|组成部门|工作部门|直属单位|所属单位|下属单位|各乡镇|乡镇人民政府|各街道|街道办事处|各县|各区|各旗|各地)";
const ABOUT_REPORT_RE = /(报告|年报|数据|统计)/;
const COMPILED_RE = new RegExp(`汇总[^。]{0,40}?${UNITS}|${UNITS}[^。]{0,40}?汇总`);
const COVERS_RE = new RegExp(`(?:本报告|本年报|本年度报告|报告|数据|统计)[^。]{0,30}?(?:包括|包含|涵盖|覆盖|含)[^。]{0,30}?${UNITS}`);

/**
 * The report's text with all whitespace removed (one pass over the whole text). A sentence is a slice [start, end) of
 * it; where its characters came from is worked out only for the sentence that matches (`locate`).
 */
const compactText = (text: string): string => text.replace(/\s+/g, "");

/** Sentences end at 。 or after 401 characters. */
const MAX_SENTENCE = 401;

function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // where the next 。 ends a sentence (text.length when none is left): looked for again only once passed, so a long
  // stretch without one (a table) is scanned once, not once per 401-character cut
  let stop = -1;
  for (let from = 0; from < text.length;) {
    if (stop <= from) {
      const at = text.indexOf("。", from);
      stop = at < 0 ? text.length : at + 1;
    }
    const end = Math.min(stop, from + MAX_SENTENCE);
    out.push([from, end]);
    from = end;
  }
  return out;
}

/** Line number and char in the source of the compacted text's character `at`. */
function source(lines: readonly Line[], at: number): { line: number; char: number } {
  let n = at;
  for (const line of lines) {
    const t = line.text;
    for (let i = 0; i < t.length; i++) {
      if (isSpaceCode(t.charCodeAt(i))) continue;
      if (n-- === 0) return { line: line.index, char: i };
    }
  }
  const last = lines[lines.length - 1]!;
  return { line: last.index, char: last.text.length };
}

function locate(lines: readonly Line[], start: number, end: number): SourceLocation {
  const first = source(lines, start);
  const last = source(lines, Math.max(start, end - 1));
  // a phrase broken across lines is located on its first line, up to that line's end
  return { line: first.line, start: first.char, end: last.line === first.line ? last.char + 1 : first.char + (end - start) };
}

/** Quick filter: most reports never mention 全X…受理/收到, 汇总, 包括/涵盖 … 部门. */
const MAYBE_RE = /全|汇总|包括|包含|涵盖|覆盖/;

/**
 * The report's scope with its evidence, from every line of the report; `text` is the lines' text joined (by "\n" or
 * anything else that is whitespace), when the caller has it already.
 */
export function parseScope(lines: readonly Line[], text = lines.map((l) => l.text).join("\n")): ParsedScope {
  const all = compactText(text);
  for (const [from, to] of sentences(all)) {
    const s = all.slice(from, to);
    if (!MAYBE_RE.test(s)) continue;
    const found = (rule: ScopeRule, m: RegExpExecArray): ParsedScope => {
      const start = from + m.index;
      const end = start + m[0].length;
      return { value: "summary", evidence: { rule, text: m[0], loc: locate(lines, start, end) } };
    };
    const total = REGION_TOTAL_RE.exec(s);
    if (total) return found("region-total", total);
    if (!ABOUT_REPORT_RE.test(s)) continue;
    const compiled = COMPILED_RE.exec(s);
    if (compiled) return found("compiled-from-units", compiled);
    const covers = COVERS_RE.exec(s);
    if (covers) return found("covers-units", covers);
  }
  return { value: "own", evidence: null };
}

const RULE_TEXT: Record<ScopeRule, string> = {
  "region-total": "报告以全地区口径统计申请数量",
  "compiled-from-units": "报告说明由各单位的数据汇总而成",
  "covers-units": "报告说明其数据包括所属部门或下级单位",
};

/** The finding that records a summary report's evidence (info: nothing is wrong, but its numbers are a region's totals). */
export function scopeFinding(scope: ParsedScope) {
  if (!scope.evidence) return [];
  const { rule, text, loc } = scope.evidence;
  return [
    {
      code: "scope-summary" as const,
      severity: "info" as const,
      message: `汇总报告：${RULE_TEXT[rule]}（“${text}”）。表中数字是本地区各有关单位的合计，不是本机关一家的数字，不与单个机关的报告排名，也不与其下级的报告相加`,
      rule,
      loc,
    },
  ];
}
