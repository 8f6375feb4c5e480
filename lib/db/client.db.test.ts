/** The PostgreSQL connections the app opens (lib/db/client createAdapter) run without JIT compilation. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("postgres", "client_settings_test");
});
afterAll(async () => {
  await t?.drop();
});

describe("PostgreSQL connection settings", () => {
  it("turns JIT off for the app's statements (the server default is on)", async () => {
    const [row] = await t.db.$queryRaw<{ jit: string }[]>`SHOW jit`;
    expect(row?.jit).toBe("off");
  });
});
