/**
 * `npm run bench:parse:pdf [-- --count N --rounds R]`: PDF parsing speed in pages per second, on
 * the three real PDFs in lib/report/fixtures/pdf and on N generated reports written as PDFs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { benchParsePdf, type PdfBenchDoc, type PdfBenchResult } from "@/lib/testing/bench/bench-parse-pdf";
import { renderReportPdf } from "@/lib/testing/pdf/render-report-pdf";
import { generateReport } from "@/lib/testing/synth/generate-report";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function line(label: string, r: PdfBenchResult): string {
  return `${label.padEnd(28)} ${r.pagesPerSecond.toFixed(1).padStart(8)} pages/s  ${r.documentsPerSecond.toFixed(2).padStart(7)} reports/s  (${r.pages} pages, ${r.documents} reports, ${r.failed} failed, ${r.seconds.toFixed(2)} s)`;
}

/** Prints PDF pages/s on the real PDFs and on `count` generated report PDFs (also called by bench:parse). */
export async function runPdfBench({ count, rounds }: { count: number; rounds: number }): Promise<void> {
  const dir = path.join(import.meta.dirname, "../lib/report/fixtures/pdf");
  const real: PdfBenchDoc[] = readdirSync(dir)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));

  const require = createRequire(import.meta.url);
  const font = new Uint8Array(
    readFileSync(path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "../fonts/NotoSansHans-Regular.otf")),
  );
  const synthetic: PdfBenchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const { document, agency } = generateReport({ seed: 9000 + i, variant: i % 5 === 4 ? "2021-single-other" : "2021" });
    const bytes = await renderReportPdf(document, {
      fontBytes: font,
      placeChain: agency.chain,
      siteCode: agency.siteCode,
      fillerParagraphs: i % 9,
    });
    synthetic.push({ name: `synthetic-${i}`, bytes });
  }

  console.log(`PDF parse benchmark (node ${process.version}, one process, parsePdf = pdfjs text layer + layout + parseText)`);
  console.log(line(`real PDFs (${real.length}) × ${rounds}`, await benchParsePdf(real, rounds)));
  console.log(line(`generated PDFs (${count}) × ${rounds}`, await benchParsePdf(synthetic, rounds)));
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runDirectly) {
  runPdfBench({ count: arg("count", 20), rounds: arg("rounds", 3) }).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
