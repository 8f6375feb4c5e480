/**
 * PDF parsing benchmark core (PDF 解析速度): parses each document `rounds` times with `parsePdf`
 * and reports pages per second. Pure: the caller supplies the bytes and prints the figures.
 */
import { parsePdf } from "@/lib/report/pdf/parse-pdf";
import { readPdfItems } from "@/lib/report/pdf/read-pdf-items";

export type PdfBenchDoc = { name: string; bytes: Uint8Array };

export type PdfBenchResult = {
  documents: number;
  pages: number;
  parsed: number;
  failed: number;
  seconds: number;
  pagesPerSecond: number;
  documentsPerSecond: number;
};

/** Parses every document `rounds` times (after one warm-up pass) and measures the wall time. */
export async function benchParsePdf(docs: PdfBenchDoc[], rounds = 1): Promise<PdfBenchResult> {
  let pagesPerRound = 0;
  for (const d of docs) pagesPerRound += (await readPdfItems(d.bytes)).pages.length;
  for (const d of docs.slice(0, 3)) await parsePdf(d.bytes); // warm-up (module load, JIT)
  let parsed = 0;
  let failed = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const d of docs) {
      const result = await parsePdf(d.bytes);
      if (result.ok) parsed++;
      else failed++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const pages = pagesPerRound * rounds;
  return {
    documents: docs.length * rounds,
    pages,
    parsed,
    failed,
    seconds,
    pagesPerSecond: pages / seconds,
    documentsPerSecond: (docs.length * rounds) / seconds,
  };
}
