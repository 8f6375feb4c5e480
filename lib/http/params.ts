/**
 * Query parameters shared by the compare/rankings pages, their downloads and the /api/v1 routes.
 * One set of zod schemas, so a link, a page and an API call read the same parameters the same way.
 * Empty strings count as unset (a GET form sends `scope=` for "全国").
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { FIGURE_KEYS, FIGURE_META } from "@/lib/figures/figures";
import { REGION_FIGURE_KEYS } from "@/lib/figures/region-figures";
import { REPORT_SCOPES } from "@/lib/figures/report-scope";
import { AGENCY_KINDS, AGENCY_LEVELS } from "@/lib/regions/agency-identity";
import { getRegion } from "@/lib/regions/gazetteer";

export { REPORT_SCOPE_NAMES, REPORT_SCOPES } from "@/lib/figures/report-scope";

/** Most agencies a user can line up side by side across years. */
export const MAX_COMPARED_AGENCIES = 10;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

const emptyAsUnset = (value: unknown): unknown => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUnset, schema.optional());

const figureSchema = z.enum(FIGURE_KEYS, {
  error: () => `figure 必须是以下之一：${FIGURE_KEYS.map((k) => `${k}（${FIGURE_META[k].label}）`).join("、")}`,
});
const yearSchema = z.coerce
  .number({ error: () => "year 必须是四位年份，如 2025" })
  .int("year 必须是整数年份")
  .min(2008, "year 不能早于 2008（《政府信息公开条例》施行年）")
  .max(2100, "year 超出范围");
/** Largest id a row can have (PostgreSQL int4): a larger one is a 400, never a failed cast (500). */
export const MAX_ID = 2_147_483_647;
/** Deepest page anyone can ask for (offset = (page − 1) × pageSize stays an int4). */
export const MAX_PAGE = 1_000_000;

const idSchema = (name: string) =>
  z.coerce
    .number({ error: () => `${name} 必须是正整数` })
    .int(`${name} 必须是正整数`)
    .positive(`${name} 必须是正整数`)
    .max(MAX_ID, `${name} 超出范围（最大 ${MAX_ID}）`);

/** Control characters (NUL included, which PostgreSQL text cannot hold) and lone surrogates. */
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Free text typed by a person (search words): bounded length, no control characters. */
export const textParamSchema = (name: string, max: number) =>
  z
    .string()
    .max(max, `${name} 不能超过 ${max} 个字`)
    .refine((s) => !UNPRINTABLE.test(s), `${name} 不能包含控制字符`);

/** A scope: a province, prefecture or county code (6 digits); unset means the whole country (全国). */
const scopeSchema = z
  .string()
  .regex(/^\d{6}$/, "scope 必须是 6 位行政区划代码（省、市或县），留空表示全国")
  .refine((code) => {
    const level = getRegion(code)?.level;
    return level === 1 || level === 2 || level === 3;
  }, "scope 不是已知的省、市或县级行政区划代码");

const booleanFlag = z
  .enum(["1", "0", "true", "false", "on"], { error: () => "只能是 1 或 0" })
  .transform((v) => v === "1" || v === "true" || v === "on");

/** The peer group and figure every compare/ranking view starts from. */
export const peerQuerySchema = z.object({
  figure: z.preprocess(emptyAsUnset, figureSchema.default("requestsReceived")),
  year: optional(yearSchema),
  scope: optional(scopeSchema),
  /** "all": every level (a page's explicit choice; unset lets /rankings use its default peer group) */
  level: optional(z.enum([...AGENCY_LEVELS, "all"], { error: () => `level 必须是 ${AGENCY_LEVELS.join("、")} 或 all 之一` })),
  kind: optional(z.enum([...AGENCY_KINDS, "all"], { error: () => `kind 必须是 ${AGENCY_KINDS.join("、")} 或 all 之一` })),
  /** 报告口径: own (本机关报告, default: a city-wide summary is not ranked against single offices), summary, or all */
  reportScope: z.preprocess(
    emptyAsUnset,
    z.enum(REPORT_SCOPES, { error: () => "reportScope 只能是 own（本机关报告）、summary（汇总报告）或 all" }).default("own"),
  ),
});

