import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { BULK_YOUNG_GENERATION_MB, bulkParsePoolOptions, ParsePool } from "@/lib/parse-pool";

describe("parse pool young generation", () => {
  it("is 64 MB for the server's pool, at most an eighth of the heap limit, or what the options say", () => {
    expect(new ParsePool({ workers: 1 }).youngGenerationMb).toBe(64);
    expect(new ParsePool({ workers: 1, memoryMb: 128 }).youngGenerationMb).toBe(16);
    expect(new ParsePool({ workers: 1, youngGenerationMb: 200 }).youngGenerationMb).toBe(200);
  });

  it("is the bulk size for the CLI unless PARSE_YOUNG_MB names one; --workers wins over PARSE_WORKERS", () => {
    expect(bulkParsePoolOptions(undefined, { workers: 3 })).toMatchObject({ workers: 3, youngGenerationMb: BULK_YOUNG_GENERATION_MB });
    expect(bulkParsePoolOptions(2, { workers: 3, youngGenerationMb: 32 })).toMatchObject({ workers: 2, youngGenerationMb: 32 });
    expect(parseEnv({ PARSE_YOUNG_MB: "96" }).PARSE_YOUNG_MB).toBe(96);
    expect(parseEnv({ PARSE_YOUNG_MB: "" }).PARSE_YOUNG_MB).toBeUndefined();
  });
});
