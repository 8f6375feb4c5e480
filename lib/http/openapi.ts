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

/**
 * Parameters several routes share, each defined once (components.parameters) and referenced by name: the paging pair,
 * and the peer-group choices of /compare and /rankings (figure, year, scope, level, kind, reportScope, format).
 */
const PARAMETERS = {
  page: query("page", { type: "integer", minimum: 1, default: 1 }, "页码，从 1 开始"),
  pageSize: query("pageSize", { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }, "每页条数"),
  figure: query("figure", { type: "string", enum: [...FIGURE_KEYS], default: "requestsReceived" }, "指标（见 /figures）"),
  year: query("year", { type: "integer", minimum: 2008 }, "年度；缺省为库中最新年度"),
  scope: query("scope", { type: "string", pattern: "^\\d{6}$" }, "范围：省、市或县的 6 位行政区划代码；缺省为全国"),
  level: query("level", { type: "string", enum: [...AGENCY_LEVELS, "all"] }, "同级比较：机关层级；all 为不限"),
  kind: query("kind", { type: "string", enum: [...AGENCY_KINDS, "all"] }, "同类比较：机关类别；all 为不限"),
  reportScope: query(
    "reportScope",
    { type: "string", enum: ["own", "summary", "all"], default: "own" },
    "报告口径：own 本机关报告，summary 汇总报告（全市/全县等），all 两者",
  ),
  format: query(
    "format",
    { type: "string", enum: ["json", "csv"], default: "json" },
    "csv：下载 UTF-8（带 BOM）CSV：整个结果（所有页，按表格顺序，忽略 page/pageSize），每行带年度、报告口径和地区路径；文件名写明视图，如 排名_县级人民政府_申请量_2024.csv（RFC 5987 filename*）",
  ),
} satisfies Record<string, Json>;

/** A reference to a shared parameter. */
const param = (name: keyof typeof PARAMETERS): Json => ({ $ref: `#/components/parameters/${name}` });
const PAGE_PARAMS = [param("page"), param("pageSize")];
const PEER_PARAMS = [param("figure"), param("year"), param("scope"), param("level"), param("kind"), param("reportScope"), param("format")];

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string): Json => ({ type: [type, "null"] });

/** Error answers, each defined once (components.responses). */
const RESPONSES = {
  BadRequest: {
    description: "参数有误，或有本接口不认识的参数（错误信息列出未知参数与可用参数）",
    content: { "application/json": { schema: ref("Error") } },
  },
  NotFound: { description: "不存在", content: { "application/json": { schema: ref("Error") } } },
} satisfies Record<string, Json>;
const BAD_REQUEST = { $ref: "#/components/responses/BadRequest" };
const NOT_FOUND = { $ref: "#/components/responses/NotFound" };

/**
 * A GET operation: its summary, parameters and 200 body; every route answers 400 for bad or unknown parameters, and a
 * route addressing one thing (`withNotFound`) answers 404 when it does not exist.
 */
function getOperation(summary: string, parameters: Json[], body: Json, description: string, withNotFound = false): Json {
  const responses: Json = { "200": { description, content: { "application/json": { schema: body } } }, "400": BAD_REQUEST };
  if (withNotFound) responses["404"] = NOT_FOUND;
  return { get: { summary, ...(parameters.length ? { parameters } : {}), responses } };
}

const pageOf = (item: string): Json => ({
  type: "object",
  required: ["items", "pagination"],
  properties: { items: { type: "array", items: ref(item) }, pagination: ref("Pagination") },
});

/** How the expected departments are counted (部门不在行政区划中). */
const DEPARTMENTS_EXPECTED = "自首次收录年度起计入";

/**
 * One coverage count (收录情况): how many bodies are expected (应发布) and how many collected (已收录), with the level
 * (1–4, or −1…−4 for departments of 省级…乡级 bodies) and its label when `byLevel`; `expected` describes the expected count.
 */