export const paginationSchema = z.object({
  page: z.preprocess(emptyAsUnset, idSchema("page").max(MAX_PAGE, `page 不能超过 ${MAX_PAGE}`).default(1)),
  pageSize: z.preprocess(
    emptyAsUnset,
    idSchema("pageSize").max(MAX_PAGE_SIZE, `pageSize 不能超过 ${MAX_PAGE_SIZE}`).default(DEFAULT_PAGE_SIZE),
  ),
});

/** /rankings and /api/v1/rankings */
export const rankingQuerySchema = peerQuerySchema.extend(paginationSchema.shape).extend({
  /** include small samples and reports whose identity checks failed (默认排除) */
  include: z.preprocess(emptyAsUnset, booleanFlag.default(false)),
  /** rank the highest value first (desc, default) or the lowest */
  order: z.preprocess(emptyAsUnset, z.enum(["desc", "asc"], { error: () => "order 只能是 desc 或 asc" }).default("desc")),
  highlight: optional(idSchema("highlight")),
});
export type RankingParams = z.infer<typeof rankingQuerySchema>;

/**
 * The default peer group of /rankings (同级同类同口径): county-level 人民政府, own reports, when the URL chooses neither a
 * level nor a kind; an explicit "all" keeps every level / kind.
 */
export function withDefaultPeerGroup<T extends { level?: string; kind?: string }>(p: T): T {
  if (p.level === undefined && p.kind === undefined) return { ...p, level: "县", kind: "人民政府" };
  return p;
}

/** "all" → unset (every level / kind). */
export function toPeerChoice(value: string | undefined): string | undefined {
  return value === "all" ? undefined : value;
}

/** Comma-separated agency ids, at most ten. */
const agencyListSchema = z
  .string()
  .regex(/^\d+(,\d+)*,?$/, "agencies 必须是逗号分隔的机关编号，如 12,34")
  .transform((s) => [
    ...new Set(
      s
        .split(",")
        .filter((part) => part !== "")
        .map(Number),
    ),
  ])
  .refine((ids) => ids.every((id) => id >= 1 && id <= MAX_ID), `agencies 中的编号必须在 1 到 ${MAX_ID} 之间`)
  .refine((ids) => ids.length <= MAX_COMPARED_AGENCIES, `agencies 最多 ${MAX_COMPARED_AGENCIES} 个机关`);

/** /compare and /api/v1/compare */
export const compareQuerySchema = peerQuerySchema.extend(paginationSchema.shape).extend({
  sort: z.preprocess(emptyAsUnset, z.enum(["value", "name"], { error: () => "sort 只能是 value 或 name" }).default("value")),
  dir: z.preprocess(emptyAsUnset, z.enum(["desc", "asc"], { error: () => "dir 只能是 desc 或 asc" }).default("desc")),
  agencies: z.preprocess(emptyAsUnset, agencyListSchema.default([])),
});
export type CompareParams = z.infer<typeof compareQuerySchema>;

/** The home page's search box (首页搜索): `q`, at most 100 characters, no control characters. */
export const searchQuerySchema = z.object({ q: optional(textParamSchema("q", 100)) });

/** Next's page `searchParams` or a URL's. */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, string][] =
    raw instanceof URLSearchParams
      ? [...raw]
      : Object.entries(raw).flatMap(([k, v]) =>
          Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : v === undefined ? [] : [[k, v]],
        );
  // a repeated key keeps its last non-empty value: the form's scope selects go from broad (province) to narrow
  for (const [k, v] of entries) if (v !== "" || !(k in out)) out[k] = v;
  return out;
}

/** Parse parameters with a schema; a bad one throws AppError("bad-request") whose message names every problem. */
export function parseParams<T extends z.ZodType>(schema: T, raw: RawParams): z.infer<T> {
  const result = schema.safeParse(toRecord(raw));
  if (result.success) return result.data;
  const message = result.error.issues
    .map((i) => {
      const name = i.path.join(".");
      return name && !i.message.startsWith(name) ? `${name} ${i.message}` : i.message;
    })
    .join("；");
  throw new AppError("bad-request", `参数有误：${message}`);
}

