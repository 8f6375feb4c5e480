/**
 * Makes the scan and legacy-Word fixtures with the real tools, once, by hand (the outputs are committed,
 * so tests need neither poppler nor LibreOffice):
 *
 *   npx tsx scripts/make-ocr-fixtures.ts
 *
 * Scans (lib/report/fixtures/scans): each real PDF of lib/report/fixtures/pdf rendered to page images by
 * poppler's pdftoppm at 150 and 200 dpi (grey JPEG, as scanners write them), wrapped as image-only PDFs
 * (no text layer) with pdf-lib; one more at 200 dpi with a slight rotation (0.8°) and speckle noise drawn
 * with @napi-rs/canvas. Expected JSON beside them in the eval layout (expected/<name>.json), copied from
 * the source PDF's expected document. Also one page as a PNG (an image upload).
 *
 * Legacy Word (lib/report/fixtures/doc): each seed report (lib/report/fixtures/seeds/*.txt) converted by
 * LibreOffice (`soffice --headless --convert-to doc`) to Word 97–2003 .doc; expected JSON = the seed's.
 * LibreOffice has no export filter for WPS (.wps): it can read Kingsoft Writer files but not write them,
 * so the .wps fixture is the same OLE compound file (.doc) under a .wps name: what WPS Office writes as
 * ".wps" is that same compound document format.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { PDFDocument } from "pdf-lib";

const ROOT = join(import.meta.dirname, "..");
const PDF_DIR = join(ROOT, "lib/report/fixtures/pdf");
const SCAN_DIR = join(ROOT, "lib/report/fixtures/scans");
const DOC_DIR = join(ROOT, "lib/report/fixtures/doc");
const SEED_DIR = join(ROOT, "lib/report/fixtures/seeds");

/** A small deterministic PRNG (mulberry32), so the noisy scan is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pageImages(pdf: string, dpi: number, dir: string): string[] {
  const prefix = join(dir, `p${dpi}`);
  execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-jpeg", "-jpegopt", "quality=80", pdf, prefix]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`p${dpi}-`) && f.endsWith(".jpg"))
    .sort()
    .map((f) => join(dir, f));
}

/** Rotates by `deg` and adds speckles and grain, like a crooked, dusty scan; JPEG out. */
async function degrade(file: string, deg: number, seed: number): Promise<Buffer> {
  const img = await loadImage(readFileSync(file));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  const rand = rng(seed);
  for (let i = 0; i < data.data.length; i += 4) {
    const grain = (rand() - 0.5) * 40;
    const v = Math.max(0, Math.min(255, data.data[i]! + grain));
    data.data[i] = data.data[i + 1] = data.data[i + 2] = v;
  }
  ctx.putImageData(data, 0, 0);
  // dust: small dark specks
  ctx.fillStyle = "#222";
  for (let k = 0; k < 600; k++) {
    const r = 0.6 + rand() * 1.4;
    ctx.beginPath();
    ctx.arc(rand() * img.width, rand() * img.height, r, 0, Math.PI * 2);
    ctx.fill();
  }
  return canvas.toBuffer("image/jpeg", 80);
}

async function imagePdf(jpegs: Buffer[], sizes: { width: number; height: number }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer("scripts/make-ocr-fixtures.ts (pdf-lib): image-only scan fixture");
  doc.setCreationDate(new Date("2026-01-01T00:00:00Z"));
  doc.setModificationDate(new Date("2026-01-01T00:00:00Z"));
  for (let i = 0; i < jpegs.length; i++) {
    const img = await doc.embedJpg(jpegs[i]!);
    const { width, height } = sizes[i]!;
    const page = doc.addPage([width, height]);
    page.drawImage(img, { x: 0, y: 0, width, height });
  }
  return doc.save({ useObjectStreams: false });
}

