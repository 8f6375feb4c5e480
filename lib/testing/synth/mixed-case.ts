/**
 * One generated case with any mix of damage, in any layout including DOCX: the building block of the mixed property
 * test (issue 10: damage the per-class tests do not combine, e.g. units with crossed labels and blank zeros, the 2019
 * template in HTML with merged cells). Blank zero rows (blank-zero-rows.ts) are applied after the other damage, never
 * on a row another edit touched. `forced` is the oracles' verdict: every lost value comes back to one assignment.
 */
import type { CanonicalReport } from "@/lib/report/types";
import { composeReport } from "./compose-report";
import { corruptTables, type CorruptionKind, type LossyEdit } from "./corrupt-tables";
import { blankZeroRows, type BlankedRow } from "./blank-zero-rows";
import { isForcedRecovery } from "./forced-oracle";
import { generateReport, type SynthReport, type TemplateVariant } from "./generate-report";
import { createRng } from "./prng";
import { renderDocx } from "./render-docx";
import { renderHtml } from "./render-html";
import { renderText, type TextLayout } from "./render-text";

/** Layouts of a mixed case: the text layouts, HTML, and DOCX. */
export type MixedLayout = TextLayout | "html" | "docx";

export type MixedCase = {
  seed: number;
  layout: MixedLayout;
  kinds: CorruptionKind[];
  report: SynthReport;
  /** text for text layouts and HTML, bytes for DOCX */
  content: string | Uint8Array;
  lossy: LossyEdit[];
  blanks: BlankedRow[];
  /** the original document when every lost value is forced, else null (soundness only) */
  expected: CanonicalReport | null;
};

/** Builds one case; the same arguments give the same bytes. `blankRows` = how many rows get their zeros blanked. */
export async function buildMixedCase(options: {
  seed: number;
  layout: MixedLayout;
  variant: TemplateVariant;
  kinds: CorruptionKind[];
  blankRows: number;
}): Promise<MixedCase> {
  const { seed, layout, variant, kinds, blankRows } = options;
  const report = generateReport({ seed, variant });
  const rng = createRng(seed ^ 0x7f4a7c15);
  const blocks = composeReport(report, rng.fork());
  const tables = blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  const gridded = layout === "html" || layout === "docx";
  const lossy = corruptTables({ rng: rng.fork(), tables, kinds, isHtml: gridded, doc: report.document });
  const touched = new Set(lossy.flatMap((e) => e.rowPaths));
  const requests = tables.find((t) => t.section === "三")!;
  const blanks = blankRows > 0 ? blankZeroRows(rng.fork(), requests, blankRows, touched) : [];
  const content =
    layout === "docx" ? await renderDocx(blocks, rng.fork()) : layout === "html" ? renderHtml(blocks) : renderText(blocks, layout);
  const forced = isForcedRecovery(report.document, lossy) && blanks.every((b) => b.forced);
  return { seed, layout, kinds, report, content, lossy, blanks, expected: forced ? report.document : null };
}
