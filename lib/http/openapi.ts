/**
 * The OpenAPI 3.1 description of the public read API (/api/v1), served at /api/v1/openapi.json.
 * Parameter lists mirror lib/http/params.ts; enums are taken from the same constants so they cannot drift.
 */
import { DEFAULT_PAGE_SIZE, MAX_COMPARED_AGENCIES, MAX_PAGE_SIZE } from "@/lib/http/params";
import { AGENCY_KINDS, AGENCY_LEVELS } from "@/lib/regions/agency-identity";
import { FIGURE_KEYS } from "@/lib/figures/figures";
import { REGION_FIGURE_KEYS } from "@/lib/figures/region-figures";

type Json = Record<string, unknown>;

const query = (name: string, schema: Json, description: string): Json => ({ name, in: "query", required: false, schema, description });
const path = (name: string, schema: Json, description: string): Json => ({ name, in: "path", required: true, schema, description });

const PAGE_PARAMS = [
  query("page", { type: "integer", minimum: 1, default: 1 }, "页码，从 1 开始"),
  query("pageSize", { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }, "每页条数"),
];

const PEER_PARAMS = [
  query("figure", { type: "string", enum: [...FIGURE_KEYS], default: "requestsReceived" }, "指标（见 /figures）"),
  query("year", { type: "integer", minimum: 2008 }, "年度；缺省为库中最新年度"),
  query("scope", { type: "string", pattern: "^\\d{6}$" }, "范围：省、市或县的 6 位行政区划代码；缺省为全国"),
  query("level", { type: "string", enum: [...AGENCY_LEVELS] }, "同级比较：机关层级"),
  query("kind", { type: "string", enum: [...AGENCY_KINDS] }, "同类比较：机关类别"),
  query(
    "format",
    { type: "string", enum: ["json", "csv"], default: "json" },
    "csv：下载 UTF-8（带 BOM）CSV：整个结果（所有页，按表格顺序，忽略 page/pageSize），每行带年度、报告口径和地区路径；文件名写明视图，如 排名_县级人民政府_申请量_2024.csv（RFC 5987 filename*）",
  ),
];

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string): Json => ({ type: [type, "null"] });

const ok = (schema: Json, description: string): Json => ({
  description,
  content: { "application/json": { schema } },
});
const ERRORS = {
  "400": {
    description: "参数有误，或有本接口不认识的参数（错误信息列出未知参数与可用参数）",
    content: { "application/json": { schema: ref("Error") } },
  },
  "404": { description: "不存在", content: { "application/json": { schema: ref("Error") } } },
};

const pageOf = (item: string): Json => ({
  type: "object",
  required: ["items", "pagination"],
  properties: { items: { type: "array", items: ref(item) }, pagination: ref("Pagination") },
});

