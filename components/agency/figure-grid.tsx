import { Badge } from "@/components/ui/badge";
import { FigureCard } from "@/components/ui/figure-card";
import type { FigureCardData } from "@/lib/view/to-figure-cards";
import { toSourceLineHref } from "@/lib/view/to-source-html";

/**
 * The agency page's figure cards; each value links to its source line on the page of the report's text (textUrl), which
 * the source view on this page intercepts when a script runs.
 */
export function FigureGrid({ cards, textUrl }: { cards: FigureCardData[]; textUrl: string }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-4">
      {cards.map((c) => (
        <FigureCard
          key={c.id}
          testId={`figure-${c.id}`}
          label={c.label}
          value={c.value}
          counts={c.counts}
          isSmallSample={c.isSmallSample}
          guide={c.guide ?? undefined}
          sourceHref={c.sourceLine !== null ? toSourceLineHref(textUrl, c.sourceLine) : null}
          sourceLine={c.sourceLine}
          sourcePaths={c.sourcePaths}
          warning={c.warning}
        >
          {c.note || c.isInferred || c.isOcr || c.sourcePage !== null ? (
            <span className="flex flex-wrap items-center gap-2">
              {c.note ? <span>{c.note}</span> : null}
              {c.sourcePage !== null ? (
                <span>
                  {c.isOcr ? "扫描件" : "PDF "}第 {c.sourcePage} 页
                </span>
              ) : null}
              {c.isOcr ? (
                <a href="/methods#ocr" className="no-underline" data-testid="ocr-badge">
                  <Badge tone="warn">识别自扫描件</Badge>
                </a>
              ) : null}
              {c.isInferred ? (
                <a href="/methods#inferred" className="no-underline">
                  <Badge tone="info">由勾稽关系推算</Badge>
                </a>
              ) : null}
            </span>
          ) : null}
        </FigureCard>
      ))}
    </dl>
  );
}
