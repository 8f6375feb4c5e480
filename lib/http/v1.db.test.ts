/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON answers of ten routes are asserted field by field */
/**
 * Contract tests of every /api/v1 route, against a throw-away PostgreSQL database holding the seed reports plus
 * three made-up county reports (a tie, a failed identity check). The route handlers are called directly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocuments, readSeedDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import type { CanonicalReport } from "@/lib/report/types";

let t: TestDatabase;
const ids: Record<string, number> = {};
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
let routes: Record<string, { GET: Handler; OPTIONS?: () => Response }> = {};

/** A copy of a document for another county, with another 申请量. */
function variant(
  doc: CanonicalReport,
  { name, regionCode, received }: { name: string; regionCode: string; received: number },
): CanonicalReport {
  const copy = structuredClone(doc);
  copy.agency = { name, regionCode };
  copy.requests.newReceived[6] = received;
  return copy;
}

async function get(route: string, query = "", params: Record<string, string> = {}): Promise<{ status: number; body: any; res: Response }> {
  const res = await routes[route]!.GET(new Request(`http://localhost/api/v1/${route}?${query}`), { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const isJson = res.headers.get("content-type")?.includes("application/json");
  return { status: res.status, body: isJson ? JSON.parse(text) : text, res };
}

beforeAll(async () => {
  t = await createTestDatabase("postgres", "compare_test");
  process.env.DATABASE_URL = t.url!;
  const seeds = readSeedDocuments();
  const ordos = seeds.find((d) => d.agency.name === "鄂托克旗人民政府" && d.year === 2025)!;
  await loadDocuments(t.db, [...seeds, variant(ordos, { name: "杭锦旗人民政府", regionCode: "150625", received: 72 })]);
  await loadDocuments(t.db, [variant(ordos, { name: "乌审旗人民政府", regionCode: "150626", received: 100 })], { identitiesOk: false });
  for (const a of await t.db.agency.findMany({ select: { id: true, name: true } })) ids[a.name] = a.id;
  routes = {
    rankings: await import("@/app/api/v1/rankings/route"),
    compare: await import("@/app/api/v1/compare/route"),
    regions: await import("@/app/api/v1/regions/route"),
    "regions/[code]": await import("@/app/api/v1/regions/[code]/route"),
    agencies: await import("@/app/api/v1/agencies/route"),
    "agencies/[id]": await import("@/app/api/v1/agencies/[id]/route"),
    reports: await import("@/app/api/v1/reports/route"),
    "reports/[id]": await import("@/app/api/v1/reports/[id]/route"),
    figures: await import("@/app/api/v1/figures/route"),
    "openapi.json": await import("@/app/api/v1/openapi.json/route"),
    "[...path]": await import("@/app/api/v1/[...path]/route"),
    dataset: await import("@/app/api/v1/dataset/route"),
    "dataset/[file]": await import("@/app/api/v1/dataset/[file]/route"),
  } as unknown as typeof routes;
});

afterAll(async () => {
  await t?.drop();
});

describe("GET /api/v1/rankings", () => {
  it("ranks 申请量 2025 with shared ranks and leaves out failed identity checks by default", async () => {
    const { status, body } = await get("rankings", "figure=requestsReceived&year=2025&level=all&kind=all");
    expect(status).toBe(200);
    const names = body.items.map((r: any) => `${r.rank}:${r.agencyName}:${r.value}`);
    expect(names.slice(0, 3)).toEqual(["1:杭锦旗人民政府:72", "1:鄂托克旗人民政府:72", "3:阿拉善盟行政公署办公室:7"]);
    expect(names).not.toContain("1:乌审旗人民政府:100");
    expect(body.leftOut.identityFailed).toBe(1);
    expect(body.peers).toBe(body.items.length);
    expect(body.items[0].percentile).toBeGreaterThan(body.items[2].percentile);
    expect(body.figure.label).toBe("申请量");
  });

  it("uses the page's default peer group (县级人民政府, own reports) when neither level nor kind is given", async () => {
    const { body } = await get("rankings", "figure=requestsReceived&year=2025");
    const all = await get("rankings", "figure=requestsReceived&year=2025&level=all&kind=all");
    expect(body.peerGroup).toMatchObject({ level: "县", kind: "人民政府" });
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((r: any) => r.level === "县" && r.kind === "人民政府")).toBe(true);
    expect(all.body.items.some((r: any) => r.kind !== "人民政府")).toBe(true);
    expect(all.body.peerGroup).toMatchObject({ level: "all", kind: "all" });
  });

  it("includes and marks them with include=1", async () => {
    const { body } = await get("rankings", "figure=requestsReceived&year=2025&include=1&level=all&kind=all");
    expect(body.items[0]).toMatchObject({ rank: 1, agencyName: "乌审旗人民政府", identitiesOk: false });
  });

  it("filters by level and scope", async () => {
    const { body } = await get("rankings", "year=2025&level=县&scope=150600");
    expect(body.items.map((r: any) => r.agencyName).sort()).toEqual(["杭锦旗人民政府", "鄂托克旗人民政府"].sort());
    expect(body.peerGroup).toEqual({ level: "县", kind: null, scope: { code: "150600", name: "鄂尔多斯市" } });
  });

  it("leaves small samples of a rate out by default and counts them", async () => {
    const { body } = await get("rankings", "figure=notHeldRate&year=2025&level=all&kind=all");
    expect(body.items.every((r: any) => r.denominator >= 10 && !r.isSmallSample)).toBe(true);
    expect(body.leftOut.smallSample).toBeGreaterThan(0);
    const all = await get("rankings", "figure=notHeldRate&year=2025&include=1&level=all&kind=all");
    expect(all.body.items.some((r: any) => r.isSmallSample)).toBe(true);
  });

  it("moves to the highlighted agency's page", async () => {
    const { body } = await get("rankings", `year=2025&level=all&kind=all&pageSize=1&highlight=${ids["额敏县人民政府"]}`);
    expect(body.highlighted.agencyId).toBe(ids["额敏县人民政府"]);
    expect(body.items[0].agencyName).toBe("额敏县人民政府");
    expect(body.pagination.page).toBe(body.highlighted.position);
  });

  it("downloads the same rows as CSV with a BOM", async () => {
    const json = await get("rankings", "year=2025&level=all&kind=all");
    const { status, body, res } = await get("rankings", "year=2025&level=all&kind=all&format=csv");
    expect(status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.trim().split("\r\n");
    expect(lines[0]).toContain("申请量（件）");
    expect(lines).toHaveLength(json.body.items.length + 1);
    json.body.items.forEach((item: any, i: number) => expect(lines[i + 1]).toContain(`${item.rank},`));
    json.body.items.forEach((item: any, i: number) => expect(lines[i + 1]).toContain(item.agencyName));
  });

  it("downloads every page as CSV, each row with its year, 报告口径 and region path, named after the view", async () => {
    const pages = [1, 2, 3].map((page) => get("rankings", `year=2025&level=县&pageSize=1&page=${page}`));
    const items = (await Promise.all(pages)).flatMap((p) => p.body.items);
    const { body, res } = await get("rankings", "year=2025&level=县&kind=人民政府&pageSize=1&page=2&format=csv");
    const [header, ...rows] = body.slice(1).trim().split("\r\n");
    expect(header.split(",").slice(0, 10)).toEqual([
      "名次",
      "百分位",
      "机关",
      "地区路径",
      "机关编号",
      "行政区划代码",
      "层级",
      "类别",
      "年度",
      "报告口径",
    ]);
    expect(rows.map((r: string) => r.split(",")[2])).toEqual(items.map((i: any) => i.agencyName));
    const ordos = rows.find((r: string) => r.includes("鄂托克旗人民政府"))!.split(",");
    expect(ordos.slice(3, 10)).toEqual([
      "内蒙古自治区 › 鄂尔多斯市 › 鄂托克旗",
      String(ids["鄂托克旗人民政府"]),
      "150624",
      "县",
      "人民政府",
      "2025",
      "本机关报告",
    ]);
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("排名_县级人民政府_申请量_2025.csv")}`);
    expect(disposition).toMatch(/filename="[\x20-\x7e]+\.csv"/);
  });

  it.each([
    ["figure=foo", "figure"],
    ["year=abc", "year"],
    ["year=1999", "year"],
    ["scope=999999", "scope"],
    ["level=镇", "level"],
    ["pageSize=100000", "pageSize"],
    ["include=maybe", "include"],
    ["format=xml", "format"],
  ])("answers 400 with a clear message for %s", async (query, name) => {
    const { status, body } = await get("rankings", query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad-request");
    expect(body.error.message).toContain(name);
  });

  it("is open to other origins", async () => {
    const { res } = await get("rankings", "year=2025");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const pre = routes.rankings!.OPTIONS!();
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("gives the numbers the pages show (the same lib/db call)", async () => {
    const { listRanking } = await import("@/lib/db/rankings");
    // the page's default peer group: county-level 人民政府, own reports
    const direct = await listRanking({
      figure: "requestsReceived",
      year: 2025,
      level: "县",
      kind: "人民政府",
      reportScope: "own",
      include: false,
      order: "desc",
      page: 1,
      pageSize: 100,
    });
    const { body } = await get("rankings", "year=2025");
    expect(body.items).toEqual(JSON.parse(JSON.stringify(direct.rows)));
  });
});

describe("GET /api/v1/compare", () => {
  it("lists every agency in scope with bars and the chosen agencies across years", async () => {
    const ordos = ids["鄂托克旗人民政府"]!;
    const { status, body } = await get("compare", `year=2025&sort=name&dir=asc&agencies=${ordos}`);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(6);
    expect(body.bars[0]).toMatchObject({ agencyName: "乌审旗人民政府", value: 100 });
    expect(body.series.filter((p: any) => p.agencyId === ordos).map((p: any) => [p.year, p.value])).toEqual([
      [2020, 2],
      [2025, 72],
    ]);
  });

  it("downloads CSV of the whole table (every page, in its order), named after the view", async () => {
    const { body, res } = await get("compare", "year=2025&format=csv&scope=150600&pageSize=1&sort=name&dir=desc");
    const rows = body.slice(1).trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(3);
    const json = await get("compare", "year=2025&scope=150600&pageSize=3&sort=name&dir=desc");
    expect(rows.map((r: string) => r.split(",")[1])).toEqual(json.body.items.map((i: any) => i.agencyName));
    expect(rows.every((r: string) => r.includes(",2025,本机关报告,"))).toBe(true);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("比较_鄂尔多斯市各层级机关_申请量_2025.csv"));
  });

  it.each([
    ["agencies=1,2,3,4,5,6,7,8,9,10,11", "agencies"],
    ["agencies=a,b", "agencies"],
    ["sort=size", "sort"],
    ["dir=up", "dir"],
  ])("answers 400 for %s", async (query, name) => {
    const { status, body } = await get("compare", query);
    expect(status).toBe(400);
    expect(body.error.message).toContain(name);
  });
});

describe("GET /api/v1/regions", () => {
  it("lists provinces and one region with its chain", async () => {
    const list = await get("regions", "level=1&pageSize=100");
    expect(list.body.pagination.total).toBe(31);
    const one = await get("regions/[code]", "", { code: "150624" });
    expect(one.status).toBe(200);
    expect(one.body.chain.map((r: any) => r.name)).toEqual(["内蒙古自治区", "鄂尔多斯市", "鄂托克旗"]);
  });

  it("answers 404 for an unknown code and 400 for a malformed one", async () => {
    expect((await get("regions/[code]", "", { code: "999999" })).status).toBe(404);
    expect((await get("regions/[code]", "", { code: "abc" })).status).toBe(400);
    expect((await get("regions", "level=9")).status).toBe(400);
  });
});

describe("GET /api/v1/agencies", () => {
  it("finds agencies by name and returns one with its reports", async () => {
    const list = await get("agencies", "q=鄂托克");
    expect(list.body.items.map((a: any) => a.name)).toEqual(["鄂托克旗人民政府"]);
    const one = await get("agencies/[id]", "", { id: String(ids["鄂托克旗人民政府"]) });
    expect(one.body.reports.map((r: any) => [r.year, r.figures.requestsReceived])).toEqual([
      [2025, 72],
      [2020, 2],
    ]);
  });

  it("answers 404 for an unknown id and 400 for a bad one", async () => {
    const missing = await get("agencies/[id]", "", { id: "999999" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not-found");
    expect((await get("agencies/[id]", "", { id: "abc" })).status).toBe(400);
    expect((await get("agencies", "kind=公司")).status).toBe(400);
  });
});

describe("GET /api/v1/dataset (the whole-dataset download)", () => {
  const latestCount = () => t.db.report.count({ where: { isLatest: true } });

  it("indexes every latest report, its files, licence and a dictionary derived from the figure registry", async () => {
    const { FIGURES } = await import("@/lib/figures/figures");
    const { status, body } = await get("dataset");
    expect(status).toBe(200);
    expect(body.reports).toBe(await latestCount());
    expect(body.dataVersion).toMatch(/^\d+$/);
    expect(body.licence.data).toBe("CC BY 4.0");
    expect(body.files.map((f: any) => f.href)).toEqual([
      "/api/v1/dataset/figures.csv",
      "/api/v1/dataset/documents.ndjson",
      "/api/v1/dataset/dictionary.csv",
    ]);
    const names = body.dictionary.map((c: any) => c.name);
    for (const f of FIGURES) expect(names).toContain(`${f.label}（${f.unit}）`);
    expect(body.dictionary.every((c: any) => c.name && c.definition && !/[a-z]{3,}/.test(c.name))).toBe(true);
    expect(body.dictionary.find((c: any) => c.field === "notHeld")).toMatchObject({
      unit: "件",
      definition: expect.stringContaining("不掌握信息率的分子"),
    });
  });

  it("streams figures.csv: one row per latest report, columns in dictionary order, a Chinese file name", async () => {
    const index = await get("dataset");
    const { status, body, res } = await get("dataset/[file]", "", { file: "figures.csv" });
    expect(status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("政府信息公开年报数据_全部年报数字.csv"));
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = body.slice(1).trim().split("\r\n");
    expect(header.split(",")).toEqual(index.body.dictionary.map((c: any) => c.name));
    expect(rows).toHaveLength(await latestCount());
    const col = (name: string) => header.split(",").indexOf(name);
    const ordos = rows
      .map((r: string) => r.split(","))
      .find((c: string[]) => c[col("机关")] === "鄂托克旗人民政府" && c[col("年度")] === "2025")!;
    expect(ordos[col("申请量（件）")]).toBe("72");
    expect(ordos[col("地区路径")]).toBe("内蒙古自治区 › 鄂尔多斯市 › 鄂托克旗");
    expect(ordos[col("报告口径")]).toBe("本机关报告");
    const failed = rows.map((r: string) => r.split(",")).find((c: string[]) => c[col("机关")] === "乌审旗人民政府")!;
    expect(failed[col("勾稽关系通过")]).toBe("否");
  });

  it("streams documents.ndjson: one canonical document per latest report", async () => {
    const { status, body, res } = await get("dataset/[file]", "", { file: "documents.ndjson" });
    expect(status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = body
      .trim()
      .split("\n")
      .map((l: string) => JSON.parse(l));
    expect(lines).toHaveLength(await latestCount());
    const ordos = lines.find((l: any) => l.agencyName === "鄂托克旗人民政府" && l.year === 2025);
    expect(ordos).toMatchObject({ scope: "own", regionPath: "内蒙古自治区 › 鄂尔多斯市 › 鄂托克旗" });
    expect(ordos.document.requests.newReceived[6]).toBe(72);
  });

  it("serves the dictionary as CSV", async () => {
    const index = await get("dataset");
    const { body } = await get("dataset/[file]", "", { file: "dictionary.csv" });
    const lines = body.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("列名,字段,单位,定义");
    expect(lines).toHaveLength(index.body.dictionary.length + 1);
  });

  it("answers 404 for an unknown file and 400 for any query parameter", async () => {
    const missing = await get("dataset/[file]", "", { file: "everything.zip" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain("figures.csv");
    for (const [route, params] of [
      ["dataset", {}],
      ["dataset/[file]", { file: "figures.csv" }],
    ] as const) {
      const bad = await get(route, "year=2024", params);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("year");
    }
  });
});

describe("agencies carry their region path; year filters", () => {
  it("lists region path names with each agency, and filters by year", async () => {
    const list = await get("agencies", "q=鄂托克");
    expect(list.body.items[0]).toMatchObject({
      regionNames: ["内蒙古自治区", "鄂尔多斯市", "鄂托克旗"],
      regionPath: "内蒙古自治区 › 鄂尔多斯市 › 鄂托克旗",
    });
    const in2020 = await get("agencies", "year=2020");
    expect(in2020.body.items.map((a: any) => a.name)).toEqual(["鄂托克旗人民政府"]);
    const one = await get("agencies/[id]", "year=2020", { id: String(ids["鄂托克旗人民政府"]) });
    expect(one.body.regionPath).toBe("内蒙古自治区 › 鄂尔多斯市 › 鄂托克旗");
    expect(one.body.reports.map((r: any) => r.year)).toEqual([2020]);
  });
});

describe("unknown parameters and paths", () => {
  it("answers 400 naming every unknown query parameter, on every route", async () => {
    const cases: [string, string, Record<string, string>][] = [
      ["rankings", "province=150000&year=2025", {}],
      ["compare", "province=150000", {}],
      ["regions", "province=150000", {}],
      ["agencies", "province=150000", {}],
      ["agencies/[id]", "province=150000", { id: String(ids["鄂托克旗人民政府"]) }],
      ["reports", "province=150000", {}],
      ["reports/[id]", "province=150000", { id: "1" }],
      ["regions/[code]", "province=150000", { code: "150000" }],
      ["figures", "province=150000", {}],
      ["openapi.json", "province=150000", {}],
    ];
    for (const [route, query, params] of cases) {
      const { status, body } = await get(route, query, params);
      expect(status, route).toBe(400);
      expect(body.error.code, route).toBe("bad-request");
      expect(body.error.message, route).toContain("未知的参数：province");
    }
    const two = await get("rankings", "foo=1&bar=2&figure=requestsReceived");
    expect(two.body.error.message).toContain("foo、bar");
    expect(two.body.error.message).toContain("可用的参数：figure");
    expect((await get("rankings", "format=csv&year=2025")).status).toBe(200);
  });

  it("answers an unknown /api/v1 path with a JSON 404", async () => {
    const res = await routes["[...path]"]!.GET(new Request("http://localhost/api/v1/nothing/here"), { params: Promise.resolve({}) });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as any;
    expect(body.error.code).toBe("not-found");
    expect(body.error.message).toContain("/api/v1/nothing/here");
  });
});

describe("GET /api/v1/reports", () => {
  it("lists reports and returns one with canonical JSON, provenance and findings", async () => {
    const list = await get("reports", `agency=${ids["鄂托克旗人民政府"]}`);
    expect(list.body.pagination.total).toBe(2);
    const id = list.body.items[0].id;
    const one = await get("reports/[id]", "", { id: String(id) });
    expect(one.body.document.schema).toBe("ogi-annual-report/v1");
    expect(one.body).toHaveProperty("provenance");
    expect(Array.isArray(one.body.findings)).toBe(true);
    expect(one.body.figures.requestsReceived).toBe(72);
  });

  it("answers 404 for an unknown id and 400 for bad parameters", async () => {
    expect((await get("reports/[id]", "", { id: "424242" })).status).toBe(404);
    expect((await get("reports/[id]", "", { id: "-1" })).status).toBe(400);
    expect((await get("reports", "year=abc")).status).toBe(400);
    expect((await get("reports", "latest=sometimes")).status).toBe(400);
  });
});

describe("GET /api/v1/figures and /api/v1/openapi.json", () => {
  it("lists the nine figures with their reading guides", async () => {
    const { body } = await get("figures");
    expect(body.items).toHaveLength(9);
    expect(body.items.find((f: any) => f.key === "notHeldRate")).toMatchObject({
      label: "不掌握信息率",
      isRate: true,
      smallSampleThreshold: 10,
    });
  });

  it("describes every route in OpenAPI 3.1", async () => {
    const { body } = await get("openapi.json");
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        "/agencies",
        "/agencies/{id}",
        "/compare",
        "/coverage",
        "/dataset",
        "/dataset/{file}",
        "/figures",
        "/rankings",
        "/region-comparison",
        "/regions",
        "/regions/{code}",
        "/reports",
        "/reports/{id}",
      ].sort(),
    );
  });
});
