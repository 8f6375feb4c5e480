/**
 * The whole-dataset download (全部数据): one CSV of every latest report's figures, NDJSON of their canonical documents
 * and a data dictionary. Every figure column, its Chinese name, unit and definition come from the figure registry
 * (lib/figures FIGURES: label, unit, guide, countLabels), so a new figure appears here with no edit; the report
 * columns before them are described once below. Pure: rows in, text out.
 */
import { toCsv, toCsvCell, type CsvValue } from "@/lib/csv";
import type { DatasetDocument, DatasetReport } from "@/lib/db/dataset";
import { FIGURE_COLUMNS, FIGURES, type FigureColumnName, type FigureDefinition } from "@/lib/figures/figures";
import { toRegionPath, toReportScopeName } from "@/lib/http/ranking-export";
import { DATA_LICENCE, SITE_NAME } from "@/lib/site";

/** One column of figures.csv as the data dictionary describes it. */
export type DatasetColumn = {
  /** the column's header in the CSV (Chinese) */
  name: string;
  /** the field name in the API and NDJSON */
  field: string;
  unit: string | null;
  definition: string;
};

type ColumnSpec = DatasetColumn & { read(r: DatasetReport): CsvValue };

const REPORT_COLUMNS: ColumnSpec[] = [
  { name: "报告编号", field: "reportId", unit: null, definition: "本站的报告编号；全文见 /api/v1/reports/{编号}", read: (r) => r.reportId },
  { name: "机关编号", field: "agencyId", unit: null, definition: "本站的机关编号；机关页面为 /agencies/{编号}", read: (r) => r.agencyId },
  { name: "机关", field: "agencyName", unit: null, definition: "发布报告的机关名称", read: (r) => r.agencyName },
  {
    name: "地区路径",
    field: "regionPath",
    unit: null,
    definition: "机关所在地区从省到本级的名称（GB/T 2260 行政区划），区分同名机关",
    read: (r) => toRegionPath(r.regionCode),
  },
  { name: "行政区划代码", field: "regionCode", unit: null, definition: "机关所在地区的 6 位行政区划代码", read: (r) => r.regionCode },
  { name: "层级", field: "level", unit: null, definition: "机关层级：省、市、县、乡", read: (r) => r.level },
  { name: "类别", field: "kind", unit: null, definition: "机关类别：人民政府、部门等", read: (r) => r.kind },
  { name: "年度", field: "year", unit: "年", definition: "报告所述年度", read: (r) => r.year },
  {
    name: "版本",
    field: "version",
    unit: null,
    definition: "同一机关同一年度的第几个版本；本数据只含最新版本",
    read: (r) => r.version,
  },
  {
    name: "报告口径",
    field: "scope",
    unit: null,
    definition: "本机关报告（只含本机关）或汇总报告（全市、全县等合计），两者不宜直接比较",
    read: (r) => toReportScopeName(r.scope),
  },
  {
    name: "模板",
    field: "templateVersion",
    unit: null,
    definition: "报告所用的国务院办公厅模板（2021 或 2019 年版）",
    read: (r) => r.templateVersion,
  },
  { name: "发布日期", field: "publishedOn", unit: null, definition: "报告载明的发布日期（未载明为空）", read: (r) => r.publishedOn },
  { name: "原文链接", field: "sourceUrl", unit: null, definition: "报告原文的网址（已知时）", read: (r) => r.sourceUrl },
  {
    name: "收录时间",
    field: "ingestedAt",
    unit: null,
    definition: "本站收录该版本的时间（UTC，ISO 8601）",
    read: (r) => new Date(r.ingestedAt).toISOString(),
  },
  {
    name: "勾稽关系通过",
    field: "identitiesOk",
    unit: null,
    definition: "报告各表之间的加总关系（勾稽关系）是否全部成立；“否”时数字可能有误，应以原文为准",
    read: (r) => r.identitiesOk,
  },
];

/** What a stored figure column holds, from the registry: a figure's value, or a rate's numerator / denominator. */
function describeFigureColumn(column: FigureColumnName): DatasetColumn {
  const figures = FIGURES as readonly FigureDefinition[];
  const own = figures.find((f) => f.columns.value === column);
  if (own) {
    const unit = own.unit === "%" ? "%" : own.unit;
    const rateNote = own.unit === "%" ? "以百分比表示，保留一位小数（精确值为其分子除以分母，见相应两列）。" : "";
    return { name: `${own.label}（${own.unit}）`, field: column, unit, definition: `${own.guide ?? own.label}${rateNote}` };
  }
  const rate = figures.find((f) => f.columns.numerator === column || f.columns.denominator === column)!;
  const part = rate.columns.numerator === column ? "numerator" : "denominator";
  const label = rate.countLabels?.[part] ?? column;
  const role = part === "numerator" ? "分子" : "分母";
  return { name: `${label}（件）`, field: column, unit: "件", definition: `${rate.label}的${role}：${label}` };
}

