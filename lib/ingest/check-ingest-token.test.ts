import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkIngestToken } from "@/lib/ingest/check-ingest-token";

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : "other";
  }
}

describe("checkIngestToken", () => {
  it("is off (503) when no token is configured, whatever the request sends", () => {
    expect(codeOf(() => checkIngestToken("Bearer anything", undefined))).toBe("503 ingest-off");
  });
  it("refuses a missing, malformed or wrong token with 401", () => {
    expect(codeOf(() => checkIngestToken(null, "secret-token"))).toBe("401 unauthorized");
    expect(codeOf(() => checkIngestToken("secret-token", "secret-token"))).toBe("401 unauthorized");
    expect(codeOf(() => checkIngestToken("Bearer secret-tokem", "secret-token"))).toBe("401 unauthorized");
    expect(codeOf(() => checkIngestToken("Bearer secret-token-longer", "secret-token"))).toBe("401 unauthorized");
  });
  it("accepts the configured token", () => {
    expect(codeOf(() => checkIngestToken("Bearer secret-token", "secret-token"))).toBeNull();
    expect(codeOf(() => checkIngestToken("bearer  secret-token ", "secret-token"))).toBeNull();
  });
});
