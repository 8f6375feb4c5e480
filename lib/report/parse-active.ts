/**
 * Section 二 (主动公开政府信息情况): the items of 第二十条 and their numbers, for the 2021 template
 * (本年制发件数/本年废止件数/现行有效件数 …) and the 2019 template (本年新制作数量 …, 上一年项目数量/本年增/减/处理决定数量).
 */
import { compact } from "./normalize";
import { MONEY_UNITS } from "./parse-number";
import type { TemplateVersion } from "./types";
import { narrativeFigures, NARRATIVE_RULE } from "./narrative-active";
import { isNumberCell, type Cell, type Line } from "./tokenize";
import { isOverlong, parseNumberCell } from "./parse-number";

/** One printed item of section 二 with the value paths of its columns per template. */
type ActiveItem = { re: RegExp; paths2021: string[]; paths2019: string[] };

const DOCS_2019 = ["newlyMade", "newlyPublished", "totalPublished"];
const ITEMS_2019 = ["previousYearItems", "change", "decisions"];

const ITEMS: ActiveItem[] = [
  {
    re: /^(政府)?规章/,
    paths2021: ["active.regulations.issued", "active.regulations.repealed", "active.regulations.inForce"],
    paths2019: DOCS_2019.map((k) => `legacy2019.regulations.${k}`),
  },
  {
    re: /规范性文件$/,
    paths2021: ["active.normativeDocuments.issued", "active.normativeDocuments.repealed", "active.normativeDocuments.inForce"],
    paths2019: DOCS_2019.map((k) => `legacy2019.normativeDocuments.${k}`),
  },
  { re: /^行政许可/, paths2021: ["active.licensing"], paths2019: ITEMS_2019.map((k) => `legacy2019.licensing.${k}`) },
  { re: /对外管理服务事项/, paths2021: [], paths2019: ITEMS_2019.map((k) => `legacy2019.otherServices.${k}`) },
  { re: /^行政处罚/, paths2021: ["active.penalty"], paths2019: ITEMS_2019.map((k) => `legacy2019.penalty.${k}`) },
  { re: /^行政强制/, paths2021: ["active.coercion"], paths2019: ITEMS_2019.map((k) => `legacy2019.coercion.${k}`) },
  { re: /事业性收费$/, paths2021: ["active.feesWanYuan"], paths2019: ["legacy2019.fees.previousYearItems", "legacy2019.fees.change"] },
  { re: /集中采购$/, paths2021: [], paths2019: ["legacy2019.procurement.projects", "legacy2019.procurement.amountWanYuan"] },
];

/** A value read from section 二 with its cell (null when not printed). */
export type ActiveValue = { value: number | null; cell: Cell | null; rule?: string };

/** Section 二's values by path, the items whose numbers could not be placed, and cells whose unit does not fit their column. */
export type ParsedActive = {
  values: Map<string, ActiveValue>;
  /** items whose cells could not be placed; `overlong`: a digit run too long to read stands among them (the item is null) */
  unplaced: Array<{ label: Cell; count: number; expected: number; readings?: number; overlong?: Cell }>;
  /** a count printed as money (1.5万 in 处理决定数量) or money as a count (2笔 in 采购总金额): left null */
  wrongUnit: Array<{ path: string; cell: Cell }>;
};

/** Columns that hold money in 万元 (the others are counts). */
const MONEY_PATHS = new Set(["active.feesWanYuan", "legacy2019.procurement.amountWanYuan"]);
/** "（单位：万元）", "(元)", "（亿元）" in a header cell: the unit of the money cells under it */
const HEADER_UNIT_RE = /[(（]\s*(?:单位\s*[:：]\s*)?(万元|亿元|元)\s*[)）]/;
/** "单位：元", "（金额单位：万元）" standing alone above or atop the table: the unit of every money cell without its own */
const CAPTION_UNIT_RE = /^[(（]?(?:金额)?单位\s*[:：]\s*(万元|亿元|元)\s*[)）]?$/;
/** Factor from a header's unit to 万元, for cells printed without a unit. */
const HEADER_FACTOR: Record<string, number> = { 万元: 1, 亿元: 10000, 元: 1 / 10000 };