/** A stored value as the dataset writes it: a rate as a percentage with one decimal, 万元 with two, counts as is. */
function toDatasetValue(column: FigureColumnName, value: number | null): CsvValue {
  if (value === null) return null;
  const own = (FIGURES as readonly FigureDefinition[]).find((f) => f.columns.value === column);
  if (own?.unit === "%") return Math.round(value * 1000) / 10;
  if (own?.unit === "万元") return Math.round(value * 100) / 100;
  return value;
}

const FIGURE_COLUMN_SPECS: ColumnSpec[] = FIGURE_COLUMNS.map(({ name }) => ({
  ...describeFigureColumn(name),
  read: (r: DatasetReport) => toDatasetValue(name, r[name]),
}));

/** Every column of figures.csv, in order, as the data dictionary lists it. */
export const DATASET_COLUMNS: readonly DatasetColumn[] = [...REPORT_COLUMNS, ...FIGURE_COLUMN_SPECS].map(
  ({ name, field, unit, definition }) => ({
    name,
    field,
    unit,
    definition,
  }),
);

const SPECS = [...REPORT_COLUMNS, ...FIGURE_COLUMN_SPECS];

/** The CSV's first chunk: BOM and header line. */
export function toDatasetCsvHeader(): string {
  return toCsv(
    SPECS.map((c) => c.name),
    [],
  );
}

/** CSV lines (CRLF-terminated) of a batch of reports. */
export function toDatasetCsvRows(rows: readonly DatasetReport[]): string {
  return rows.map((r) => `${SPECS.map((c) => toCsvCell(c.read(r))).join(",")}\r\n`).join("");
}

/** NDJSON lines of a batch of reports: the report's identity and 口径, then its canonical document (ogi-annual-report/v1). */
export function toDatasetNdjson(rows: readonly DatasetDocument[]): string {
  return rows
    .map((r) =>
      JSON.stringify({
        reportId: r.reportId,
        agencyId: r.agencyId,
        agencyName: r.agencyName,
        regionCode: r.regionCode,
        regionPath: toRegionPath(r.regionCode),
        year: r.year,
        version: r.version,
        scope: r.scope,
        sourceUrl: r.sourceUrl,
        identitiesOk: r.identitiesOk,
        document: r.document,
      }),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** The data dictionary as CSV: 列名, 字段, 单位, 定义. */
export function toDictionaryCsv(): string {
  return toCsv(
    ["列名", "字段", "单位", "定义"],
    DATASET_COLUMNS.map((c) => [c.name, c.field, c.unit, c.definition]),
  );
}

/** The files of the dataset, as the index and the pages link them. */
export const DATASET_FILES = [
  {
    file: "figures.csv",
    fileName: `${SITE_NAME}_全部年报数字.csv`,
    title: "全部最新年报的数字（CSV）",
    description: "每份最新版本的年报一行：机关、地区路径、年度、报告口径、原文链接、勾稽关系，以及每项数字；列的含义见数据字典",
    contentType: "text/csv; charset=utf-8",
  },
  {
    file: "documents.ndjson",
    fileName: `${SITE_NAME}_全部年报全文数据.ndjson`,
    title: "全部最新年报的规范化全文数据（NDJSON）",
    description: "每行一份年报的 JSON：机关、年度、报告口径与规范化全文（ogi-annual-report/v1，各表每一格）",
    contentType: "application/x-ndjson; charset=utf-8",
  },
  {
    file: "dictionary.csv",
    fileName: `${SITE_NAME}_数据字典.csv`,
    title: "数据字典（CSV）",
    description: "figures.csv 每一列的中文名称、字段名、单位与定义",
    contentType: "text/csv; charset=utf-8",
  },
] as const;

export type DatasetFile = (typeof DATASET_FILES)[number]["file"];

/** The index answer of /api/v1/dataset: what the dataset holds, its files, its licence and its dictionary. */
export function toDatasetIndex({ reports, dataVersion, basePath }: { reports: number; dataVersion: string; basePath: string }) {
  return {
    name: `${SITE_NAME}：全部数据`,
    reports,
    dataVersion,
    note: "每个机关每个年度只含最新版本的报告。随每次收录即时生成（不落盘），同一数据版本的内容相同；响应带 ETag，收录新报告后才会变化。",
    licence: DATA_LICENCE,
    files: DATASET_FILES.map((f) => ({
      file: f.file,
      href: `${basePath}/${f.file}`,
      title: f.title,
      description: f.description,
      contentType: f.contentType,
    })),
    dictionary: DATASET_COLUMNS,
  };
}
