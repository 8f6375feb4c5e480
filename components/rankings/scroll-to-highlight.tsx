"use client";

import { useEffect } from "react";

/** Scrolls the highlighted row (an official's own body) into view once the page is shown. */
export function ScrollToHighlight({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.scrollIntoView({ block: "center" });
  }, [targetId]);
  return null;
}