/** The query keys an object schema reads. */
export function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * A query parameter the route does not read is an error, not silently ignored (`?province=` would otherwise
 * answer with everything): 400 naming the unknown ones and listing the known.
 */
export function rejectUnknownParams(raw: URLSearchParams, ...schemas: z.ZodType[]): void {
  const known = new Set(schemas.flatMap(keysOf));
  const unknown = [...new Set([...raw.keys()].filter((k) => !known.has(k)))];
  if (unknown.length === 0) return;
  const allowed = known.size > 0 ? `；可用的参数：${[...known].join("、")}` : "；这个接口不接受查询参数";
  throw new AppError("bad-request", `未知的参数：${unknown.map((k) => k.slice(0, 40)).join("、")}${allowed}`);
}

/** Answer format of the rankings/compare routes: JSON (default) or a CSV download. */
export const formatSchema = z.object({
  format: z.preprocess(emptyAsUnset, z.enum(["json", "csv"], { error: () => "format 只能是 json 或 csv" }).default("json")),
});

/** A path id (/agencies/{id}, /reports/{id}). */
export function parseId(raw: string, name: string): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new AppError("bad-request", `参数有误：${name} 必须是正整数，收到“${raw}”`);
  return Number(raw);
}

/** /api/v1/regions */
export const regionListQuerySchema = paginationSchema.extend({
  parent: optional(z.string().regex(/^\d{6}(\d{3})?$/, "parent 必须是 6 位或 9 位行政区划代码")),
  level: optional(z.enum(["1", "2", "3", "4"], { error: () => "level 必须是 1（省）、2（市）、3（县）或 4（乡）" }).transform(Number)),
  q: optional(textParamSchema("q", 50)),
});

/** /api/v1/agencies/{id}: its report versions of one year only */
export const agencyQuerySchema = z.object({ year: optional(yearSchema) });

/** /api/v1/agencies */
export const agencyListQuerySchema = paginationSchema.extend({
  /** agencies with a report for this year */
  year: optional(yearSchema),
  q: optional(textParamSchema("q", 50)),
  level: peerQuerySchema.shape.level,
  kind: peerQuerySchema.shape.kind,
  region: optional(z.string().regex(/^\d{6}(\d{3})?$/, "region 必须是 6 位或 9 位行政区划代码")),
});

/** /api/v1/reports */
export const reportListQuerySchema = paginationSchema.extend({
  agency: optional(idSchema("agency")),
  year: optional(yearSchema),
  /** 1 (default): latest versions only; 0: every version */
  latest: z.preprocess(emptyAsUnset, booleanFlag.default(true)),
});

/** A region to compare the children of, or to show coverage for: a province, prefecture or county code; unset = 全国. */
const regionCodeSchema = (name: string) =>
  z
    .string()
    .regex(/^\d{6}$/, `${name} 必须是 6 位行政区划代码（省、市或县），留空表示全国`)
    .refine((code) => {
      const level = getRegion(code)?.level;
      return level === 1 || level === 2 || level === 3;
    }, `${name} 不是已知的省、市或县级行政区划代码`);

/** /compare/regions and /api/v1/region-comparison */
export const regionCompareQuerySchema = z.object({
  figure: z.preprocess(
    emptyAsUnset,
    z
      .enum(REGION_FIGURE_KEYS, {
        error: () => `figure 必须是以下之一：${REGION_FIGURE_KEYS.map((k) => `${k}（${FIGURE_META[k].label}）`).join("、")}`,
      })
      .default("requestsReceived"),
  ),
  year: optional(yearSchema),
  parent: optional(regionCodeSchema("parent")),
  /** the table view of the tile map (地图 / 表格) */
  view: z.preprocess(emptyAsUnset, z.enum(["map", "table"], { error: () => "view 只能是 map 或 table" }).default("map")),
});
export type RegionCompareParams = z.infer<typeof regionCompareQuerySchema>;

/** /api/v1/coverage */
export const coverageQuerySchema = z.object({
  region: optional(regionCodeSchema("region")),
  year: optional(yearSchema),
  missingLimit: z.preprocess(emptyAsUnset, idSchema("missingLimit").max(5000, "missingLimit 不能超过 5000").default(100)),
});
