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
import { compact } from "./normalize";
import { matchRequestLabel } from "./match-row";
import { parseNumberCell } from "./parse-number";
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
const ACTIVE_ITEM_RE = /(?:政府)?规章|(?:行政)?规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费|政府集中采购|第二十条/g;
/** Where a label of section 三/四 starts: 一、 （一） 1. */
const LABEL_START_RE = /[一二三四五六七八九十][、.．](?!\d)|[(（][一二三四五六七八九十][)）]|\d[.、．](?=[^\d\s])/g;
/** A money or count unit after a section 二 number. */
const UNIT_RE = /^\s*(万元|亿元|亿|万|元|件|条|个|项|次)/;

/** Row keywords of section 三 (enough of them glued to digits marks a run-together line). */
const ROW_GLUE_RE = /(本年新收|上年结转|予以公开|部分公开|国家秘密|不掌握|不予处理|其他处理|总计|结转下年)[^\d]{0,40}?\d/g;

function textCell(lineNo: number, raw: string, norm: string, start: number, end: number): Cell | null {
  while (start < end && /\s/.test(norm[start]!)) start++;
  while (end > start && /\s/.test(norm[end - 1]!)) end--;
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
    let start = m.index;
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

/** True when a line is run-together text worth re-segmenting. */
function isRunTogether(norm: string): boolean {
  if (norm.length <= 200) return false;
  HEADING_RE.lastIndex = 0;
  let headings = 0;
  for (let m = HEADING_RE.exec(norm); m; m = HEADING_RE.exec(norm)) if (m.index > 0 || headings > 0) headings++;
  if (headings >= 1) return true;
  ROW_GLUE_RE.lastIndex = 0;
  let rows = 0;
  for (let m = ROW_GLUE_RE.exec(norm); m && rows < 3; m = ROW_GLUE_RE.exec(norm)) rows++;
  return rows >= 3;
}

const SHORT_GLUED_RE = /^(\s*\S.*?[^\d\s.,-])\s*(\d[\d\s]*)$/;
const ACTIVE_LABEL_RE = /^((政府)?规章|(行政)?规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制)$/;

/** A short line "label640020470": a request row or section 二 label glued to a digit run. */
function shortGlued(norm: string): boolean {
  if (norm.length > 120 || norm.includes("\t") || norm.includes("|")) return false;
  const m = SHORT_GLUED_RE.exec(norm);
  if (!m) return false;
  const label = compact(m[1]!);
  if (label.length > 60 || !/[^\s\d]\d/.test(compact(norm))) return false;
  if (ACTIVE_LABEL_RE.test(label)) return true;
  const match = matchRequestLabel(label, null);
  return match.kind !== "none";
}

/** One source line → itself, or its virtual lines when it is run-together text. */
function unglueLine(line: Line): Line[] {
  const raw = line.raw;
  const norm = line.text;
  if (shortGlued(norm)) {
    const kind: SectionKind = ACTIVE_LABEL_RE.test(compact(SHORT_GLUED_RE.exec(norm)![1]!)) ? "active" : "requests";
    return [new Line(line.index, norm, raw, 0, tableCells(line.index, raw, norm, 0, norm.length, kind))];
  }
  if (!isRunTogether(norm)) return [line];
  const out: Line[] = [];
  const piece = (from: number, to: number, kind: SectionKind): void => {
    if (norm.slice(from, to).trim().length === 0) return;
    const cells = kind === "narrative" ? null : tableCells(line.index, raw, norm, from, to, kind);
    out.push(new Line(line.index, norm.slice(from, to), raw.slice(from, to), from, cells));
  };
  HEADING_RE.lastIndex = 0;
  const heads: Array<[number, number, SectionKind]> = [];
  for (let m = HEADING_RE.exec(norm); m; m = HEADING_RE.exec(norm)) heads.push([m.index, m.index + m[0].length, headingKind(m[0])]);
  if (heads.length === 0) {
    piece(0, norm.length, "requests");
    return out;
  }
  piece(0, heads[0]![0], "narrative");
  heads.forEach(([start, matchEnd, kind], i) => {
    const next = heads[i + 1]?.[0] ?? norm.length;
    const end = headingEnd(norm, start, matchEnd, next);
    out.push(new Line(line.index, norm.slice(start, end), raw.slice(start, end), start, null));
    piece(end, next, kind);
  });
  return out;
}

/** Re-segments run-together lines; other lines are returned as they are. */
export function unglueLines(lines: readonly Line[]): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const parts = unglueLine(line);
    if (parts.length === 1 && parts[0] === line) {
      out?.push(line);
      continue;
    }
    out ??= lines.slice(0, i);
    for (const l of parts) out.push(l);
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
    const text = compact(line.text);
    if (!title && TITLE_RE.test(text)) title = true;
    if (!heading) {
      HEADING_RE.lastIndex = 0;
      heading = HEADING_RE.test(text);
    }
    if (title && heading) return true;
  }
  return false;
}
