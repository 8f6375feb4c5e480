/**
 * Brute-force oracle for run-together text (class 1 of issue 10), written independently of the
 * parser: which values does the printed digit text still determine?
 *
 * Sections 三/四: every way to cut each row's printed chunks into one number per cell (a printed
 * space is a cell boundary; a part has no leading zero, a lone 0 is fine) that satisfies the row's
 * own identity; then every combination of the rows' readings checked against all identities
 * (listIdentities). A value is forced when every surviving combination agrees on it. Above
 * `maxCombinations` only the values on which all of a row's own readings agree are forced.
 * Section 二 has no identities: an item's values are forced only when its text has one reading.
 */
import type { CanonicalReport } from "@/lib/report/types";
import { listIdentities, readValue } from "./check-identities";
import type { RunRow } from "./render-run-together";

/** Every cut of `chunks` into `n` parts that each pass `ok`. */
function cuts(chunks: string[], n: number, ok: (part: string, slot: number) => boolean): string[][] {
  const out: string[][] = [];
  const rec = (c: number, at: number, acc: string[]): void => {
    if (out.length > 100_000) return;
    if (c === chunks.length) {
      if (acc.length === n) out.push(acc.slice());
      return;
    }
    if (acc.length === n) return;
    const s = chunks[c]!;
    for (let end = at + 1; end <= s.length; end++) {
      const part = s.slice(at, end);
      if (!ok(part, acc.length)) continue;
      acc.push(part);
      if (end === s.length) rec(c + 1, 0, acc);
      else rec(c, end, acc);
      acc.pop();
    }
  };
  rec(0, 0, []);
  return out;
}

const COUNT_RE = /^(0|[1-9]\d*)$/;
const ACTIVE_PART_RE = /^-?(0|[1-9]\d*)(\.\d+)?(万元|亿元|亿|万|元)?$/;

/** Own-row identities: index groups [lhs..., total] for a 三 row (7 cells) or the 四 row (3 × 5). */
function rowGroups(section: "三" | "四", width: number): number[][] {
  if (section === "三" && width === 7) return [[0, 1, 2, 3, 4, 5, 6]];
  if (section === "四" && width % 5 === 0) return Array.from({ length: width / 5 }, (_, g) => [0, 1, 2, 3, 4].map((k) => g * 5 + k));
  return [];
}

/** 2019 section 二 values copied into the comparable `active` keys (docs/canonical-report.md). */
const LEGACY_TO_ACTIVE: Record<string, string> = {
  "legacy2019.regulations.newlyMade": "active.regulations.issued",
  "legacy2019.normativeDocuments.newlyMade": "active.normativeDocuments.issued",
  "legacy2019.licensing.decisions": "active.licensing",
  "legacy2019.penalty.decisions": "active.penalty",
  "legacy2019.coercion.decisions": "active.coercion",
};

/** The value paths the printed text determines (see the module comment). */
export function forcedByRunTogether(doc: CanonicalReport, rows: RunRow[], maxCombinations = 20_000): Set<string> {
  const forced = new Set<string>();
  const tableRows: Array<{ row: RunRow; options: number[][] }> = [];
  for (const row of rows) {
    if (row.section === "二") {
      const options = cuts(
        row.chunks.flatMap((c) => c.split(/(?=-)/)),
        row.paths.length,
        (part, slot) => {
          if (!ACTIVE_PART_RE.test(part)) return false;
          return !part.startsWith("-") || row.paths[slot]!.endsWith(".change");
        },
      );
      if (options.length === 1) {
        for (const p of row.paths) {
          forced.add(p);
          if (LEGACY_TO_ACTIVE[p]) forced.add(LEGACY_TO_ACTIVE[p]);
        }
      }
      continue;
    }
    const groups = rowGroups(row.section, row.paths.length);
    const options = cuts(row.chunks, row.paths.length, (part) => COUNT_RE.test(part))
      .map((parts) => parts.map(Number))
      .filter((vals) => groups.every((g) => g.slice(0, -1).reduce((s, i) => s + vals[i]!, 0) === vals[g[g.length - 1]!]));
    tableRows.push({ row, options });
  }
  const identities = listIdentities(doc);
  const total = tableRows.reduce((n, r) => n * Math.max(1, r.options.length), 1);
  if (tableRows.some((r) => r.options.length === 0)) return forced;
  if (total > maxCombinations) {
    for (const { row, options } of tableRows) row.paths.forEach((p, i) => options.every((o) => o[i] === options[0]![i]) && forced.add(p));
    return forced;
  }
  let agreed: Map<string, number> | null = null;
  const disagree = new Set<string>();
  for (let combo = 0; combo < total; combo++) {
    const values = new Map<string, number>();
    let rest = combo;
    for (const { row, options } of tableRows) {
      const o = options[rest % options.length]!;
      rest = Math.floor(rest / options.length);
      row.paths.forEach((p, i) => values.set(p, o[i]!));
    }
    const value = (p: string): number => values.get(p) ?? readValue(doc, p) ?? NaN;
    const holds = identities.every((id) => id.lhs.reduce((s, p) => s + value(p), 0) === id.rhs.reduce((s, p) => s + value(p), 0));
    if (!holds) continue;
    if (agreed === null) agreed = values;
    else for (const [p, v] of values) if (agreed.get(p) !== v) disagree.add(p);
  }
  if (agreed === null) return forced;
  for (const p of agreed.keys()) if (!disagree.has(p)) forced.add(p);
  return forced;
}