/** True when section 二 prints the 2019 columns (本年新制作数量, 上一年项目数量 …). */
export function looksLike2019(lines: readonly Line[]): boolean | null {
  const text = lines.map((l) => l.compact).join("");
  if (/本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额/.test(text)) return false;
  if (/本年新制作数量|新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减/.test(text)) return true;
  return null;
}

/** A number as one cell of section 二 may print it: sign, no leading zero, decimals, a unit. */
const PART_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|亿元|亿|万|元|件|条|个|项|次|笔|宗|家|份|起|人次|人)?$/;
/** Upper bound on split readings of one section 二 item before giving up. */
const ACTIVE_SPLIT_BUDGET = 20_000;

/**
 * Every way to read run-together chunks ("2648-18538", "007") as one number per path: a cut is
 * made only inside a chunk, every part is a well-formed number, and only 本年增/减 may be negative.
 * Section 二 has no identities, so only a unique reading is kept. null when not unique (or capped).
 */
function uniqueSplit(
  nums: Cell[],
  paths: string[],
  fixed?: ReadonlyArray<number | undefined>,
): Array<{ value: number; cell: Cell; whole: boolean }> | null {
  let found: Array<{ value: number; cell: Cell; whole: boolean }> | null = null;
  let count = 0;
  let nodes = 0;
  const parts: Array<{ value: number; cell: Cell; whole: boolean }> = [];
  const walk = (chunk: number, at: number, slot: number): void => {
    if (count > 1 || ++nodes > ACTIVE_SPLIT_BUDGET) return void (count = 2);
    if (chunk === nums.length) {
      if (slot === paths.length) {
        count++;
        found = parts.slice();
      }
      return;
    }
    if (slot === paths.length) return;
    const cell = nums[chunk]!;
    const text = cell.text;
    for (let end = at + 1; end <= text.length; end++) {
      const part = text.slice(at, end);
      if (!PART_RE.test(part)) continue;
      const value = parseNumberCell(part);
      if (value.kind !== "number") continue;
      if (value.value < 0 && !paths[slot]!.endsWith(".change")) continue;
      if (fixed?.[slot] !== undefined && value.value !== fixed[slot]) continue;
      const whole = at === 0 && end === text.length;
      const sub: Cell = whole ? cell : { ...cell, text: part, raw: part, start: cell.start + at, end: cell.start + end, value };
      parts.push({ value: value.value, cell: sub, whole });
      if (end === text.length) walk(chunk + 1, 0, slot + 1);
      else walk(chunk, end, slot + 1);
      parts.pop();
    }
  };
  walk(0, 0, 0);
  return count === 1 ? found : null;
}

/**
 * The value of one cell for one column: money columns take the cell's own unit (already in 万元) or
 * the header's; a count column refuses a money unit and a money column a count's measure word.
 */
function valueFor(path: string, cell: Cell, headerUnit: string | null, out: ParsedActive): number | null {
  if (cell.value.kind !== "number") return null;
  const unit = cell.value.unit;
  const money = MONEY_PATHS.has(path);
  if (unit !== undefined && MONEY_UNITS.has(unit) !== money) {
    out.wrongUnit.push({ path, cell });
    return null;
  }
  if (money && unit === undefined && headerUnit) return Math.round(cell.value.value * HEADER_FACTOR[headerUnit]! * 1e6) / 1e6;
  return cell.value.value;
}

/**
 * Places an item's cells on its columns: its first numbers when no unreadable cell stands before
 * them, else by position when it has exactly one cell per column, else nothing (a finding).
 */
