/**
 * Finds the report's numbered sections (二 主动公开, 三 依申请, 四 复议诉讼) by their headings, with
 * fallbacks on the first row label when a heading is missing or garbled.
 */
import { compact } from "./normalize";
import type { Line } from "./tokenize";

/** Line ranges (indexes into the lines array, end exclusive) of the sections; null when absent. */
export type SectionRanges = {
  active: [number, number] | null;
  requests: [number, number] | null;
  review: [number, number] | null;
};

const HEADINGS: Array<[keyof SectionRanges | "end", RegExp]> = [
  ["active", /^二[、.,]主动公开/],
  ["requests", /^三[、.,](收到和处理|收到和办理|依申请)/],
  ["review", /^四[、.,](政府信息公开)?行政复议/],
  ["end", /^(五[、.,](存在|主要问题|政府信息公开工作存在)|六[、.,]其他需要)/],
];

const HEADING_START_RE = /^\s*[二三四五六]/;

function headingOf(line: Line): keyof SectionRanges | "end" | null {
  if (line.text.length > 200 || !HEADING_START_RE.test(line.text)) return null;
  const text = compact(line.text);
  if (text.length > 60 || text.length < 4) return null;
  for (const [key, re] of HEADINGS) if (re.test(text)) return key;
  return null;
}

function firstLine(lines: readonly Line[], from: number, to: number, re: RegExp): number {
  for (let i = from; i < to; i++) if (re.test(lines[i]!.text)) return i;
  return -1;
}

/** Splits the lines into the three table sections. */
export function splitSections(lines: readonly Line[]): SectionRanges {
  const starts: Array<[keyof SectionRanges | "end", number]> = [];
  for (let i = 0; i < lines.length; i++) {
    const h = headingOf(lines[i]!);
    if (h && !starts.some(([k]) => k === h)) starts.push([h, i]);
  }
  const at = (k: keyof SectionRanges | "end"): number => starts.find(([key]) => key === k)?.[1] ?? -1;
  const nextAfter = (from: number): number => {
    const after = starts.filter(([, i]) => i > from).map(([, i]) => i);
    return after.length ? Math.min(...after) : lines.length;
  };
  const range = (start: number): [number, number] | null => (start < 0 ? null : [start + 1, nextAfter(start)]);
  let requests = range(at("requests"));
  if (!requests) {
    const first = firstLine(lines, Math.max(0, at("active")), lines.length, /本年新收/);
    if (first >= 0) requests = [first, nextAfter(first)];
  }
  let review = at("review");
  if (review < 0 && requests) {
    const fwd = firstLine(lines, requests[0], lines.length, /结转下年/);
    if (fwd >= 0) review = firstLine(lines, fwd + 1, Math.min(lines.length, fwd + 40), /行政复议/);
    if (review >= 0) requests = [requests[0], Math.min(requests[1], review)];
  }
  return { active: range(at("active")), requests, review: range(review) };
}
