/**
 * Run-together text (粘连文本): a crawler's text of a web page loses every cell boundary and often
 * puts the whole report on a few long lines (`一、本年新收政府信息公开申请数量640020470二、上年结转…`).
 * This step turns such a line into virtual lines the rest of the parser reads like any layout:
 * one per section heading, and one per table section whose cells are label fragments and digit
 * chunks. A digit chunk keeps only the separator evidence the source has (a space is a cell
 * boundary, no space is no evidence) and is marked `glued`: how it splits into cells is decided
 * later by the identities, never here. A numbered label whose digit touches the previous numbers
 * (`…00000002.其他法律…`) gets its digit back.
 */
import { compact, isSpaceCode } from "./normalize";
import { parseNumberCell } from "./parse-number";
import { isProse } from "./prose";
import { Line, type Cell } from "./tokenize";

type SectionKind = "narrative" | "active" | "requests" | "review";

/** Section headings found anywhere in a line (the parser's heading rules want them at a line start). */
const HEADING_RE =
  /[一二三四五六][、.,．]\s*(?:总体情况|主动公开|收到和处理|收到和办理|依申请|(?:政府信息公开\s*)?行政复议|存在的?主要问题|政府信息公开工作存在|其他需要报告)/g;

function headingKind(text: string): SectionKind {
  const c = compact(text);
  if (/^二/.test(c)) return "active";
  if (/^三/.test(c)) return "requests";
  if (/^四/.test(c)) return "review";
  return "narrative";
}

/** Item names of section 二, where a label fragment starts ("…现行有效件数规章000"). */
const ACTIVE_ITEM_RE =
  /(?:政府)?规章|(?:行政)?规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费|政府集中采购|第二十条/g;
/** Where a label of section 三/四 starts: 一、 （一） 1. */
const LABEL_START_RE = /[一二三四五六七八九十][、.．](?!\d)|[(（][一二三四五六七八九十][)）]|\d[.、．](?=[^\d\s])/g;
/** A money or count unit after a section 二 number. */
const UNIT_RE = /^\s*(万元|亿元|亿|万|元|件|条|个|项|次)/;

function textCell(lineNo: number, raw: string, norm: string, start: number, end: number): Cell | null {
  while (start < end && isSpaceCode(norm.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(norm.charCodeAt(end - 1))) end--;
  if (start === end) return null;
  return { text: norm.slice(start, end), raw: raw.slice(start, end), line: lineNo, start, end, value: { kind: "text" } };
}

function numberCell(lineNo: number, raw: string, norm: string, start: number, end: number): Cell {
  const text = norm.slice(start, end);
  return { text, raw: raw.slice(start, end), line: lineNo, start, end, value: parseNumberCell(text), glued: true };
}

/** Splits a label fragment [from, to) at the starts of labels; pushes text cells. */
function pushText(out: Cell[], lineNo: number, raw: string, norm: string, from: number, to: number, kind: SectionKind): void {
  const re = kind === "active" ? ACTIVE_ITEM_RE : LABEL_START_RE;
  const cuts: number[] = [from];
  re.lastIndex = 0;
  const segment = norm.slice(from, to);
  for (let m = re.exec(segment); m; m = re.exec(segment)) {
    if (m.index > 0) cuts.push(from + m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  cuts.push(to);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const cell = textCell(lineNo, raw, norm, cuts[i]!, cuts[i + 1]!);
    if (cell) out.push(cell);
  }
}

/**
 * The cells of one table section's run-together text: label fragments and digit chunks (one per
 * space-separated group of digits). In section 二 a minus sign starts a number and a unit ends one.
 */
export function tableCells(lineNo: number, raw: string, norm: string, from: number, to: number, kind: SectionKind): Cell[] {
  const out: Cell[] = [];
  const numRe = kind === "active" ? /-?\d+(?:\.\d+)?/g : /\d+/g;
  let textStart = from;
  numRe.lastIndex = from;
  for (let m = numRe.exec(norm); m && m.index < to; m = numRe.exec(norm)) {
    // A page footer "- 3 -" between rows of section 三/四 (no negative numbers there) is not a cell.
    const before = norm.slice(Math.max(from, m.index - 2), m.index);
    const afterNum = norm.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (kind !== "active" && /-\s?$/.test(before) && /^\s?-/.test(afterNum)) {
      pushText(out, lineNo, raw, norm, textStart, norm.lastIndexOf("-", m.index), kind);
      textStart = norm.indexOf("-", m.index + m[0].length) + 1;
      numRe.lastIndex = textStart;
      continue;
    }
    const start = m.index;
    let end = Math.min(m.index + m[0].length, to);
    const after = norm.slice(end, end + 2);
    // A label number touching the previous row's digits: "…0000000" + "2.其他法律…".
    if (kind !== "active" && /^[.、．][^\d\s]/.test(after) && /[1-9]$/.test(norm.slice(start, end))) {
      end--;
      if (end === start) continue;
    }
    // "第二十条第（一）项" and similar: digits inside a word that is not a number (一二 are not digits; this guards 1级 etc.)
    if (kind === "active") {
      const unit = UNIT_RE.exec(norm.slice(end, Math.min(to, end + 4)));
      if (unit) end += unit[0].length;
    }
    pushText(out, lineNo, raw, norm, textStart, start, kind);
    out.push(numberCell(lineNo, raw, norm, start, end));
    textStart = end;
    numRe.lastIndex = end;
  }
  pushText(out, lineNo, raw, norm, textStart, to, kind);
  return out;
}

function headingEnd(norm: string, start: number, matchEnd: number, limit: number): number {
  const tail = norm.slice(matchEnd, Math.min(limit, matchEnd + 24));
  const i = tail.indexOf("情况");
  return i >= 0 && !/\d/.test(tail.slice(0, i)) ? matchEnd + i + 2 : matchEnd;
}

/**
 * A table label glued to its numbers with no space at all: the mark of run-together text (every
 * layout that keeps cells puts a tab, a pipe or spaces between a label and its numbers).
 */
const GLUE_RE =
  /(本年新收|上年结转|予以公开|部分公开|国家秘密|禁止公开|一稳定”?|合法权益|事务信息|过程性信息|执法案卷|查询事项|相关政府信息|另行制作|不明确|投诉类申请|重复申请|出版物|反复申请|已获取信息|不补正|缴纳费用|其他处理|\d[.、]其他|总计|继续办理|尚未审结|规章|规范性文件|行政许可|服务事项|行政处罚|行政强制|事业性收费|集中采购|政府信息公开申请|申请数量|情形)\)?-?\d/;
const ACTIVE_GLUE_RE = /(规章|规范性文件|行政许可|服务事项|行政处罚|行政强制|事业性收费|集中采购)-?\d/;

/** True when a line is run-together text worth re-segmenting (never a tab or pipe table row). */
function isRunTogether(norm: string): boolean {
  if (norm.includes("\t") || norm.includes("|")) return false;
  // a sentence restating figures (…申请12件，其中…) is prose, not a table run together
  if (GLUE_RE.test(norm)) return !isProse(norm);
  HEADING_RE.lastIndex = 0;
  let headings = 0;
  for (let m = HEADING_RE.exec(norm); m; m = HEADING_RE.exec(norm)) if (m.index > 0 || headings > 0) headings++;
  return headings >= 1;
}

/**
 * One source line → itself, or its virtual lines when it is run-together text. `carried` is the
 * section the previous lines ended in (text before this line's first heading continues it); the
 * section this line ends in is returned.
 */
/** Cheap tests that rule a line out before the full patterns run (the hot path: most lines are plain). */
const MAY_HEAD_RE = /[一二三四五六][、.,．]/;
const MAY_GLUE_RE = /[^\x00-\x7f)]-?\d|\)\d/;

