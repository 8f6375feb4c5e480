import type { ReactNode } from "react";

type CardProps = {
  /** heading shown at the top of the card (rendered as h2 unless `headingLevel` says otherwise) */
  title?: ReactNode;
  headingLevel?: 2 | 3;
  /** extra content next to the heading (links, badges) */
  action?: ReactNode;
  id?: string;
  className?: string;
  children: ReactNode;
};

/** A bordered section of a page with an optional heading. */
export function Card({ title, headingLevel = 2, action, id, className = "", children }: CardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section id={id} className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      {title || action ? (
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          {title ? <Heading className="text-base font-semibold text-slate-900">{title}</Heading> : null}
          {action}
        </div>
      ) : null}
      {children}
    </section>
  );
}
