import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { readReportVersion } from "./report-version";

const read = (id: string, query: string) =>
  readReportVersion(new NextRequest(`http://x/agencies/${id}/source${query}`), Promise.resolve({ id }));

describe("readReportVersion", () => {
  it("reads the agency id, the year and an optional version", async () => {
    expect(await read("12", "?year=2024&version=3")).toEqual({ agencyId: 12, year: 2024, version: 3 });
    expect(await read("12", "?year=2024")).toEqual({ agencyId: 12, year: 2024, version: undefined });
    expect(await read("12", "?year=2024&version=x")).toEqual({ agencyId: 12, year: 2024, version: undefined });
  });

  it("answers 400 with a message a person understands when the id or the year is missing or malformed", async () => {
    for (const [id, query] of [
      ["12", ""],
      ["abc", "?year=2024"],
      ["12", "?year=2024.5"],
      ["0", "?year=2024"],
      ["1234567890", "?year=2024"],
    ] as const) {
      const answer = await read(id, query);
      expect(answer).toBeInstanceOf(NextResponse);
      const response = answer as NextResponse;
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "bad-request", message: "请指定机关编号和年度（?year=2025）" } });
    }
  });
});
