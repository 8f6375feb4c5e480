import type { ReactNode } from "react";

/**
 * A wide table's scroll box (横向滚动): reachable by keyboard (tabIndex 0, named region, arrow keys scroll it), with a
 * visible cue below the width where it scrolls and a shadow on the right edge.
 */
export function ScrollTable({ label, children, minWidthRem = 36 }: { label: string; children: ReactNode; minWidthRem?: number }) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs text-slate-600 md:hidden" aria-hidden="true">
        ← 表格可左右滑动 →
      </p>
      <div
        role="region"
        aria-label={`${label}（可横向滚动）`}
        tabIndex={0}
        data-testid="scroll-table"
        className="overflow-x-auto rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
        style={{
          backgroundImage: "linear-gradient(to left, rgba(15,23,42,0.12), rgba(15,23,42,0) 12px)",
          backgroundAttachment: "scroll",
          backgroundRepeat: "no-repeat",
          backgroundPosition: "right",
          backgroundSize: "12px 100%",
        }}
      >
        <div style={{ minWidth: `${minWidthRem}rem` }}>{children}</div>
      </div>
    </div>
  );
}
