/**
 * Finds the report's numbered sections (二 主动公开, 三 依申请, 四 复议诉讼) by their headings, with
 * fallbacks on the first row label when a heading is missing or garbled.
 */
import type { Line } from "./tokenize";

/** Line ranges (indexes into the lines array, end exclusive) of the sections; null when absent. */
export type SectionRanges = {
  active: [number, number] | null;
  requests: [number, number] | null;
  review: [number, number] | null;
};

/**
 * Part headings. A part is known by its numeral and the start of its title (二、主动公开), or, whatever its numeral, by
 * its full template title (一、主动公开政府信息情况 in a report that numbers its parts one off, as 上海市科委 2024 does):
 * the full title keeps a narrative point such as 三、主动公开工作情况 or （一）主动公开政府信息情况 from being taken for a part.
 */
const NUMERAL = "[一二三四五六七][、.,]";
const HEADINGS: Array<[keyof SectionRanges | "end", RegExp]> = [
  ["active", new RegExp(`^(二[、.,]主动公开|${NUMERAL}主动公开政府信息(情况)?$)`)],
  ["requests", new RegExp(`^(三[、.,](收到和处理|收到和办理|依申请)|${NUMERAL}收到和(处理|办理)政府信息公开申请(情况)?$)`)],
  ["review", new RegExp(`^(四[、.,](政府信息公开)?行政复议|${NUMERAL}(因)?政府信息公开(工作)?(被申请)?行政复议)`)],
  [
    "end",
    new RegExp(
      `^(五[、.,](存在|主要问题|政府信息公开工作存在)|六[、.,]其他需要|${NUMERAL}(政府信息公开工作)?存在的?主要问题|${NUMERAL}其他需要报告的事项$)`,
    ),
  ],
];

const TABLE_HEAD_RE = /申请人情况|自然人/;

const HEADING_START_RE = /^\s*[一二三四五六七]/;

function headingOf(line: Line): keyof SectionRanges | "end" | null {
  if (line.text.length > 200 || !HEADING_START_RE.test(line.text)) return null;
  const text = line.compact;
  if (text.length > 60 || text.length < 4) return null;
  for (const [key, re] of HEADINGS) if (re.test(text)) return key;
  return null;
}

function firstLine(lines: readonly Line[], from: number, to: number, re: RegExp): number {
  for (let i = from; i < to; i++) if (re.test(lines[i]!.text)) return i;
  return -1;
}

/**
 * One heading per section, robust to a table of contents (目录) that repeats the headings: the
 * 三 heading is the last one followed by a 本年新收 row, 二 the last before it, 四 and the end
 * the first after it.
 */
function chooseHeadings(
  lines: readonly Line[],
  all: Array<[keyof SectionRanges | "end", number]>,
): Array<[keyof SectionRanges | "end", number]> {
  const of = (k: string): number[] => all.filter(([key]) => key === k).map(([, i]) => i);
  const reqs = of("requests");
  const withRows = reqs.filter((i) => firstLine(lines, i + 1, Math.min(lines.length, i + 80), /本年新收/) >= 0);
  const req = withRows.length ? withRows[withRows.length - 1]! : (reqs[reqs.length - 1] ?? -1);
  const pivot = req >= 0 ? req : -1;
  const before = of("active").filter((i) => pivot < 0 || i < pivot);
  const active = before.length ? before[before.length - 1]! : -1;
  const review = of("review").find((i) => i > pivot) ?? -1;
  const end = of("end").find((i) => i > Math.max(pivot, review)) ?? -1;
  const chosen: Array<[keyof SectionRanges | "end", number]> = [
    ["active", active],
    ["requests", req],
    ["review", review],
    ["end", end],
  ];
  return chosen.filter(([, i]) => i >= 0);
}

/** Splits the lines into the three table sections. */
export function splitSections(lines: readonly Line[]): SectionRanges {
  const all: Array<[keyof SectionRanges | "end", number]> = [];
  for (let i = 0; i < lines.length; i++) {
    const h = headingOf(lines[i]!);
    if (h) all.push([h, i]);
  }
  const starts = chooseHeadings(lines, all);
  const at = (k: keyof SectionRanges | "end"): number => starts.find(([key]) => key === k)?.[1] ?? -1;
  const nextAfter = (from: number): number => {
    const after = starts.filter(([, i]) => i > from).map(([, i]) => i);
    return after.length ? Math.min(...after) : lines.length;
  };
  const range = (start: number): [number, number] | null => (start < 0 ? null : [start + 1, nextAfter(start)]);
  let requests = range(at("requests"));
  if (!requests) {
    const first = firstLine(lines, Math.max(0, at("active")), lines.length, /本年新收/);
    // the table starts at its column header (申请人情况 / 自然人) when that stands shortly before the first row label:
    // rows of numbers printed before their labels (OCR, class 2 of issue 10) are then inside the section
    let head = -1;
    for (let i = first - 1; i >= Math.max(0, at("active") + 1, first - 60); i--) if (TABLE_HEAD_RE.test(lines[i]!.text)) head = i;
    if (first >= 0) requests = [head >= 0 ? head : first, nextAfter(first)];
  }
  let review = at("review");
  if (review < 0 && requests) {
    const fwd = firstLine(lines, requests[0], lines.length, /结转下年/);
    if (fwd >= 0) review = firstLine(lines, fwd + 1, Math.min(lines.length, fwd + 40), /行政复议/);
    if (review >= 0) requests = [requests[0], Math.min(requests[1], review)];
  }
  return { active: range(at("active")), requests, review: range(review) };
}