async function scans(): Promise<void> {
  mkdirSync(join(SCAN_DIR, "expected"), { recursive: true });
  for (const file of readdirSync(PDF_DIR).filter((f) => f.endsWith(".pdf"))) {
    const name = basename(file, ".pdf");
    const src = join(PDF_DIR, file);
    const original = await PDFDocument.load(readFileSync(src));
    const sizes = original.getPages().map((p) => p.getSize());
    const expected = readFileSync(join(PDF_DIR, `${name}.expected.json`));
    const variants: { suffix: string; dpi: number; noisy: boolean }[] = [
      { suffix: "scan150", dpi: 150, noisy: false },
      { suffix: "scan200", dpi: 200, noisy: false },
      ...(name === "hongze-2024" ? [{ suffix: "scan200-skewed", dpi: 200, noisy: true }] : []),
    ];
    for (const v of variants) {
      const tmp = mkdtempSync(join(tmpdir(), "ocr-fixture-"));
      try {
        const pages = pageImages(src, v.dpi, tmp);
        const jpegs = await Promise.all(
          pages.map((p, i) => (v.noisy ? degrade(p, i % 2 === 0 ? 0.8 : -0.6, 11 + i) : Promise.resolve(readFileSync(p)))),
        );
        const out = `${name}.${v.suffix}`;
        writeFileSync(join(SCAN_DIR, `${out}.pdf`), await imagePdf(jpegs, sizes));
        writeFileSync(join(SCAN_DIR, "expected", `${out}.json`), expected);
        console.log(`${out}.pdf: ${pages.length} pages`);
        if (name === "hongze-2023" && v.dpi === 150) {
          // one page image as an upload (page 3: section 三's table)
          mkdirSync(join(SCAN_DIR, "images"), { recursive: true });
          const img = await loadImage(readFileSync(pages[2]!));
          const c = createCanvas(img.width, img.height);
          c.getContext("2d").drawImage(img, 0, 0);
          writeFileSync(join(SCAN_DIR, "images", "hongze-2023.page3.png"), c.toBuffer("image/png"));
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
  }
}

function docs(): void {
  mkdirSync(join(DOC_DIR, "expected"), { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "doc-fixture-"));
  try {
    for (const file of readdirSync(SEED_DIR).filter((f) => f.endsWith(".txt"))) {
      const name = basename(file, ".txt");
      execFileSync(
        "soffice",
        ["--headless", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "doc", "--outdir", tmp, join(SEED_DIR, file)],
        {
          stdio: "ignore",
          env: { ...process.env, HOME: tmp },
        },
      );
      copyFileSync(join(tmp, `${name}.doc`), join(DOC_DIR, `${name}.doc`));
      copyFileSync(join(SEED_DIR, `${name}.expected.json`), join(DOC_DIR, "expected", `${name}.json`));
      console.log(`${name}.doc`);
    }
    // a .wps: WPS Office's own extension for the same OLE compound document (LibreOffice cannot write WPS)
    const first = readdirSync(DOC_DIR).find((f) => f.endsWith(".doc"))!;
    const wps = `${basename(first, ".doc")}.wps`;
    copyFileSync(join(DOC_DIR, first), join(DOC_DIR, wps)); // the eval finds expected/<stem>.json for it too
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A notice that is not a report (停水通知), typeset by LibreOffice, rendered by pdftoppm, then tilted and dusted like a photo. */
async function notice(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), "notice-fixture-"));
  try {
    const text = [
      "停水通知",
      "",
      "尊敬的各位居民：",
      "因市政供水管网改造施工，本小区将于2025年3月12日上午8:00至下午18:00暂停供水，",
      "请各位居民提前做好储水准备。施工期间如有疑问，请拨打物业服务中心电话0517-83600000。",
      "给您带来的不便，敬请谅解。",
      "",
      "幸福家园物业服务中心",
      "2025年3月10日",
    ].join("\n");
    writeFileSync(join(tmp, "notice.txt"), text);
    execFileSync(
      "soffice",
      ["--headless", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "pdf", "--outdir", tmp, join(tmp, "notice.txt")],
      {
        stdio: "ignore",
        env: { ...process.env, HOME: tmp },
      },
    );
    const [page] = pageImages(join(tmp, "notice.pdf"), 150, tmp);
    writeFileSync(join(SCAN_DIR, "images", "notice-photo.jpg"), await degrade(page!, 2.5, 7));
    console.log("images/notice-photo.jpg");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await scans();
await notice();
docs();
