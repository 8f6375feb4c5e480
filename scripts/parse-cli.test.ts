/**
 * `npm run parse -- FILE [--no-ocr]` (scripts/parse.ts) as a person or the seed comparison tool runs it: a separate
 * process, its exit code, stdout and stderr. A scan is read with OCR as ingest reads it; --no-ocr refuses it.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const scan = "lib/report/fixtures/scans/hongze-2023.scan150.pdf";

function parseCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, ["scripts/parse.ts", ...args], { cwd: root, encoding: "utf8", timeout: 170_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run parse", () => {
  it("prints a text report's canonical document and exits 0", () => {
    const r = parseCli("data/samples/000_a0650e73d90a4fd5.txt");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { schema: string; year: number; agency: { name: string } };
    expect(doc.schema).toBe("ogi-annual-report/v1");
    expect(doc.year).toBe(2025);
  });

  it("refuses a scan with --no-ocr: exit 2, the reason on stderr, nothing on stdout", () => {
    const r = parseCli(scan, "--no-ocr");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("the PDF has no text layer (scanned)");
    expect(r.stderr).toContain("需要文字识别（OCR）");
  });

  it("reads a scan with OCR by default, as ingest does", { timeout: 180_000 }, () => {
    const r = parseCli(scan);
    expect(r.stderr).toContain("reading it with OCR");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { year: number; agency: { name: string; regionCode: string } };
    expect(doc.year).toBe(2023);
    expect(doc.agency).toEqual({ name: "洪泽区人民政府", regionCode: "320813" });
  });

  it("answers an unknown option or a missing file with the usage and exit 1", () => {
    expect(parseCli(scan, "--ocr-off").status).toBe(1);
    expect(parseCli().stderr).toContain("usage: npm run --silent parse -- FILE [--no-ocr]");
  });
});
