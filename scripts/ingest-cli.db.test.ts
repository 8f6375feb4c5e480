/**
 * The bulk CLI on a fresh PGlite folder: it prepares the store itself (migrations, regions) like `npm start`,
 * so a newcomer's first `npm run ingest -- FOLDER` stores reports instead of failing on a missing table.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const folder = mkdtempSync(path.join(tmpdir(), "ogi-ingest-cli-"));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("npm run ingest on a fresh PGlite folder", () => {
  it("applies the migrations, loads the regions and stores the report", async () => {
    const sample = path.join(ROOT, "data/samples/000_a0650e73d90a4fd5.txt");
    const env = { ...process.env, PGLITE_DIR: path.join(folder, "db"), DATABASE_URL: "" };
    const { stdout, stderr } = await run(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/ingest.ts", sample, "--workers", "1"], {
      cwd: ROOT,
      env,
    });
    expect(stderr).toMatch(/\[db\] applied \d{14}_init/);
    expect(stderr).toMatch(/loaded \d+ regions/);
    expect(stdout).toMatch(/new:\s+1\b/);
    expect(stdout).toMatch(/failed:\s+0\b/);
  });
});
