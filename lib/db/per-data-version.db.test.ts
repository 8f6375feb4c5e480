/**
 * readPerDataVersion on PostgreSQL: one read per data version the listener knows, again after a write commits, and
 * every time while no version is known.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knownDataVersion, startDataVersionListener } from "@/lib/db/data-version-listener";
import { readPerDataVersion } from "@/lib/db/per-data-version";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}

describe("readPerDataVersion", () => {
  let t: TestDatabase;
  let reads = 0;
  const read = async (): Promise<number> => ++reads;

  beforeAll(async () => {
    t = await createTestDatabase("postgres", "test_per_data_version");
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("reads every time while no data version is known", async () => {
    expect(knownDataVersion()).toBeNull();
    expect([await readPerDataVersion("k", read), await readPerDataVersion("k", read)]).toEqual([1, 2]);
  });

  it("reads once per data version, and again after a write moved it", async () => {
    startDataVersionListener(t.url!);
    await waitFor(() => knownDataVersion() !== null);
    const first = await readPerDataVersion("k", read);
    expect(await Promise.all([readPerDataVersion("k", read), readPerDataVersion("k", read)])).toEqual([first, first]);
    expect(await readPerDataVersion("other", read)).toBe(first + 1);
    const before = knownDataVersion();
    await t.db.$executeRaw`SELECT "bump_data_versions"(ARRAY[]::INTEGER[])`;
    await waitFor(() => knownDataVersion() !== before);
    expect(await readPerDataVersion("k", read)).toBe(first + 2);
    expect(await readPerDataVersion("k", read)).toBe(first + 2);
  });

  it("does not keep a failed read", async () => {
    await expect(readPerDataVersion("failing", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await readPerDataVersion("failing", async () => "up")).toBe("up");
  });
});
