// Read-API and page fuzz (issue 12): boundary and random values for every query parameter of every /api/v1 route and
// page, and for their path segments. Nothing may answer 5xx; a refused value gets a 4xx with a JSON error (API) that
// names the parameter. Runs after the samples are loaded (ids 1…5 exist), so valid-looking values reach the database.
import { expect, test, type APIRequestContext } from "@playwright/test";

/** Values that broke or could break a parser, a zod schema, a SQL cast or PostgreSQL (NUL, int4 overflow). */
const BOUNDARY = [
  "",
  "0",
  "-1",
  "1",
  "2",
  "01",
  "1.5",
  "1e3",
  "1e309",
  "-0",
  "NaN",
  "Infinity",
  "0x10",
  " 1",
  "1 ",
  "+1",
  "2147483647",
  "2147483648",
  "4294967296",
  "9007199254740993",
  "99999999999999999999999",
  "2008",
  "2007",
  "2100",
  "2101",
  "110000",
  "320000",
  "320804",
  "999999",
  "320804000",
  "１２",
  "a\u0000b",
  "\u0000",
  "\u0001",
  "\u007f",
  "\ud800",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%",
  "%25",
  "😀",
  "𠀀",
  "鄂托克旗",
  "1,2,3",
  "1,,2",
  ",",
  "1,2,3,4,5,6,7,8,9,10,11",
  "1,2147483648",
  "csv",
  "json",
  "asc",
  "desc",
  "x".repeat(5000),
  "true",
  "on",
];

/** Each route and page with the parameters it reads, plus one it does not (unknown parameters are ignored). */
const PAGINATION = ["page", "pageSize"];
const PEER = ["figure", "year", "scope", "level", "kind", ...PAGINATION];
const ROUTES: Record<string, string[]> = {
  "/api/v1/agencies": ["q", "level", "kind", "region", ...PAGINATION, "bogus"],
  "/api/v1/reports": ["agency", "year", "latest", ...PAGINATION],
  "/api/v1/regions": ["parent", "level", "q", ...PAGINATION],
  "/api/v1/rankings": [...PEER, "include", "order", "highlight", "format"],
  "/api/v1/compare": [...PEER, "sort", "dir", "agencies", "format"],
  "/api/v1/figures": ["figure", "bogus"],
  "/api/v1/agencies/1": ["year", "bogus"],
  "/api/v1/reports/1": ["format", "bogus"],
  "/api/v1/regions/150000": ["year", "figure", "bogus"],
};
const PAGES: Record<string, string[]> = {
  "/": ["q", "page", "bogus"],
  "/rankings": [...PEER, "include", "order", "highlight"],
  "/compare": [...PEER, "sort", "dir", "agencies"],
  "/agencies/1": ["year", "version", "bogus"],
  "/agencies/1/source": ["year", "version", "bogus"],
  "/regions/150000": ["year", "figure", "bogus"],
};
const PATH_ROUTES = [
  "/api/v1/agencies/",
  "/api/v1/reports/",
  "/api/v1/regions/",
  "/agencies/",
  "/regions/",
  "/agencies/ID/download",
  "/agencies/ID/source",
];

/** mulberry32: a seeded PRNG, so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(rand: () => number): string {
  const kind = Math.floor(rand() * 4);
  if (kind === 0) return BOUNDARY[Math.floor(rand() * BOUNDARY.length)]!;
  if (kind === 1) return String(Math.floor((rand() - 0.3) * 10 ** Math.floor(rand() * 22)));
  if (kind === 2)
    return Array.from({ length: 1 + Math.floor(rand() * 30) }, () => String.fromCodePoint(Math.floor(rand() * 0x2ffff))).join("");
  return Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Math.floor(rand() * 3e9)).join(",");
}

type Failure = { url: string; status: number; body: string };

async function probe(request: APIRequestContext, url: string, failures: Failure[]): Promise<void> {
  const res = await request.get(url, { maxRedirects: 0, timeout: 30_000 });
  const status = res.status();
  if (status >= 500) failures.push({ url, status, body: (await res.text()).slice(0, 300) });
  else if (url.startsWith("/api/") && status >= 400) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!body?.error?.code || !body.error.message) failures.push({ url, status, body: "4xx without a JSON error body" });
  }
}

const withParam = (path: string, name: string, value: string): string => `${path}?${new URLSearchParams({ [name]: value })}`;

/** Probes every URL, `inFlight` at a time. */
async function probeAll(request: APIRequestContext, urls: string[], inFlight = 6): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < urls.length) await probe(request, urls[next++]!, failures);
    }),
  );
  return failures;
}

const everyParam = (routes: Record<string, string[]>, values: string[]): string[] =>
  Object.entries(routes).flatMap(([path, names]) => names.flatMap((name) => values.map((v) => withParam(path, name, v))));

test.describe.configure({ mode: "serial" });

test("every /api/v1 route: every parameter × boundary values → no 5xx, 4xx with a JSON error", async ({ request }) => {
  test.setTimeout(300_000);
  expect(await probeAll(request, everyParam(ROUTES, BOUNDARY))).toEqual([]);
});

test("every page: every parameter × boundary values → no 5xx", async ({ request }) => {
  test.setTimeout(300_000);
  const values = BOUNDARY.filter((_, i) => i % 3 === 0).concat(["a\u0000b", "2147483648", "9007199254740993", "1,2147483648"]);
  expect(await probeAll(request, everyParam(PAGES, values))).toEqual([]);
});

test("path segments (ids, region codes) with boundary values → no 5xx", async ({ request }) => {
  test.setTimeout(120_000);
  const encode = (v: string): string | null => {
    try {
      return encodeURIComponent(v);
    } catch {
      return null; // a lone surrogate cannot be a URL path (the query tests send it as U+FFFD)
    }
  };
  const segments = BOUNDARY.filter((v) => v !== "" && v.length < 100)
    .map(encode)
    .filter((s): s is string => s !== null);
  const urls = PATH_ROUTES.flatMap((base) => segments.map((s) => (base.includes("ID") ? base.replace("ID", s) : base + s)));
  expect(await probeAll(request, urls)).toEqual([]);
});

test("random combinations of parameters (seeded) on every route and page → no 5xx", async ({ request }) => {
  test.setTimeout(300_000);
  const rand = prng(20261202);
  const urls: string[] = [];
  for (const [path, names] of Object.entries({ ...ROUTES, ...PAGES })) {
    for (let i = 0; i < 25; i++) {
      const params = new URLSearchParams();
      const n = 1 + Math.floor(rand() * 5);
      for (let k = 0; k < n; k++) params.append(names[Math.floor(rand() * names.length)]!, randomValue(rand));
      urls.push(`${path}?${params}`);
    }
  }
  expect(await probeAll(request, urls)).toEqual([]);
});
