import { getRegionPath } from "@/lib/regions/gazetteer";

/** The agency's place (江苏省 › 南京市 › 鼓楼区) under its name, so same-named bodies in different places are told apart. */
export function RegionPath({ code }: { code: string | null }) {
  const path = getRegionPath(code);
  return (
    <span className="block text-xs text-slate-600" data-testid="region-path">
      {path ?? "地区未知"}
    </span>
  );
}
