import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSourceUrl } from "@/lib/ingest/ingest-files";

describe("readSourceUrl (bulk CLI)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ogi-sources-"));
  writeFileSync(path.join(dir, "a.pdf"), "");
  writeFileSync(path.join(dir, "a.pdf.url"), "https://example.gov.cn/a.pdf\n");
  writeFileSync(path.join(dir, "b.txt"), "");
  writeFileSync(path.join(dir, "c.txt"), "");
  writeFileSync(path.join(dir, "d.txt"), "");
  writeFileSync(path.join(dir, "d.txt.url"), "javascript:alert(1)");
  writeFileSync(path.join(dir, "sources.tsv"), "b.txt\thttps://example.gov.cn/b.html\nc.txt ftp://example.gov.cn/c\n");

  it("reads a sidecar <file>.url first, then the folder's sources.tsv manifest", async () => {
    expect(await readSourceUrl(path.join(dir, "a.pdf"))).toBe("https://example.gov.cn/a.pdf");
    expect(await readSourceUrl(path.join(dir, "b.txt"))).toBe("https://example.gov.cn/b.html");
  });
  it("takes only http(s) URLs and answers undefined when nothing names one", async () => {
    expect(await readSourceUrl(path.join(dir, "c.txt"))).toBeUndefined();
    expect(await readSourceUrl(path.join(dir, "d.txt"))).toBeUndefined();
    expect(await readSourceUrl(path.join(dir, "missing.txt"))).toBeUndefined();
  });
});
