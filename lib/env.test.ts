import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("treats empty strings as unset and applies defaults", () => {
    const env = parseEnv({ DATABASE_URL: "", INGEST_TOKEN: "", PORT: "", PGLITE_DIR: "" });
    expect(env).toMatchObject({
      DATABASE_URL: undefined,
      INGEST_TOKEN: undefined,
      PORT: 3000,
      PGLITE_DIR: "./data/db",
      INGEST_MAX_BYTES: 10 * 1024 * 1024,
    });
  });
  it("reads set values", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://u@127.0.0.1:5432/x",
      PORT: "8080",
      INGEST_MAX_BYTES: "1000",
      INGEST_TOKEN: "0123456789abcdef",
    });
    expect(env).toMatchObject({
      DATABASE_URL: "postgresql://u@127.0.0.1:5432/x",
      PORT: 8080,
      INGEST_MAX_BYTES: 1000,
      INGEST_TOKEN: "0123456789abcdef",
    });
  });
  it("names the bad variable", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT/);
    expect(() => parseEnv({ INGEST_TOKEN: "short" })).toThrow(/INGEST_TOKEN/);
  });
});
