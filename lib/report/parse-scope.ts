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
 * A sentence of the compacted text and where its first character stands: `lines[from]`, char `char`. Where each
 * character came from is worked out again only for the sentence that matches (see `locate`).
 */
type Sentence = { text: string; from: number; char: number };

/** The characters /\s/ matches (WhiteSpace and LineTerminator of ECMAScript), by code unit. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const FULL_STOP = 0x3002; // 。

/** Calls `visit` for each non-space character from (`from`, `char`) on, with its line and char, until it returns false. */
function walk(lines: readonly Line[], from: number, char: number, visit: (line: number, char: number, code: number) => boolean): void {
  for (let l = from; l < lines.length; l++) {
    const t = lines[l]!.text;
    for (let i = l === from ? char : 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (!isSpace(c) && !visit(l, i, c)) return;
    }
  }
}

function sentences(lines: readonly Line[]): Sentence[] {
  const out: Sentence[] = [];
  let parts: string[] = [];
  let length = 0;
  let from = 0;
  let char = 0;
  for (let l = 0; l < lines.length; l++) {
    const t = lines[l]!.text;
    let run = -1; // start of the current run of non-space characters in this line
    for (let i = 0; i <= t.length; i++) {
      const c = i < t.length ? t.charCodeAt(i) : 0x20;
      if (isSpace(c)) {
        if (run >= 0) parts.push(t.slice(run, i));
        run = -1;
        continue;
      }
      if (length === 0) {
        from = l;
        char = i;
      }
      if (run < 0) run = i;
      length++;
      if (c === FULL_STOP || length > 400) {
        parts.push(t.slice(run, i + 1));
        out.push({ text: parts.join(""), from, char });
        parts = [];
        length = 0;
        run = -1;
      }
    }
  }
  if (length > 0) out.push({ text: parts.join(""), from, char });
  return out;
}

function locate(lines: readonly Line[], s: Sentence, start: number, end: number): SourceLocation {
  const lastAt = Math.max(start, end - 1);
  let n = 0;
  let first = { line: 0, char: 0 };
  let last = first;
  walk(lines, s.from, s.char, (line, char) => {
    if (n === start) first = { line: lines[line]!.index, char };
    if (n === lastAt) last = { line: lines[line]!.index, char };
    return ++n <= lastAt;
  });
  // a phrase broken across lines is located on its first line, up to that line's end
  return { line: first.line, start: first.char, end: last.line === first.line ? last.char + 1 : first.char + (end - start) };
}

/** Quick filter: most reports never mention 全X…受理/收到, 汇总, 包括/涵盖 … 部门. */
const MAYBE_RE = /全|汇总|包括|包含|涵盖|覆盖/;

/** The report's scope with its evidence, from every line of the report. */
export function parseScope(lines: readonly Line[]): ParsedScope {
  for (const s of sentences(lines)) {
    if (!MAYBE_RE.test(s.text)) continue;
    const total = REGION_TOTAL_RE.exec(s.text);
    if (total) return summary(lines, "region-total", s, total.index, total.index + total[0].length);
    if (!ABOUT_REPORT_RE.test(s.text)) continue;
    const compiled = COMPILED_RE.exec(s.text);
    if (compiled) return summary(lines, "compiled-from-units", s, compiled.index, compiled.index + compiled[0].length);
    const covers = COVERS_RE.exec(s.text);
    if (covers) return summary(lines, "covers-units", s, covers.index, covers.index + covers[0].length);
  }
  return { value: "own", evidence: null };
}

function summary(lines: readonly Line[], rule: ScopeRule, s: Sentence, start: number, end: number): ParsedScope {
  return { value: "summary", evidence: { rule, text: s.text.slice(start, end), loc: locate(lines, s, start, end) } };
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
