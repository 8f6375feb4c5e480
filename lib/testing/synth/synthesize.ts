/**
 * One synthetic test case: a generated report rendered in one layout with optional corruptions,
 * plus what a correct parser must give back. `expected` is the original document when the
 * rendering is clean or every lost value is forced by the identities (see forced-oracle.ts);
 * otherwise null, and only the soundness property applies (no wrong number, every lost value
 * null with a finding).
 */
import type { CanonicalReport } from "@/lib/report/types";
import { composeReport } from "./compose-report";
import { corruptTables, CORRUPTION_KINDS, type CorruptionKind, type LossyEdit } from "./corrupt-tables";
import { isForcedRecovery } from "./forced-oracle";
import { generateReport, type SynthReport, type TemplateVariant } from "./generate-report";
import { misnumberSections, wrapTitle } from "./converter-damage";
import { createRng } from "./prng";
import { renderHtml, renderHtmlGbk } from "./render-html";
import { renderText, type TextLayout } from "./render-text";

/** Every output layout: four text layouts, HTML, and HTML as GBK bytes. */
export type Layout = TextLayout | "html" | "html-gbk";

export const LAYOUTS: readonly Layout[] = ["tab", "tab-compact", "lines", "pipe", "html", "html-gbk"];
export const TEXT_LAYOUTS: readonly Layout[] = ["tab", "tab-compact", "lines", "pipe"];

/** What to synthesize; `corruptions: "random"` draws a random combination from the seed. */
export type SynthOptions = {
  seed: number;
  layout?: Layout;
  variant?: TemplateVariant;
  corruptions?: CorruptionKind[] | "random";
  /** at most this many lossy edits (drops, blanks) of each kind; default 2 */
  maxLossy?: number;
  /** "managed": the reporting body is a managed area's (平潭综合实验区管理委员会 …) */
  agencyKind?: "any" | "managed";
  /** the reporting body is this region's government (see GenerateOptions) */
  regionCode?: string;
  /** the report's year; drawn from the seed when left out */
  year?: number;
};

/** A rendered synthetic report and the answer key. */
export type SynthCase = {
  seed: number;
  layout: Layout;
  corruptions: CorruptionKind[];
  report: SynthReport;
  /** text for text/HTML layouts, bytes for html-gbk */
  content: string | Uint8Array;
  mediaType: "text/plain" | "text/html";
  fileExtension: "txt" | "html";
  lossy: LossyEdit[];
  /** the document a correct parser must return exactly, or null when only soundness applies */
  expected: CanonicalReport | null;
};

function randomCorruptions(seed: number): CorruptionKind[] {
  const rng = createRng(seed ^ 0x5bd1e995);
  if (rng.chance(0.3)) return [];
  return CORRUPTION_KINDS.filter(() => rng.chance(0.3));
}

/** Builds one case; the same options always give the same bytes. */
export function synthesize({
  seed,
  layout: wantedLayout,
  variant,
  corruptions = [],
  maxLossy = 2,
  agencyKind,
  regionCode,
  year,
}: SynthOptions): SynthCase {
  const report = generateReport({ seed, variant, agencyKind, regionCode, year });
  const rng = createRng(seed ^ 0x9e3779b9);
  const layout = wantedLayout ?? rng.pick(LAYOUTS);
  const kinds = corruptions === "random" ? randomCorruptions(seed) : corruptions;
  const blocks = composeReport(report, rng.fork());
  const isHtml = layout === "html" || layout === "html-gbk";
  const tables = blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  const lossy = corruptTables({
    rng: rng.fork(),
    tables,
    kinds,
    isHtml,
    oneCellPerLine: layout === "lines" || layout === "pipe",
    maxLossy,
    doc: report.document,
  });
  if (kinds.includes("titleWrap")) wrapTitle(rng.fork(), blocks, !isHtml);
  if (kinds.includes("misnumbered")) misnumberSections(rng.fork(), blocks);
  const content = layout === "html" ? renderHtml(blocks) : layout === "html-gbk" ? renderHtmlGbk(blocks) : renderText(blocks, layout);
  return {
    seed,
    layout,
    corruptions: kinds,
    report,
    content,
    mediaType: isHtml ? "text/html" : "text/plain",
    fileExtension: isHtml ? "html" : "txt",
    lossy,
    expected: isForcedRecovery(report.document, lossy) ? report.document : null,
  };
}
