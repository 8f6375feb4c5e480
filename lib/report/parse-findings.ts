/**
 * Findings about the report as a whole: missing sections, unknown template, missing metadata,
 * section 二 cells that could not be placed, and how the repair step ended for each uncertain row.
 */
import type { ParsedMetadata } from "./parse-metadata";
import { scopeFinding } from "./parse-scope";
import type { RepairOutcome } from "./repair";
import type { SectionRanges } from "./split-sections";
import type { Cell } from "./tokenize";
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
  active: Array<{ label: Cell; count: number; expected: number }>;
}): Finding[] {
  const findings: Finding[] = [];
  for (const [key, table, name] of SECTION_NAMES) {
    if (!input.sections[key]) findings.push({ code: "section-missing", severity: "warning", message: `找不到第${table}部分“${name}”`, table });
  }
  if (!input.known) findings.push({ code: "template-unknown", severity: "warning", message: "无法确定年报格式（2021 版或 2019 版），按 2021 版读取" });
  if (!input.meta.year) findings.push({ code: "year-missing", severity: "error", message: "找不到报告年度（统计期限或标题中的年份）" });
  if (!input.meta.agencyName) findings.push({ code: "agency-missing", severity: "error", message: "找不到发布机关名称" });
  else if (!input.meta.regionCode) findings.push({ code: "region-unresolved", severity: "warning", message: `无法确定“${input.meta.agencyName.value}”所属行政区划代码` });
  findings.push(...scopeFinding(input.meta.scope));
  for (const u of input.active) {
    findings.push({
      code: "cells-unplaced",
      severity: "warning",
      message: `表二“${u.label.text}”一行只有 ${u.count} 个数字，应有 ${u.expected} 个，无法确定各数字所在列`,
      table: "二",
      row: u.label.text,
      loc: { line: u.label.line, start: u.label.start, end: u.label.end },
    });
  }
  return findings;
}

const OUTCOME_MESSAGES: Record<Exclude<RepairOutcome, "solved">, [string, Finding["severity"], string]> = {
  ambiguous: ["repair-ambiguous", "warning", "有多种填法都满足勾稽关系，无法确定的单元格留空"],
  inconsistent: ["repair-inconsistent", "error", "数字缺失或错位，且没有任何填法满足勾稽关系，无法确定的单元格留空"],
  "gave-up": ["repair-gave-up", "warning", "可能的填法过多，放弃推算，无法确定的单元格留空"],
};

/** One finding per row the repair step could not settle. */
export function repairFindings(outcomes: Map<string, RepairOutcome>): Finding[] {
  const findings: Finding[] = [];
  for (const [row, outcome] of outcomes) {
    if (outcome === "solved") continue;
    const [code, severity, text] = OUTCOME_MESSAGES[outcome];
    const table = row === "reviewLitigation" ? "四" : "三";
    findings.push({ code, severity, message: `表${table}“${row}”：${text}`, table, row });
  }
  return findings;
}