function coverageCount({ byLevel = false, expected }: { byLevel?: boolean; expected?: string } = {}): Json {
  return {
    type: "object",
    properties: {
      ...(byLevel ? { level: { type: "integer" }, label: { type: "string" } } : {}),
      expected: { type: "integer", ...(expected ? { description: expected } : {}) },
      collected: { type: "integer" },
    },
  };
}

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
      coverage: { ...coverageCount(), description: "该地区（含下级）应发布的政府数与当年已收录数" },
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
            governments: { type: "array", items: coverageCount({ byLevel: true }) },
            departments: coverageCount({ expected: DEPARTMENTS_EXPECTED }),
            departmentsByLevel: {
              type: "array",
              description: "按机关层级分的部门（省级部门 … 乡级部门），只含本地区及以下的层级",
              items: coverageCount({ byLevel: true, expected: DEPARTMENTS_EXPECTED }),
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
      "/regions": getOperation(
        "行政区划列表",
        [
          query("parent", { type: "string" }, "上级代码"),
          query("level", { type: "integer", enum: [1, 2, 3, 4] }, "1 省 2 市 3 县 4 乡"),
          query("q", { type: "string" }, "名称包含"),
          ...PAGE_PARAMS,
        ],
        pageOf("Region"),
        "行政区划",
      ),
      "/regions/{code}": getOperation(
        "一个行政区划及其上级链和下级",
        [path("code", { type: "string" }, "6 或 9 位代码")],
        ref("Region"),
        "行政区划",
        true,
      ),
      "/agencies": getOperation(
        "机关列表",
        [
          query("q", { type: "string" }, "名称（含曾用名）包含"),
          param("level"),
          param("kind"),
          query("region", { type: "string" }, "行政区划代码（省、市、县或乡）"),
          query("year", { type: "integer" }, "只列出有该年度报告的机关"),
          ...PAGE_PARAMS,
        ],
        pageOf("Agency"),
        "机关",
      ),
      "/agencies/{id}": getOperation(
        "一个机关、曾用名及各年报告的指标",
        [path("id", { type: "integer" }, "机关编号"), query("year", { type: "integer" }, "只列出该年度的报告版本")],
        ref("Agency"),
        "机关",
        true,
      ),
      "/reports": getOperation(
        "年报列表",
        [
          query("agency", { type: "integer" }, "机关编号"),
          query("year", { type: "integer" }, "年度"),
          query("latest", { type: "string", enum: ["1", "0"], default: "1" }, "1：只看最新版本"),
          ...PAGE_PARAMS,
        ],
        pageOf("ReportSummary"),
        "年报",
      ),
      "/reports/{id}": getOperation(
        "一份年报：统一 JSON（ogi-annual-report/v1）、来源定位（provenance）与核查结果（findings）",
        [path("id", { type: "integer" }, "报告编号")],
        ref("ReportSummary"),
        "年报全文数据",
        true,
      ),
      "/dataset": getOperation(
        "全部数据：每个机关每个年度的最新版本年报。返回文件列表、数据版本、许可和数据字典（figures.csv 每一列的中文名称、单位与定义，取自指标登记表）。随收录即时生成、不落盘；同一数据版本内容相同，响应带 ETag",
        [],
        {
          type: "object",
          properties: {
            reports: { type: "integer", description: "最新版本年报的份数" },
            dataVersion: { type: "string" },
            licence: { type: "object" },
            files: { type: "array", items: { type: "object" } },
            dictionary: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  name: { type: "string", description: "CSV 列名（中文）" },
                  field: { type: "string" },
                  unit: nullable("string"),
                  definition: { type: "string" },
                },
              },
            },
          },
        },
        "全部数据的说明与数据字典",
      ),
      "/dataset/{file}": {
        get: {
          summary:
            "全部数据的一个文件（流式下载）：figures.csv（每份最新年报一行，UTF-8 带 BOM）、documents.ndjson（每行一份规范化全文数据 ogi-annual-report/v1）或 dictionary.csv（数据字典）",
          parameters: [path("file", { type: "string", enum: ["figures.csv", "documents.ndjson", "dictionary.csv"] }, "文件名")],
          responses: {
            "200": {
              description: "文件（Content-Disposition 带中文文件名，RFC 5987）",
              content: { "text/csv": { schema: { type: "string" } }, "application/x-ndjson": { schema: { type: "string" } } },
            },
            "400": BAD_REQUEST,
            "404": NOT_FOUND,
          },
        },
      },
      "/figures": getOperation(
        "可比较、可排名的指标及其读法",
        [],
        { type: "object", properties: { items: { type: "array", items: ref("Figure") } } },
        "指标",
      ),
      "/compare": getOperation(
        "对比：范围内同级同类机关某年某指标，及所选机关（最多 " + MAX_COMPARED_AGENCIES + " 个）的历年走势",
        [
          ...PEER_PARAMS,
          query("sort", { type: "string", enum: ["value", "name"], default: "value" }, "表格排序"),
          query("dir", { type: "string", enum: ["desc", "asc"], default: "desc" }, "排序方向"),
          query("agencies", { type: "string" }, "逗号分隔的机关编号"),
          ...PAGE_PARAMS,
        ],
        {
          type: "object",
          properties: {
            items: { type: "array", items: ref("RankedRow") },
            bars: {
              type: "array",
              description: "图表的柱：填报该项的每个机关；超过 400 个时按名次均匀抽取 400 个",
              items: { type: "object" },
            },
            stated: { type: "integer", description: "填报了该项的机关数（图表柱所代表的总数）" },
            pagination: ref("Pagination"),
          },
        },
        "对比（format=csv 时为整个表格的 CSV 文件）",
      ),
      "/rankings": getOperation(
        "排名：并列同名次、百分位、同类数量；小样本与勾稽关系不符的报告默认排除。level 与 kind 都未给时为默认同类组：县级人民政府、本机关报告（与 /rankings 页面相同）；level=all、kind=all 为不限",
        [
          ...PEER_PARAMS,
          query("include", { type: "string", enum: ["1", "0"], default: "0" }, "1：纳入小样本和勾稽关系不符的报告"),
          query("order", { type: "string", enum: ["desc", "asc"], default: "desc" }, "desc：数值高者第一"),
          query("highlight", { type: "integer" }, "定位到该机关所在页"),
          ...PAGE_PARAMS,
        ],
        {
          type: "object",
          properties: {
            peerGroup: {
              type: "object",
              description: "实际使用的同类组（含默认值）",
              properties: { level: nullable("string"), kind: nullable("string"), scope: { type: ["object", "null"] } },
            },
            peers: { type: "integer" },
            leftOut: {
              type: "object",
              description: "未参与排名的报告数：未填报、样本较小、勾稽关系不符（纳入时为 0）、无办结（比率 0/0）",
              properties: {
                notReported: { type: "integer" },
                smallSample: { type: "integer" },
                identityFailed: { type: "integer" },
                noneHandled: { type: "integer" },
              },
            },
            items: { type: "array", items: ref("RankedRow") },
            pagination: ref("Pagination"),
          },
        },
        "排名（format=csv 时为整个排名的 CSV 文件）",
      ),
      "/region-comparison": getOperation(
        "地区比较：各省、某省的各地市或某地市的各县区；有汇总报告取汇总报告，否则为本机关报告之和（注明 N 个机关与收录情况），二者不混合，汇总报告不与其下级相加；比率由分子、分母之和重新计算",
        [
          query("figure", { type: "string", enum: [...REGION_FIGURE_KEYS], default: "requestsReceived" }, "指标"),
          param("year"),
          query("parent", { type: "string", pattern: "^\\d{6}$" }, "上级地区（省或市的 6 位代码）；缺省为全国各省"),
          query("format", { type: "string", enum: ["json", "csv"], default: "json" }, "csv：下载 CSV（每行带年度、报告口径和地区路径）"),
        ],
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
      "/coverage": getOperation(
        "收录情况：按年度列出应发布（行政区划中的各级人民政府、行政公署、街道办事处、管委会；部门自首次收录起计入）与已收录数量，及所选年度未收录的政府名单。未收录不等于未发布",
        [
          query("region", { type: "string", pattern: "^\\d{6}$" }, "地区代码；缺省为全国"),
          param("year"),
          query("missingLimit", { type: "integer", minimum: 1, maximum: 5000, default: 100 }, "每个层级最多列出的未收录政府数"),
        ],
        ref("Coverage"),
        "收录情况",
        true,
      ),
    },
    components: { schemas: SCHEMAS, parameters: PARAMETERS, responses: RESPONSES },
  };
}
