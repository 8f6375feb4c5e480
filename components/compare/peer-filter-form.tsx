import type { ReactNode } from "react";
import { AGENCY_KINDS, AGENCY_LEVELS } from "@/lib/regions/agency-identity";
import { REPORT_SCOPE_NAMES, REPORT_SCOPES } from "@/lib/figures/report-scope";
import { FIGURE_KEYS, type FigureKey } from "@/lib/figures/figures";
import { FigureSelect, FILTER_SELECT_CLASS, FilterField, FilterForm, YearSelect } from "./filter-form";
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

/** The peer-group choices (指标, 年度, 范围, 层级, 类别, 报告口径) as a GET form: every choice ends up in the URL. */
export function PeerFilterForm({ action, values, years, children }: PeerFilterFormProps) {
  return (
    <FilterForm action={action}>
      <FigureSelect keys={FIGURE_KEYS} value={values.figure} />
      <YearSelect years={years} value={values.year} />
      <ScopeFields scope={values.scope} />
      <FilterField label="层级">
        <select name="level" defaultValue={values.level ?? "all"} className={FILTER_SELECT_CLASS}>
          <option value="all">全部层级</option>
          {AGENCY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}级
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="类别">
        <select name="kind" defaultValue={values.kind ?? "all"} className={FILTER_SELECT_CLASS}>
          <option value="all">全部类别</option>
          {AGENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="报告口径">
        <select name="reportScope" defaultValue={values.reportScope ?? "own"} className={FILTER_SELECT_CLASS}>
          {REPORT_SCOPES.map((k) => (
            <option key={k} value={k}>
              {REPORT_SCOPE_NAMES[k]}
            </option>
          ))}
        </select>
      </FilterField>
      {children}
    </FilterForm>
  );
}
