/**
 * The text parser (the hot path): source text in any of the layouts text extraction produces
 * (tab-separated rows, one cell per line, pipe tables, PDF layout text) → canonical document,
 * provenance and findings.
 */
import { assembleRequests } from "./assemble-requests";
import { checkNarrative } from "./check-narrative";
import { expandEquations } from "./identities";
import { looksLike2019, parseActive } from "./parse-active";
import { parseMetadata } from "./parse-metadata";
import { readReview } from "./parse-review";
import type { Values } from "./propagate";
import { groupRowFindings, isSingleOtherRow, presentRequestRows, readRequests } from "./read-requests";
import { repairWithFallback } from "./repair";
import { splitSections } from "./split-sections";
import { toDocument, toProvenance } from "./to-document";
import { isNumberCell, tokenize, type Cell, type Line } from "./tokenize";
import { hasReportTitleAndHeading, unglueLines } from "./unglue";
import type { Finding, ParseResult, TemplateVersion } from "./types";
import { validateIdentities } from "./validate-identities";
import { attachWrappedTails } from "./wrapped-cells";
import { rowSlots } from "./to-document";
import { repairFindings, templateFindings, unitFindings } from "./parse-findings";

/** 2019 active → comparable `active` keys. */
const LEGACY_TO_ACTIVE: Array<[string, string]> = [
  ["legacy2019.regulations.newlyMade", "active.regulations.issued"],
  ["legacy2019.normativeDocuments.newlyMade", "active.normativeDocuments.issued"],
  ["legacy2019.licensing.decisions", "active.licensing"],
  ["legacy2019.penalty.decisions", "active.penalty"],
  ["legacy2019.coercion.decisions", "active.coercion"],
];

const slice = (lines: Line[], range: [number, number] | null): Line[] => (range ? lines.slice(range[0], range[1]) : []);

function detectTemplate(activeLines: Line[], single: boolean, year: number | null): { template: TemplateVersion; known: boolean } {
  const legacy = looksLike2019(activeLines);
  if (legacy !== null) return { template: legacy ? "2019" : "2021", known: true };
  if (year !== null) return { template: year <= 2020 ? "2019" : "2021", known: !single || year <= 2020 };
  return { template: "2021", known: false };
}

/** How the text was made: `exactCells` when every TAB-separated field is a cell of the source's table (htmlToText). */
export type ParseTextOptions = { exactCells?: boolean };

/** Parses a report given as text. Never throws for any input. */
export function parseText(text: string, options: ParseTextOptions = {}): ParseResult {
  if (text.trim().length === 0) return { ok: false, error: { code: "empty", message: "文件为空，没有可读取的内容" } };
  const lines = unglueLines(tokenize(text));
  const sections = splitSections(lines);
  const reqLines = slice(lines, sections.requests);
  const assembled = attachWrappedTails(assembleRequests(reqLines));
  const titled = hasReportTitleAndHeading(lines);
  if (assembled.rows.size < 3 && !(sections.active && sections.review) && !titled) {
    return {
      ok: false,
      error: { code: "not-a-report", message: "不是政府信息公开工作年度报告：找不到“收到和处理政府信息公开申请情况”表格或年报的固定栏目" },
    };
  }
  const normText = lines.map((l) => l.text).join("\n");
  const meta = parseMetadata(lines, normText);
  // Without a 二 heading, section 二's items are looked for in everything before section 三.
  const activeLines = sections.active ? slice(lines, sections.active) : lines.slice(0, sections.requests?.[0] ?? 0);
  const { template, known } = detectTemplate(activeLines, isSingleOtherRow(assembled, "2021"), meta.year?.value ?? null);
  const singleOther = isSingleOtherRow(assembled, template);
  const rows = presentRequestRows(singleOther);
  const reviewLines = slice(lines, sections.review);
  const allEqs = expandEquations(rows, ["review", "litigationDirect", "litigationAfterReview"]);
  const exact = options.exactCells === true;
  const req = readRequests(assembled, rows, singleOther, allEqs, exact);
  const reviewFindings: Finding[] = [];
  const review = readReview(reviewLines, allEqs, reviewFindings, exact);
  const eqs = review ? allEqs : allEqs.filter((e) => e.identity.table !== "四");
  const repaired = repairWithFallback(review ? [...req.readings, review] : req.readings, eqs);
  const values: Values = repaired.values;
  const cells: Map<string, Cell> = repaired.cells;
  // the narrative before section 二's heading may state section 二's figures (never the table itself: no heading, no narrative)
  const active = parseActive(activeLines, template, sections.active ? lines.slice(0, sections.active[0]) : []);
  for (const [path, v] of active.values) {
    values.set(path, v.value);
    if (v.cell) cells.set(path, v.cell);
    if (v.rule && v.value !== null) repaired.forced.set(path, v.rule);
  }
  if (template === "2019") {
    for (const [from, to] of LEGACY_TO_ACTIVE) {
      values.set(to, values.get(from) ?? null);
      const cell = cells.get(from);
      if (cell) cells.set(to, cell);
      const rule = repaired.forced.get(from);
      if (rule) repaired.forced.set(to, rule);
    }
  }
  const printed = [...assembled.rows.values(), ...assembled.groups.values()].some((r) => r.tokens.some(isNumberCell));
  const blank = !printed && review === null && ![...active.values.values()].some((v) => v.value !== null);
  // A blank template has no agency or year; a report whose tables came out empty is still a report.
  if (blank && !(titled && meta.year && meta.agencyName)) {
    return {
      ok: false,
      error: { code: "not-a-report", message: "只有年报表格的栏目，没有任何数字（空白模板），不是一份已填写的年度报告" },
    };
  }
  // a row the report does not print at all (row-missing) that no identity filled: its row-missing warning says it all; a
  // second warning that "more than one filling fits" is noise (a converter's excerpt with 三's first row only had 48)
  const unprinted = new Set(
    req.findings
      .filter((f) => f.code === "row-missing" && f.row !== undefined && rowSlots(f.row).every((p) => values.get(p) == null))
      .map((f) => f.row!),
  );
  const findings: Finding[] = [
    ...(blank
      ? [{ code: "tables-empty" as const, severity: "error" as const, message: "有年报标题和栏目，但表格中读不到任何数字，各项数值留空" }]
      : []),
    ...templateFindings({ sections, known, meta, active: active.unplaced }),
    ...unitFindings(active.wrongUnit),
    ...req.findings,
    ...reviewFindings,
    ...groupRowFindings(assembled, singleOther, values),
    ...repairFindings(repaired.outcomes, repaired.readings).filter((f) => !(f.code === "repair-ambiguous" && unprinted.has(f.row ?? ""))),
    ...validateIdentities(values, eqs),
    ...checkNarrative(sections.active ? lines.slice(0, sections.active[0]) : lines.slice(0, sections.requests?.[0] ?? 0), values),
  ];
  const parts = { values, cells, forced: repaired.forced, meta, template, rows, hasReview: review !== null };
  return { ok: true, document: toDocument(parts), provenance: toProvenance(parts), findings, sourceText: text, sourceKind: "text" };
}