const SCHEMAS: Json = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } },
    },
  },
  Pagination: {
    type: "object",
    properties: { page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" }, totalPages: { type: "integer" } },
  },
  Region: {
    type: "object",
    properties: {
      code: { type: "string" },
      name: { type: "string" },
      level: { type: "integer", enum: [1, 2, 3, 4] },
      parentCode: nullable("string"),
    },
  },
  Agency: {
    type: "object",
    properties: {
      id: { type: "integer" },
      name: { type: "string" },
      regionCode: nullable("string"),
      level: { type: "string" },
      kind: { type: "string" },
      provinceCode: nullable("string"),
      prefectureCode: nullable("string"),
      regionNames: { type: "array", items: { type: "string" }, description: "从省到本级的地名，如 [江苏省, 淮安市, 洪泽区]" },
      regionPath: { ...nullable("string"), description: "地名路径，如 江苏省 › 淮安市 › 洪泽区（区分同名机关）" },
    },
  },
  ReportSummary: {
    type: "object",
    properties: {
      id: { type: "integer" },
      agencyId: { type: "integer" },
      year: { type: "integer" },
      version: { type: "integer" },
      isLatest: { type: "boolean" },
      templateVersion: { type: "string", enum: ["2021", "2019"] },
      publishedOn: nullable("string"),
      identitiesOk: { type: "boolean" },
      errorCount: { type: "integer" },
      warningCount: { type: "integer" },
      ingestedAt: { type: "string", format: "date-time" },
      figures: {
        type: "object",
        description: "指标值；比率为 0–1 的小数；null 表示未填报或无定义",
        additionalProperties: nullable("number"),
      },
    },
  },
  Figure: {
    type: "object",
    properties: {
      key: { type: "string", enum: [...FIGURE_KEYS] },
      label: { type: "string" },
      unit: { type: "string" },
      isRate: { type: "boolean" },
      guide: { type: "string" },
      smallSampleThreshold: nullable("integer"),
    },
  },
  RankedRow: {
    type: "object",
    properties: {
      rank: { type: ["integer", "null"], description: "并列同名次（竞赛排名：1, 2, 2, 4）" },
      percentile: { type: "number", description: "0–100：领先于多少比例的其他同类机关" },
      agencyId: { type: "integer" },
      agencyName: { type: "string" },
      regionCode: nullable("string"),
      level: { type: "string" },
      kind: { type: "string" },
      reportId: { type: "integer" },
      value: nullable("number"),
      numerator: nullable("number"),
      denominator: nullable("number"),
      isSmallSample: { type: "boolean" },
      identitiesOk: { type: "boolean" },
    },
  },
  RegionComparisonRow: {
    type: "object",
    properties: {
      code: { type: "string" },
      name: { type: "string" },
      source: {
        type: "string",
        enum: ["summary", "sum", "none"],
        description: "summary：该地区政府的汇总报告；sum：本机关报告之和（不含任何汇总报告）；none：无数据",
      },
      sourceLabel: { type: "string", description: "汇总报告（…）/ 合计（N 个机关）/ 无数据" },
      value: { ...nullable("number"), description: "比率为 0–1 的小数，由分子之和除以分母之和重新计算（不平均）；0/0 为 null（无办结）" },
      numerator: nullable("number"),
      denominator: nullable("number"),
      isSmallSample: { type: "boolean", description: "比率的分母为 1–9" },
      summary: {
        type: ["object", "null"],
        properties: { reportId: { type: "integer" }, agencyId: { type: "integer" }, agencyName: { type: "string" } },
      },
      reports: { type: "integer", description: "合计所含的本机关报告数（填报了该指标的）" },
      coverage: {
        type: "object",
        properties: { expected: { type: "integer" }, collected: { type: "integer" } },
        description: "该地区（含下级）应发布的政府数与当年已收录数",
      },
      rank: nullable("integer"),
    },
  },
  Coverage: {
    type: "object",
    properties: {
      region: nullable("string"),
      year: { type: "integer" },
      note: { type: "string" },
      years: {
        type: "array",
        items: {
          type: "object",
          properties: {
            year: { type: "integer" },
            governments: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  level: { type: "integer" },
                  label: { type: "string" },
                  expected: { type: "integer" },
                  collected: { type: "integer" },
                },
              },
            },
            departments: {
              type: "object",
              properties: { expected: { type: "integer", description: "自首次收录年度起计入" }, collected: { type: "integer" } },
            },
          },
        },
      },
      missing: {
        type: "array",
        items: {
          type: "object",
          properties: {
            level: { type: "integer" },
            label: { type: "string" },
            total: { type: "integer" },
            bodies: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  regionCode: { type: "string" },
                  regionName: { type: "string" },
                  level: { type: "integer" },
                  name: { type: "string" },
                  kind: { type: "string" },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document. */
export function buildOpenApiDocument(serverUrl = "/api/v1"): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "政府信息公开年报数据 公开接口",
      version: "1.0.0",
      description:
        "只读接口：行政区划、机关、年报（统一 JSON、来源定位与核查结果）、指标、对比与排名。与网页使用同一套查询，数字一致。GET 开放跨域。",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/regions": {
        get: {
          summary: "行政区划列表",
          parameters: [
            query("parent", { type: "string" }, "上级代码"),
            query("level", { type: "integer", enum: [1, 2, 3, 4] }, "1 省 2 市 3 县 4 乡"),
            query("q", { type: "string" }, "名称包含"),
            ...PAGE_PARAMS,
          ],
          responses: { "200": ok(pageOf("Region"), "行政区划"), "400": ERRORS["400"] },
        },
      },
      "/regions/{code}": {
        get: {
          summary: "一个行政区划及其上级链和下级",
          parameters: [path("code", { type: "string" }, "6 或 9 位代码")],
          responses: { "200": ok(ref("Region"), "行政区划"), ...ERRORS },
        },
      },
      "/agencies": {
        get: {
          summary: "机关列表",
          parameters: [
            query("q", { type: "string" }, "名称（含曾用名）包含"),
            PEER_PARAMS[3],
            PEER_PARAMS[4],
            query("region", { type: "string" }, "行政区划代码（省、市、县或乡）"),
            query("year", { type: "integer" }, "只列出有该年度报告的机关"),
            ...PAGE_PARAMS,
          ],
          responses: { "200": ok(pageOf("Agency"), "机关"), "400": ERRORS["400"] },
        },
      },
      "/agencies/{id}": {
        get: {
          summary: "一个机关、曾用名及各年报告的指标",
          parameters: [path("id", { type: "integer" }, "机关编号"), query("year", { type: "integer" }, "只列出该年度的报告版本")],
          responses: { "200": ok(ref("Agency"), "机关"), ...ERRORS },
        },
      },
      "/reports": {
        get: {
          summary: "年报列表",
          parameters: [
            query("agency", { type: "integer" }, "机关编号"),
            query("year", { type: "integer" }, "年度"),
            query("latest", { type: "string", enum: ["1", "0"], default: "1" }, "1：只看最新版本"),
            ...PAGE_PARAMS,
          ],
          responses: { "200": ok(pageOf("ReportSummary"), "年报"), "400": ERRORS["400"] },
        },
      },
      "/reports/{id}": {
        get: {
          summary: "一份年报：统一 JSON（ogi-annual-report/v1）、来源定位（provenance）与核查结果（findings）",
          parameters: [path("id", { type: "integer" }, "报告编号")],
          responses: { "200": ok(ref("ReportSummary"), "年报全文数据"), ...ERRORS },
        },
      },
      "/figures": {
        get: {
          summary: "可比较、可排名的指标及其读法",
          responses: { "200": ok({ type: "object", properties: { items: { type: "array", items: ref("Figure") } } }, "指标") },
        },
      },
      "/compare": {
        get: {
          summary: "对比：范围内同级同类机关某年某指标，及所选机关（最多 " + MAX_COMPARED_AGENCIES + " 个）的历年走势",
          parameters: [
            ...PEER_PARAMS,
            query("sort", { type: "string", enum: ["value", "name"], default: "value" }, "表格排序"),
            query("dir", { type: "string", enum: ["desc", "asc"], default: "desc" }, "排序方向"),
            query("agencies", { type: "string" }, "逗号分隔的机关编号"),
            ...PAGE_PARAMS,
          ],
          responses: {
            "200": ok(
              { type: "object", properties: { items: { type: "array", items: ref("RankedRow") }, pagination: ref("Pagination") } },
              "对比（format=csv 时为整个表格的 CSV 文件）",
            ),
            "400": ERRORS["400"],
          },
        },
      },
      "/rankings": {
        get: {
          summary: "排名：并列同名次、百分位、同类数量；小样本与勾稽关系不符的报告默认排除",
          parameters: [
            ...PEER_PARAMS,
            query("include", { type: "string", enum: ["1", "0"], default: "0" }, "1：纳入小样本和勾稽关系不符的报告"),
            query("order", { type: "string", enum: ["desc", "asc"], default: "desc" }, "desc：数值高者第一"),
            query("highlight", { type: "integer" }, "定位到该机关所在页"),
            ...PAGE_PARAMS,
          ],
          responses: {
            "200": ok(
              {
                type: "object",
                properties: {
                  peers: { type: "integer" },
                  items: { type: "array", items: ref("RankedRow") },
                  pagination: ref("Pagination"),
                },
              },
              "排名（format=csv 时为整个排名的 CSV 文件）",
            ),
            "400": ERRORS["400"],
          },
        },
      },
      "/region-comparison": {
        get: {
          summary:
            "地区比较：各省、某省的各地市或某地市的各县区；有汇总报告取汇总报告，否则为本机关报告之和（注明 N 个机关与收录情况），二者不混合，汇总报告不与其下级相加；比率由分子、分母之和重新计算",
          parameters: [
            query("figure", { type: "string", enum: [...REGION_FIGURE_KEYS], default: "requestsReceived" }, "指标"),
            PEER_PARAMS[1],
            query("parent", { type: "string", pattern: "^\\d{6}$" }, "上级地区（省或市的 6 位代码）；缺省为全国各省"),
            query("format", { type: "string", enum: ["json", "csv"], default: "json" }, "csv：下载 CSV（每行带年度、报告口径和地区路径）"),
          ],
          responses: {
            "200": ok(
              {
                type: "object",
                properties: {
                  figure: { type: "string" },
                  year: nullable("integer"),
                  parent: { type: ["object", "null"] },
                  items: { type: "array", items: ref("RegionComparisonRow") },
                },
              },
              "地区比较（format=csv 时为 CSV 文件）",
            ),
            "400": ERRORS["400"],
          },
        },
      },
      "/coverage": {
        get: {
          summary:
            "收录情况：按年度列出应发布（行政区划中的各级人民政府、行政公署、街道办事处、管委会；部门自首次收录起计入）与已收录数量，及所选年度未收录的政府名单。未收录不等于未发布",
          parameters: [
            query("region", { type: "string", pattern: "^\\d{6}$" }, "地区代码；缺省为全国"),
            PEER_PARAMS[1],
            query("missingLimit", { type: "integer", minimum: 1, maximum: 5000, default: 100 }, "每个层级最多列出的未收录政府数"),
          ],
          responses: { "200": ok(ref("Coverage"), "收录情况"), ...ERRORS },
        },
      },
    },
    components: { schemas: SCHEMAS },
  };
}
