import { ParsePool } from "@/lib/parse-pool";
import * as H from "@/lib/testing/hostile-files";
const pool = new ParsePool({ workers: 2, timeoutMs: 20000 });
const cases: [string, () => Promise<Parameters<typeof pool.parse>[0]>][] = [
  ["page-tree-1e9", async () => ({ bytes: H.pdfPageTreeBomb(), mediaType: "application/pdf" })],
  ["60k-pages", async () => ({ bytes: H.pdfManyPages(60000), mediaType: "application/pdf" })],
  ["docx-100MB", async () => ({ bytes: await H.docxBomb(100e6), mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })],
  ["docx-34MB", async () => ({ bytes: await H.docxBomb(34e6), mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })],
  ["docx-lying", async () => ({ bytes: H.zipWithLyingSizes(await H.docxBomb(100e6)), mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })],
  ["divs-8000", async () => ({ html: H.nestedHtml("div", 8000) })],
  ["tables-1000", async () => ({ html: H.nestedHtml("table", 1000) })],
  ["flate-1GB", async () => ({ bytes: H.pdfFlateBomb(1e9), mediaType: "application/pdf" })],
];
for (const [name, make] of cases) {
  if (process.argv[2] && !name.startsWith(process.argv[2])) continue;
  const input = await make();
  const size = "bytes" in input ? input.bytes.length : "html" in input ? input.html.length : 0;
  const t = performance.now();
  const r = await pool.parse(input);
  console.log(name, size, r.ok ? "ok" : r.error.code, Math.round(performance.now() - t), "ms", r.ok ? "" : r.error.message.slice(0, 100), "rss", Math.round(process.memoryUsage().rss / 1e6));
}
await pool.close();
