// Input hygiene (issue 12): sourceUrl only http(s); the bytes' own signature wins over a wrong Content-Type; a UTF-8 file
// with one bad byte is read as UTF-8 with a finding (not as GB18030); an agency name with markup is not a report.
import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ParsePool } from "@/lib/parse-pool";
import { parseReport } from "@/lib/report/parse-report";
import { decodeText, looksMostlyUtf8 } from "@/lib/report/decode-text";
import { prepareDocument } from "./ingest-document";
import { readIngestRequest } from "./read-ingest-request";

const FIXTURES = path.join(import.meta.dirname, "../report/fixtures");
const seed = readFileSync(path.join(FIXTURES, "seeds/000_a0650e73d90a4fd5.txt"), "utf8");
const pdf = readFileSync(path.join(FIXTURES, "pdf/hongze-2023.pdf"));

const post = (body: BodyInit, contentType: string, extra: Record<string, string> = {}) =>
  new Request("http://x/api/ingest", { method: "POST", body, headers: { "content-type": contentType, ...extra } });

describe("sourceUrl", () => {
  it("accepts http(s) and refuses javascript:, data:, file: and junk (JSON and multipart)", async () => {
    const ok = await readIngestRequest(
      post(JSON.stringify({ text: "x", sourceUrl: "https://www.gov.cn/a.html" }), "application/json"),
      1e6,
    );
    expect(ok[0]).toMatchObject({ input: { sourceUrl: "https://www.gov.cn/a.html" } });
    for (const bad of ["javascript:alert(1)", "data:text/html,<script>", "file:///etc/passwd", "ftp://x/y", "not a url"]) {
      await expect(readIngestRequest(post(JSON.stringify({ text: "x", sourceUrl: bad }), "application/json"), 1e6)).rejects.toMatchObject({
        code: "bad-request",
      });
      const form = new FormData();
      form.append("sourceUrl", bad);
      form.append("file", new Blob([seed]), "a.txt");
      await expect(readIngestRequest(new Request("http://x/api/ingest", { method: "POST", body: form }), 1e6)).rejects.toBeInstanceOf(
        AppError,
      );
    }
  });
});

describe("the bytes' own signature wins", () => {
  it("reads a PDF posted as text/plain or image/gif as a PDF", async () => {
    for (const type of ["text/plain", "image/gif", "application/octet-stream"]) {
      const parts = await readIngestRequest(post(pdf, type), 1e8);
      expect(parts[0]).toMatchObject({ input: { mediaType: "application/pdf" } });
    }
  });
});

describe("a UTF-8 file with one bad byte", () => {
  it("is read as UTF-8 with the byte replaced and a finding; GB18030 files still read as GB18030", async () => {
    const bytes = new Uint8Array(Buffer.from(seed, "utf8"));
    const i = bytes.indexOf(0xe5, 200); // a lead byte of a Chinese character, cut to one byte
    bytes[i + 1] = 0x41;
    expect(looksMostlyUtf8(bytes)).toBe(true);
    expect(decodeText(bytes)).toContain("鄂托克旗");
    const r = await parseReport({ bytes, mediaType: "text/plain" });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.findings.map((f) => f.code)).toContain("encoding-replaced");
    const gb = new Uint8Array(iconv.encode(seed, "gb18030"));
    expect(looksMostlyUtf8(gb)).toBe(false);
    expect(decodeText(gb)).toContain("鄂托克旗");
    const clean = await parseReport({ bytes: new Uint8Array(Buffer.from(seed, "utf8")), mediaType: "text/plain" });
    if (clean.ok) expect(clean.findings.map((f) => f.code)).not.toContain("encoding-replaced");
  });
});

describe("an agency name with markup or control characters", { timeout: 60_000 }, () => {
  const pool = new ParsePool({ workers: 1, mode: "source" });
  afterAll(() => pool.close());
  // text parses quickly: prepareDocument asks the database nothing before parsing
  const noDb = null as unknown as Db;

  it("is refused as not a report", async () => {
    const marked = seed.replace("鄂托克旗 2025 年", "鄂托克旗<img src=x onerror=alert(1)> 2025 年");
    const r = await parseReport({ text: marked });
    if (r.ok) {
      await expect(prepareDocument(noDb, { text: marked }, { pool })).rejects.toMatchObject({ code: "not-a-report" });
    } else {
      expect(r.error.code).toBe("not-a-report");
    }
    const ok = await prepareDocument(noDb, { text: seed }, { pool });
    expect("store" in ok).toBe(true);
  });
});
