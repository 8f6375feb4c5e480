import { getRegion } from "@/lib/regions/gazetteer";
import { listScopeGroups } from "@/lib/view/scope-options";
import { FILTER_SELECT_CLASS, FilterField } from "./filter-form";

/**
 * 范围 as two selects, both named `scope`: the province (全国 or one of 31), then the regions below the chosen
 * province only (keeps the page small): its prefectures, or a municipality's districts. The more specific (last
 * non-empty) value wins; changing the province clears the second (data-clears, see FilterFormEnhancer).
 */
export function ScopeFields({ scope }: { scope?: string }) {
  // codes nest by prefix (GB/T 2260); a few regions are their own parent in the data (东莞 441900), so no tree walk
  const region = scope ? getRegion(scope) : undefined;
  const province = scope ? `${scope.slice(0, 2)}0000` : "";
  const group = listScopeGroups().find((g) => g.code === province);
  // a county of a prefecture is not among the choices: it is offered on its own, chosen
  const county = region?.level === 3 && !group?.below.some((p) => p.code === region.code) ? region : undefined;
  return (
    <>
      <FilterField label="范围">
        <select name="scope" defaultValue={province} className={FILTER_SELECT_CLASS} data-clears="scope-below">
          <option value="">全国</option>
          {listScopeGroups().map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </FilterField>
      {group ? (
        <FilterField label={group.kind === "直辖市" ? "区县范围" : "地级范围"}>
          <select
            name="scope"
            id="scope-below"
            defaultValue={region && region.level >= 2 ? region.code : ""}
            className={FILTER_SELECT_CLASS}
          >
            <option value="">{group.whole}</option>
            {county ? <option value={county.code}>{county.name}</option> : null}
            {group.below.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </FilterField>
      ) : null}
    </>
  );
}
