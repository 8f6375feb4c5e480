import type { ReactNode } from "react";
import { AGENCY_KINDS, AGENCY_LEVELS } from "@/lib/regions/agency-identity";
import { REPORT_SCOPE_NAMES, REPORT_SCOPES } from "@/lib/figures/report-scope";
import { FIGURE_KEYS, FIGURE_META, type FigureKey } from "@/lib/figures/figures";
import { FilterFormEnhancer } from "./filter-form-enhancer";
import { ScopeFields } from "./scope-fields";

export type PeerFilterValues = {
  figure: FigureKey;
  year: number | null;
  scope?: string;
  level?: string;
  kind?: string;
  reportScope?: string;
};

type PeerFilterFormProps = {
  /** the page the form shows (/compare, /rankings) */
  action: string;
  values: PeerFilterValues;
  years: number[];
  /** extra fields (hidden inputs, switches) */
  children?: ReactNode;
};

const selectClass = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      {children}
    </label>
  );
}

/** The peer-group choices (指标, 年度, 范围, 层级, 类别) as a GET form: every choice ends up in the URL. */
export function PeerFilterForm({ action, values, years, children }: PeerFilterFormProps) {
  return (
    <form
      method="get"
      action={action}
      autoComplete="off"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      aria-label="筛选"
    >
      <FilterFormEnhancer />
      <Field label="指标">
        <select name="figure" defaultValue={values.figure} className={selectClass}>
          {FIGURE_KEYS.map((k) => (
            <option key={k} value={k}>
              {FIGURE_META[k].label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="年度">
        <select name="year" defaultValue={values.year ?? ""} className={selectClass}>
          {years.length === 0 ? <option value="">暂无数据</option> : null}
          {years.map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
        </select>
      </Field>
      <ScopeFields scope={values.scope} />
      <Field label="层级">
        <select name="level" defaultValue={values.level ?? "all"} className={selectClass}>
          <option value="all">全部层级</option>
          {AGENCY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}级
            </option>
          ))}
        </select>
      </Field>
      <Field label="类别">
        <select name="kind" defaultValue={values.kind ?? "all"} className={selectClass}>
          <option value="all">全部类别</option>
          {AGENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </Field>
      <Field label="报告口径">
        <select name="reportScope" defaultValue={values.reportScope ?? "own"} className={selectClass}>
          {REPORT_SCOPES.map((k) => (
            <option key={k} value={k}>
              {REPORT_SCOPE_NAMES[k]}
            </option>
          ))}
        </select>
      </Field>
      {children}
      <button type="submit" className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800">
        查看
      </button>
    </form>
  );
}
