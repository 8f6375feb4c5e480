/**
 * Checks every identity equation on the final values and reports each one that fails, with the
 * expected and actual sums. Never rounds silently: counts are compared exactly (to 1e-6).
 */
import type { Equation } from "./identities";
import type { Values } from "./propagate";
import type { Finding } from "./types";

const COLUMN_NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/**
 * For a row equation, the column of the single stated value the sum is checked against
 * (表三 "requests.granted[6]" → 6, 表四 "reviewLitigation.review.total" → "total"), so the
 * finding names table, row and column.
 */
function statedColumn(eq: Equation): number | string | null {
  if (eq.rhs.length !== 1) return null;
  const path = eq.rhs[0]!;
  const index = /\[(\d+)\]$/.exec(path);
  if (index) return Number(index[1]);
  return path.split(".").pop() ?? null;
}

/** One finding per failing equation whose values are all known. */
export function validateIdentities(values: Values, eqs: readonly Equation[]): Finding[] {
  const findings: Finding[] = [];
  for (const eq of eqs) {
    let lhs = 0;
    let rhs = 0;
    let known = true;
    for (const p of eq.lhs) {
      const v = values.get(p);
      if (v === null || v === undefined) known = false;
      else lhs += v;
    }
    for (const p of eq.rhs) {
      const v = values.get(p);
      if (v === null || v === undefined) known = false;
      else rhs += v;
    }
    if (!known || Math.abs(lhs - rhs) < 1e-6) continue;
    const where = eq.row !== null ? `“${eq.row}”行` : `“${COLUMN_NAMES[eq.column ?? 0]}”列`;
    findings.push({
      code: "identity-failed",
      severity: "error",
      message: `表${eq.identity.table}${where}不满足勾稽关系（${eq.identity.label}）：应为 ${rhs}，各项相加为 ${lhs}`,
      table: eq.identity.table,
      ...(eq.row !== null ? { row: eq.row } : {}),
      ...(eq.column !== null ? { column: eq.column } : statedColumn(eq) !== null ? { column: statedColumn(eq)! } : {}),
      expected: rhs,
      actual: lhs,
      rule: eq.identity.id,
    });
  }
  return findings;
}