function unglueLine(line: Line, carried: SectionKind): { lines: Line[]; kind: SectionKind } {
  const raw = line.raw;
  const norm = line.text;
  const mayHead = MAY_HEAD_RE.test(norm);
  if (!mayHead && !MAY_GLUE_RE.test(norm)) return { lines: [line], kind: carried };
  HEADING_RE.lastIndex = 0;
  const heads: Array<[number, number, SectionKind]> = [];
  if (mayHead)
    for (let m = HEADING_RE.exec(norm); m; m = HEADING_RE.exec(norm)) heads.push([m.index, m.index + m[0].length, headingKind(m[0])]);
  const last = heads.length > 0 ? heads[heads.length - 1]![2] : carried;
  // A heading with a table run on after it on the same line ("四、…情况行政复议…总计 0 0 …") is split too.
  const trailing = heads.length > 0 && /\d/.test(norm.slice(headingEnd(norm, heads[0]![0], heads[0]![1], norm.length)));
  if (!trailing && !isRunTogether(norm)) return { lines: [line], kind: heads.length > 0 && heads[0]![0] < 4 ? last : carried };
  const out: Line[] = [];
  const piece = (from: number, to: number, kind: SectionKind): void => {
    if (norm.slice(from, to).trim().length === 0) return;
    const cells = kind === "narrative" ? null : tableCells(line.index, raw, norm, from, to, kind);
    out.push(new Line(line.index, norm.slice(from, to), raw.slice(from, to), from, cells));
  };
  const firstKind = (from: number, to: number): SectionKind => {
    if (carried !== "narrative") return carried;
    const text = norm.slice(from, to);
    if (!GLUE_RE.test(text)) return "narrative";
    return ACTIVE_GLUE_RE.test(text) && !/本年新收|尚未审结/.test(text) ? "active" : "requests";
  };
  piece(0, heads[0]?.[0] ?? norm.length, firstKind(0, heads[0]?.[0] ?? norm.length));
  heads.forEach(([start, matchEnd, kind], i) => {
    const next = heads[i + 1]?.[0] ?? norm.length;
    const end = headingEnd(norm, start, matchEnd, next);
    out.push(new Line(line.index, norm.slice(start, end), raw.slice(start, end), start, null));
    piece(end, next, kind);
  });
  return { lines: out, kind: last };
}

/** Re-segments run-together lines; other lines are returned as they are. */
export function unglueLines(lines: readonly Line[]): Line[] {
  let out: Line[] | null = null;
  let kind: SectionKind = "narrative";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const result = unglueLine(line, kind);
    kind = result.kind;
    if (result.lines.length === 1 && result.lines[0] === line) {
      out?.push(line);
      continue;
    }
    out ??= lines.slice(0, i);
    for (const l of result.lines) out.push(l);
  }
  return out ?? (lines as Line[]);
}

const TITLE_RE = /政府信息公开(?:工作)?年度报告|政务公开(?:工作)?年度报告|政府信息公开工作年报/;

/**
 * True when the text carries the title 政府信息公开工作年度报告 and at least one of the report's
 * section headings (anywhere in a line): such a text is a report, whatever its tables look like.
 */
export function hasReportTitleAndHeading(lines: readonly Line[]): boolean {
  let title = false;
  let heading = false;
  for (const line of lines) {
    const text = line.compact;
    if (!title && TITLE_RE.test(text)) title = true;
    if (!heading) {
      HEADING_RE.lastIndex = 0;
      heading = HEADING_RE.test(text);
    }
    if (title && heading) return true;
  }
  return false;
}
