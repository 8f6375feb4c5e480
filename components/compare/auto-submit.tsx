"use client";

import { useEffect, useRef } from "react";

/**
 * Submits the surrounding form as soon as a choice changes (the form still has a submit button without JavaScript).
 * Empty fields are left out of the URL; a select with `data-clears="<id>"` empties the select with that id when it changes.
 */
export function AutoSubmit() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const onChange = (event: Event): void => {
      // a broader choice (the province) clears the narrower one that depends on it
      const clears = event.target instanceof HTMLElement ? event.target.dataset.clears : undefined;
      const dependent = clears ? document.getElementById(clears) : null;
      if (dependent instanceof HTMLSelectElement) dependent.value = "";
      form.requestSubmit();
    };
    const onSubmit = (): void => {
      for (const el of Array.from(form.elements)) {
        if ((el instanceof HTMLSelectElement || el instanceof HTMLInputElement) && el.name && el.value === "") el.disabled = true;
      }
      setTimeout(() => {
        for (const el of Array.from(form.elements))
          if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) el.disabled = false;
      }, 0);
    };
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit, { capture: true });
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit, { capture: true });
    };
  }, []);
  return <span ref={ref} hidden />;
}
