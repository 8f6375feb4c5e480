/**
 * The filter form of the comparison pages (/compare, /rankings, /compare/regions), one definition: a GET form whose
 * choices apply on its 查看 button (WCAG 3.2.2, see FilterFormEnhancer), labelled fields, and the 指标 and 年度 selects.
 */
import type { ReactNode } from "react";
import { FIGURE_META, type FigureKey } from "@/lib/figures/figures";
import { FilterFormEnhancer } from "./filter-form-enhancer";

export const FILTER_SELECT_CLASS = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** The form: every choice ends up in the URL; empty fields are left out. */
export function FilterForm({ action, children }: { action: string; children: ReactNode }) {
  return (
    <form
      method="get"
      action={action}
      autoComplete="off"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      aria-label="筛选"
    >
      <FilterFormEnhancer />
      {children}
      <button type="submit" className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800">
        查看
      </button>
    </form>
  );
}

/** A labelled field (the label names the control for screen readers). */
export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      {children}
    </label>
  );
}

/** 指标: the figures offered on this page. */
export function FigureSelect({ keys, value }: { keys: readonly FigureKey[]; value: FigureKey }) {
  return (
    <FilterField label="指标">
      <select name="figure" defaultValue={value} className={FILTER_SELECT_CLASS}>
        {keys.map((k) => (
          <option key={k} value={k}>
            {FIGURE_META[k].label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** 年度: the years with reports, or 暂无数据. */
export function YearSelect({ years, value }: { years: number[]; value: number | null }) {
  return (
    <FilterField label="年度">
      <select name="year" defaultValue={value ?? ""} className={FILTER_SELECT_CLASS}>
        {years.length === 0 ? <option value="">暂无数据</option> : null}
        {years.map((y) => (
          <option key={y} value={y}>
            {y} 年
          </option>
        ))}
      </select>
    </FilterField>
  );
}
