/**
 * Narrative figures (一、总体情况) that contradict the table: "全年共受理政府信息公开申请 72 件"
 * against 本年新收 总计, "办结 66 件" against （七）总计, "转结至下一年度 7 件" against 结转下年度. Only the text before section 二 is read,
 * so table cells are never taken for narrative figures.
 */
import type { Values } from "./propagate";
import type { Line } from "./tokenize";
import type { Finding } from "./types";

type NarrativeCheck = { re: RegExp; paths: string[][]; label: string };

const CHECKS: NarrativeCheck[] = [
  {
    re: /(?:受理|收到|接收)[^。；;，,]{0,16}?(?:政府信息公开|信息公开)?申请[^。；;，,\d]{0,6}?(\d+)\s*件|依申请公开[^。；;，,\d]{0,10}?(\d+)\s*件/,
    paths: [["requests.newReceived[6]"], ["requests.newReceived[6]", "requests.carriedOver[6]"]],
    label: "本年新收申请总计",
  },
  { re: /办结[^。；;，,\d]{0,6}?(\d+)\s*件/, paths: [["requests.totalProcessed[6]"]], label: "办理结果总计" },
  {
    re: /(?:结转|转结|顺延)(?:至|到)?下一?年(?:度)?[^。；;，,\d]{0,8}?(\d+)\s*件/,
    paths: [["requests.carriedForward[6]"]],
    label: "结转下年度继续办理总计",
  },
];

/** Findings for narrative figures that match none of the table's readings. */
export function checkNarrative(lines: readonly Line[], values: Values): Finding[] {
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    for (const line of lines) {
      // every figure the checks read ends in 件
      if (!line.text.includes("件")) continue;
      const m = check.re.exec(line.text);
      if (!m) continue;
      const stated = Number(m[1] ?? m[2]);
      const sums = check.paths.map((ps) =>
        ps.reduce<number | null>((s, p) => (s === null || values.get(p) == null ? null : s + values.get(p)!), 0),
      );
      if (sums[0] === null || sums.some((s) => s === stated)) break;
      findings.push({
        code: "narrative-mismatch",
        severity: "warning",
        message: `正文称${m[0]}，与表三${check.label}（${sums[0]}）不一致`,
        table: "三",
        row: check.paths[0]![0]!.replace(/^requests\.|\[6\]$/g, ""),
        column: 6,
        expected: sums[0],
        actual: stated,
        loc: { line: line.index, start: line.offset + m.index, end: line.offset + m.index + m[0].length },
      });
      break;
    }
  }
  return findings;
}
