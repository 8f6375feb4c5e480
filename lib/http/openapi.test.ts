import { describe, expect, it } from "vitest";
import { AGENCY_LEVELS } from "@/lib/regions/agency-identity";
import { buildOpenApiDocument } from "./openapi";

type Json = Record<string, unknown>;

/** Every `$ref` string in the document. */
function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsOf(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsOf(v, out);
    }
  return out;
}

/** Follows a local reference (#/components/…). */
function resolve(doc: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), doc);
}

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument();
  const paths = doc.paths as Record<string, { get: { parameters?: Json[]; responses: Json } }>;
  const parametersOf = (route: string) =>
    (paths[route]!.get.parameters ?? []).map((p) => (typeof p.$ref === "string" ? (resolve(doc, p.$ref) as Json) : p));

  it("resolves every shared parameter, response and schema it references", () => {
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(doc, ref), ref).toBeTruthy();
  });

  it("gives /compare and /rankings the same peer-group parameters, and /agencies the same level and kind", () => {
    const names = (route: string) => parametersOf(route).map((p) => p.name);
    for (const name of ["figure", "year", "scope", "level", "kind", "reportScope", "format", "page", "pageSize"]) {
      expect(names("/compare"), name).toContain(name);
      expect(names("/rankings"), name).toContain(name);
    }
    const level = parametersOf("/agencies").find((p) => p.name === "level");
    expect(level?.schema).toEqual({ type: "string", enum: [...AGENCY_LEVELS, "all"] });
  });

  it("documents a 400 on every route and a 404 on the routes that address one thing", () => {
    for (const [route, { get }] of Object.entries(paths)) {
      expect(get.responses["400"], route).toBeDefined();
      expect(get.responses["404"] !== undefined, route).toBe(route.includes("{") || route === "/coverage");
    }
  });
});
