/** Props shared by the chart wrappers. Plain serialisable values only (they cross the server/client boundary). */

/** One row of chart data: the index value (a year, a label) plus one number or null per category. */
export type ChartRow = Record<string, string | number | null>;

/** One series drawn from `ChartRow[key]`. */
export type ChartCategory = { key: string; label: string };

/** How values are written in tooltips, axes and the table view (件 / % / 万元). */
export type ValueKind = "count" | "percent" | "wanYuan";

export type ChartProps = {
  /** accessible name of the chart and caption of its table view */
  title: string;
  data: ChartRow[];
  /** the key of each row's label (x axis) */
  index: string;
  /** the header of the index column in the table view */
  indexLabel: string;
  categories: ChartCategory[];
  valueKind?: ValueKind;
  height?: number;
  testId?: string;
};
