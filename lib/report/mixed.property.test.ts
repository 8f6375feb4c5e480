/**
 * Property test, issue 10: damage the per-class tests do not combine, in every layout (four text layouts, HTML, DOCX)
 * and both templates: crossed row labels, money units in the cells or stated once in a header or caption (单位：元),
 * blank zero cells, single blanks and dropped cells, wrapped labels, page breaks, thousands separators, full-width
 * digits, drawn at random per case (lib/testing/synth/mixed-case.ts). Exact where the oracles (forced-oracle.ts,
 * blank-zero-rows.ts) say every lost value is forced; sound everywhere else: no wrong value, every lost value null
 * with a finding. Crossed labels are always sound-only (two whole rows whose labels cannot tell them apart). Forced
 * blank zeros must come back inferred with a rule. MIXED_CASES (default 60 per layout and template) sets the count.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { CorruptionKind, TemplateVariant } from "@/lib/testing/synth";
import { diffDocuments, findUnsoundValues } from "@/lib/testing/synth/compare-documents";
import { buildMixedCase, type MixedCase, type MixedLayout } from "@/lib/testing/synth/mixed-case";
import { createRng } from "@/lib/testing/synth/prng";
import { parseHtml, parseReport, parseText } from "./index";
import type { CanonicalReport, ParseResult } from "./types";

const CASES = Number(process.env.MIXED_CASES ?? 60);
const LAYOUTS: MixedLayout[] = ["tab", "tab-compact", "lines", "pipe", "html", "docx"];
const VARIANTS: TemplateVariant[] = ["2021", "2019"];
const KINDS: CorruptionKind[] = ["crossedLabels", "units", "headerUnits", "blank", "drop", "wrap", "pageBreak", "thousands", "fullWidth"];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const tablesOf = (d: CanonicalReport) => ({
  active: d.active,
  legacy2019: d.legacy2019,
  requests: d.requests,
  reviewLitigation: d.reviewLitigation,
});

const tally: Record<string, { cases: number; exact: number; sound: number; crossed: number }> = {};
afterAll(() => {
  for (const [k, t] of Object.entries(tally))
    console.log(`mixed ${k}: ${t.cases} cases, ${t.exact} exact, ${t.sound} sound-only (${t.crossed} with crossed labels)`);
});

async function parseCase(c: MixedCase): Promise<ParseResult> {
  if (c.layout === "docx") return parseReport({ bytes: c.content as Uint8Array, mediaType: DOCX });
  return c.layout === "html" ? parseHtml(c.content as string) : parseText(c.content as string);
}

describe.each(LAYOUTS)("mixed damage, layout %s", (layout) => {
  it.each(VARIANTS)(
    `template %s: exact where forced, sound elsewhere (${CASES} cases)`,
    async (variant) => {
      const key = `${layout} ${variant}`;
      const t = (tally[key] = { cases: 0, exact: 0, sound: 0, crossed: 0 });
      const failures: string[] = [];
      for (let i = 0; i < CASES; i++) {
        const seed = 47_000_000 + (i * LAYOUTS.length + LAYOUTS.indexOf(layout)) * VARIANTS.length + VARIANTS.indexOf(variant);
        const rng = createRng(seed ^ 0x1b873593);
        // every case mixes at least two kinds; crossed labels in a third of them
        const kinds = KINDS.filter((k) => (k === "crossedLabels" ? i % 3 === 0 : rng.chance(0.4)));
        const c = await buildMixedCase({ seed, layout, variant, kinds, blankRows: rng.chance(0.6) ? rng.int(1, 5) : 0 });
        const where = `seed=${seed} layout=${layout} variant=${variant} kinds=[${kinds.join(",")}] blankRows=${c.blanks.length}`;
        const result = await parseCase(c);
        if (!result.ok) {
          failures.push(`${where}: refused ${result.error.code}`);
          continue;
        }
        t.cases++;
        if (c.lossy.some((e) => e.kind === "crossed")) t.crossed++;
        if (c.expected === null) {
          t.sound++;
          const unsound = findUnsoundValues(result.document, c.report.document, result.findings);
          if (unsound.length > 0) failures.push(`${where}: UNSOUND ${JSON.stringify(unsound.slice(0, 3))}`);
          continue;
        }
        const diffs = diffDocuments(tablesOf(result.document), tablesOf(c.expected));
        if (diffs.length > 0) {
          failures.push(`${where}: ${JSON.stringify(diffs.slice(0, 3))}`);
          continue;
        }
        t.exact++;
        for (const path of c.blanks.flatMap((b) => b.paths)) {
          const prov = result.provenance[path];
          if (prov?.status !== "inferred" || !prov.rule)
            failures.push(`${where}: ${path} is ${JSON.stringify(prov)}, not inferred with a rule`);
        }
      }
      expect(failures.slice(0, 8)).toEqual([]);
    },
    600_000,
  );
});