function place(
  tokens: Cell[],
  paths: string[],
  out: ParsedActive,
  label: Cell,
  headerUnit: string | null,
  narrative: () => Map<string, number>,
): void {
  const overlong = tokens.find((t) => isOverlong(t.value));
  if (overlong) {
    out.unplaced.push({ label, count: 0, expected: paths.length, overlong });
    for (const p of paths) out.values.set(p, { value: null, cell: null });
    return;
  }
  const numberAt = tokens.flatMap((t, i) => (t.value.kind === "number" ? [i] : []));
  const nth = numberAt[paths.length - 1];
  const textBefore = (end: number) => tokens.slice(0, end + 1).some((t) => t.value.kind === "text");
  const nums = tokens.filter(isNumberCell);
  if (nums.some((c) => c.glued) && paths.length > 0) {
    let split =
      paths.length === 1 && nums.length === 1
        ? [{ value: (nums[0]!.value as { value: number }).value, cell: nums[0]!, whole: true }]
        : uniqueSplit(nums, paths);
    // several readings: the figures the narrative states for these cells may leave exactly one
    let byNarrative = false;
    if (!split && paths.length > 1) {
      const stated = narrative();
      const fixed = paths.map((p) => stated.get(p));
      if (fixed.some((v) => v !== undefined)) {
        split = uniqueSplit(nums, paths, fixed);
        byNarrative = split !== null;
      }
    }
    if (!split) out.unplaced.push({ label, count: nums.length, expected: paths.length, readings: 2 });
    paths.forEach((p, i) => {
      const part = split?.[i];
      const value = part ? valueFor(p, part.cell, headerUnit, out) : null;
      const rule = byNarrative ? NARRATIVE_RULE : part?.whole ? null : "digit-split";
      out.values.set(p, part ? { value, cell: part.cell, ...(rule ? { rule } : {}) } : { value: null, cell: null });
    });
    return;
  }
  let chosen: Array<Cell | null>;
  if (nth !== undefined && !textBefore(nth)) chosen = numberAt.slice(0, paths.length).map((i) => tokens[i]!);
  else if (tokens.length === paths.length) chosen = tokens.slice();
  else {
    chosen = paths.map(() => null);
    if (numberAt.length > 0) out.unplaced.push({ label, count: numberAt.length, expected: paths.length });
  }
  paths.forEach((p, i) => {
    const cell = chosen[i] ?? null;
    out.values.set(p, { value: cell ? valueFor(p, cell, headerUnit, out) : null, cell });
  });
}

/** Reads section 二 for the given template. */
export function parseActive(lines: readonly Line[], template: TemplateVersion, narrativeLines: readonly Line[] = []): ParsedActive {
  let figures: Map<string, number> | null = null;
  const narrative = (): Map<string, number> => (figures ??= narrativeFigures(narrativeLines));
  const out: ParsedActive = { values: new Map(), unplaced: [], wrongUnit: [] };
  const found: Array<{ item: ActiveItem; label: Cell; tokens: Cell[]; line: number; headerUnit: string | null }> = [];
  let current: (typeof found)[number] | null = null;
  let headerUnit: string | null = null;
  let captionUnit: string | null = null;
  for (const line of lines) {
    for (const cell of line.cells) {
      if (isOverlong(cell.value)) {
        // a digit run too long to read: its item cannot be read (a run before any item is reported on its own)
        if (current) current.tokens.push(cell);
        else out.unplaced.push({ label: cell, count: 0, expected: 0, overlong: cell });
        continue;
      }
      if (cell.value.kind === "text") {
        const text = compact(cell.text);
        if (/^第[一二三四五六七八九十]+条/.test(text)) headerUnit = captionUnit;
        const caption = CAPTION_UNIT_RE.exec(text);
        if (caption) headerUnit = captionUnit = caption[1]!;
        const unit = HEADER_UNIT_RE.exec(text);
        if (unit && /金额|收费|采购/.test(text)) headerUnit = unit[1]!;
        const item = text.length <= 16 ? ITEMS.find((i) => i.re.test(text)) : undefined;
        if (item && !found.some((f) => f.item === item)) {
          current = { item, label: cell, tokens: [], line: line.index, headerUnit };
          found.push(current);
        } else if (text.length > 1) {
          // an unreadable cell on the item's own line keeps its position (it is no number)
          if (current && line.index === current.line) current.tokens.push(cell);
          else if (current && current.tokens.some(isNumberCell)) current = null;
        }
        continue;
      }
      if (!current) continue;
      const count = current.tokens.filter(isNumberCell).length;
      const wanted = Math.max(current.item.paths2021.length, current.item.paths2019.length);
      if (line.index === current.line || count === 0 || (cell.value.kind === "number" && count < wanted)) current.tokens.push(cell);
    }
  }
  for (const f of found) place(f.tokens, template === "2019" ? f.item.paths2019 : f.item.paths2021, out, f.label, f.headerUnit, narrative);
  return out;
}
