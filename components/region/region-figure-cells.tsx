/**
 * The region page's figure columns (申请量、办结量、不掌握信息率、公开率), one definition for both of its tables: each
 * agency's latest year and the region's years. Values come stored or summed from lib/db; nothing is computed here. A
 * cell's content is the HTML lib/view/to-region-figure-html gives (the agency list's rows are built there whole).
 */
import { getFigure } from "@/lib/figures/figures";
import { REGION_PAGE_FIGURE_KEYS, type RegionPageFigures } from "@/lib/figures/region-figures";
import { toRegionFigureCell } from "@/lib/view/to-region-figure-html";

/** The header cells of the figure columns. */
export function RegionFigureHeaders() {
  return REGION_PAGE_FIGURE_KEYS.map((key) => (
    <th key={key} scope="col" className="py-2 pr-3 text-right font-medium">
      {getFigure(key).label}
    </th>
  ));
}

/** The figure cells of one row (a rate with its counts when the sample is small); — for rates when the row has none. */
export function RegionFigureCells({ figures }: { figures: RegionPageFigures | undefined }) {
  return REGION_PAGE_FIGURE_KEYS.map((key) => {
    const cell = toRegionFigureCell(key, figures);
    return <td key={key} className={cell.className} dangerouslySetInnerHTML={{ __html: cell.html }} />;
  });
}
