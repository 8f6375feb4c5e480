/**
 * CLI: `npm run --silent parse -- FILE [--no-ocr]` prints the canonical document of FILE as JSON on stdout,
 * with `provenance` and `findings` as extra top-level keys. Exit 0 when parsed; exit 2 with a
 * one-line reason (中文 / English) on stderr when FILE is not such a report; exit 1 on usage errors.
 * A scan (an image-only PDF, a PNG/JPEG) is read again with OCR, as ingest reads it (lib/ingest/ingest-document):
 * minutes rather than seconds, with a line on stderr per page read; `--no-ocr` answers it "pdf-no-text-layer" instead.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { isScanRefusal, parseReport } from "../lib/report/index";

const ENGLISH: Record<string, string> = {
  empty: "the file is empty",
  "not-a-report": "not a government information disclosure annual report",
  unreadable: "the file is not readable text or is damaged",
  "unsupported-media-type": "unsupported file type",
  "pdf-no-text-layer": "the PDF has no text layer (scanned)",
  "pdf-encrypted": "the PDF is encrypted",
  "pdf-damaged": "the PDF is damaged",
  timeout: "parsing took too long",
};

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { "no-ocr": { type: "boolean", default: false } } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n用法 / usage: npm run --silent parse -- FILE [--no-ocr]\n`);
    return 1;
  }
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) {
    process.stderr.write("用法 / usage: npm run --silent parse -- FILE [--no-ocr]\n");
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    process.stderr.write(`无法读取文件 / cannot read file: ${file} (${(err as Error).message})\n`);
    return 1;
  }
  let result = await parseReport({ bytes, fileName: basename(file) });
  if (!args.values["no-ocr"] && isScanRefusal(result, { bytes, fileName: basename(file) })) {
    process.stderr.write(`${basename(file)}: 没有文字层（扫描件），用 OCR 读取 / no text layer (a scan): reading it with OCR\n`);
    const { createOcrRecognizer } = await import("../lib/ocr/ocr-document");
    const ocr = createOcrRecognizer({ onProgress: (done, total) => process.stderr.write(`  OCR: page ${done}/${total}\n`) });
    result = await parseReport({ bytes, fileName: basename(file) }, { ocr });
  }
  if (!result.ok) {
    const en = ENGLISH[result.error.code] ?? result.error.code;
    process.stderr.write(`${basename(file)}: ${result.error.message.replace(/\s+/g, " ")} / ${en}\n`);
    return 2;
  }
  const out = { ...result.document, provenance: result.provenance, findings: result.findings };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`解析器内部错误 / internal parser error: ${String(err).split("\n")[0]}\n`);
    process.exit(1);
  },
);
