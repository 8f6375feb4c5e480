/**
 * Findings about the report as a whole: missing sections, unknown template, missing metadata,
 * section 二 cells that could not be placed, and how the repair step ended for each uncertain row.
 */
import { getRegionChain } from "../regions/gazetteer";
import type { ParsedMetadata } from "./parse-metadata";
import { scopeFinding } from "./parse-scope";
import type { RepairOutcome } from "./repair";
import type { SectionRanges } from "./split-sections";
import type { Cell } from "./tokenize";
import { overlongFinding } from "./read-requests";
import type { Finding } from "./types";

const SECTION_NAMES: Array<[keyof SectionRanges, string, string]> = [
  ["active", "二", "主动公开政府信息情况"],
  ["requests", "三", "收到和处理政府信息公开申请情况"],
  ["review", "四", "政府信息公开行政复议、行政诉讼情况"],
];

/** Findings on sections, template and metadata. */
export function templateFindings(input: {
  sections: SectionRanges;
  known: boolean;
  meta: ParsedMetadata;
  active: Array<{ label: Cell; count: number; expected: number; readings?: number; overlong?: Cell }>;
}): Finding[] {
  const findings: Finding[] = [];
  for (const [key, table, name] of SECTION_NAMES) {
    if (!input.sections[key])
      findings.push({ code: "section-missing", severity: "warning", message: `找不到第${table}部分“${name}”`, table });
  }
  if (!input.known)
    findings.push({ code: "template-unknown", severity: "warning", message: "无法确定年报格式（2021 版或 2019 版），按 2021 版读取" });
  if (!input.meta.year) findings.push({ code: "year-missing", severity: "error", message: "找不到报告年度（统计期限或标题中的年份）" });
  if (!input.meta.agencyName) findings.push({ code: "agency-missing", severity: "error", message: "找不到发布机关名称" });
  else if (!input.meta.regionCode)
    findings.push({ code: "region-unresolved", severity: "warning", message: `无法确定“${input.meta.agencyName.value}”所属行政区划代码` });
  else if (input.meta.regionAlias) {
    const area = getRegionChain(input.meta.regionCode)
      .map((r) => r.name)
      .join("");
    findings.push({
      code: "region-alias",
      severity: "info",
      message: `“${input.meta.regionAlias}”不是 GB/T 2260 行政区划，按其管辖区域归入${area}（${input.meta.regionCode}）`,
    });
  }
  findings.push(...scopeFinding(input.meta.scope));
  for (const u of input.active) {
    if (u.overlong) {
      const where = u.label === u.overlong ? `表二第 ${u.label.line} 行` : `表二“${u.label.text}”一行`;
      findings.push(overlongFinding("二", u.label === u.overlong ? undefined : u.label.text, where, u.overlong));
      continue;
    }
    findings.push({
      code: "cells-unplaced",
      severity: "warning",
      message: u.readings
        ? `表二“${u.label.text}”一行的数字连在一起，有多种拆成 ${u.expected} 个数的读法（本表没有勾稽关系可以判定），该行留空`
        : `表二“${u.label.text}”一行只有 ${u.count} 个数字，应有 ${u.expected} 个，无法确定各数字所在列`,
      table: "二",
      row: u.label.text,
      loc: { line: u.label.line, start: u.label.start, end: u.label.end },
    });
  }
  return findings;
}

const OUTCOME_MESSAGES: Record<Exclude<RepairOutcome, "solved">, [Finding["code"], Finding["severity"], string]> = {
  ambiguous: ["repair-ambiguous", "warning", "有多种填法都满足勾稽关系，无法确定的单元格留空"],
  inconsistent: ["repair-inconsistent", "error", "数字缺失或错位，且没有任何填法满足勾稽关系，无法确定的单元格留空"],
  "gave-up": ["repair-gave-up", "warning", "可能的填法过多，放弃推算，无法确定的单元格留空"],
};

/** One finding per row the repair step could not settle. */
export function repairFindings(outcomes: Map<string, RepairOutcome>, readings?: Map<string, string[]>): Finding[] {
  const findings: Finding[] = [];
  for (const [row, outcome] of outcomes) {
    if (outcome === "solved") continue;
    const [code, severity, text] = OUTCOME_MESSAGES[outcome];
    const table = row === "reviewLitigation" ? "四" : "三";
    const read = readings?.get(row);
    const detail = read && read.length > 1 ? `（可读作 ${read.join(" 或 ")}${read.length >= 3 ? " 等" : ""}）` : "";
    findings.push({ code, severity, message: `表${table}“${row}”：${text}${detail}`, table, row });
  }
  return findings;
}

/** One finding per section 二 cell whose unit does not fit its column (left null). */
export function unitFindings(wrongUnit: Array<{ path: string; cell: Cell }>): Finding[] {
  return wrongUnit.map(({ path, cell }) => ({
    code: "unit-mismatch",
    severity: "warning" as const,
    message: `表二“${cell.text}”的单位与该栏不符（${/WanYuan$/.test(path) ? "金额栏应为元、万元或亿元" : "数量栏不应是金额"}），该值留空`,
    table: "二",
    row: path,
    loc: { line: cell.line, start: cell.start, end: cell.end },
  }));
}
