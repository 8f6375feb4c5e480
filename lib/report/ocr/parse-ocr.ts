/**
 * A scanned report (扫描件) from its recognised words: the words become positioned text items, the same
 * layout code that reads a PDF's text layer rebuilds rows and columns (pdf/to-layout-text), the same
 * parser and repair read them, then the identities check every OCR number (check-ocr). Every value
 * carries `source: "ocr"`, its page, box and confidence in provenance.
 */
import { parseText } from "../parse-text";
import { addPageBoxes } from "../pdf/parse-pdf";
import type { PdfItems, PdfTextItem } from "../pdf/read-pdf-items";
import { toLayoutText } from "../pdf/to-layout-text";
import type { ParseResult, Provenance } from "../types";
import { checkOcrValues, type OcrCorrection } from "./check-ocr";
import { correctPlaceName } from "./correct-place-name";
import type { OcrPageWords, OcrWordItem } from "./types";

/** Confidence given to a number whose 〇/O/o was read as 0: a candidate that needs an identity to confirm it. */
const LOOKALIKE_CONFIDENCE = 60;

const DIGITISH = /^[0-9〇OoＯ]+(?:[.．][0-9〇OoＯ]+)?$/;

/** Normalises a word: 〇/O for 0 inside a number, full-width digits to ASCII. Returns the text and whether it guessed. */
export function normalizeOcrWord(text: string): { text: string; guessed: boolean } {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, ".");
  if (DIGITISH.test(t) && /[0-9]/.test(t) === false && t.length > 1) return { text: t, guessed: false };
  if (DIGITISH.test(t) && /[〇OoＯ]/.test(t)) return { text: t.replace(/[〇OoＯ]/g, "0"), guessed: true };
  return { text: t, guessed: false };
}

type Placed = OcrWordItem & { page: number; guessed: boolean };

/** The words of one text line as the engine found it (they share its top and bottom). */
type Line = { words: Placed[]; text: string; x0: number; x1: number; top: number; bottom: number; stacked: boolean };

/** Words of one blob that sit on top of each other (a column of 竖排 characters read as one blob). */
function isStacked(words: Placed[]): boolean {
  if (words.length < 2) return false;
  const x0 = Math.max(...words.map((w) => w.x0));
  const x1 = Math.min(...words.map((w) => w.x1));
  const width = Math.max(...words.map((w) => w.x1 - w.x0));
  return x1 - x0 > width * 0.5;
}

function toLines(words: Placed[]): Line[] {
  const byBox = new Map<string, Placed[]>();
  for (const w of words) {
    const key = `${w.top.toFixed(2)}:${w.bottom.toFixed(2)}`;
    const list = byBox.get(key) ?? [];
    list.push(w);
    byBox.set(key, list);
  }
  const lines: Line[] = [];
  for (const list of byBox.values()) {
    list.sort((a, b) => a.x0 - b.x0);
    // one engine line may hold words far apart only if they were one blob: keep them together
    lines.push({
      words: list,
      text: list.map((w) => w.text).join(""),
      x0: Math.min(...list.map((w) => w.x0)),
      x1: Math.max(...list.map((w) => w.x1)),
      top: list[0]!.top,
      bottom: list[0]!.bottom,
      stacked: isStacked(list),
    });
  }
  return lines;
}

const SINGLE_CJK = /^[\u3400-\u9fff][、，。]?$/;

/**
 * Vertical writing (竖排), as the merged cell 三、本年度办理结果 prints it: a column of one-character lines,
 * stacked closely at the same x. Becomes one vertical item, as pdfjs reports a vertical run, so the layout
 * code keeps it out of the rows it crosses.
 */
function verticalRuns(lines: Line[]): Line[][] {
  const singles = lines.filter((l) => SINGLE_CJK.test(l.text) || l.stacked).sort((a, b) => a.top - b.top);
  const used = new Set<Line>();
  const runs: Line[][] = [];
  for (const start of singles) {
    if (used.has(start)) continue;
    const run = [start];
    let last = start;
    for (const next of singles) {
      if (used.has(next) || next.top <= last.top) continue;
      const h = Math.max(Math.min(last.bottom - last.top, last.x1 - last.x0), Math.min(next.bottom - next.top, next.x1 - next.x0));
      const cx = (last.x0 + last.x1) / 2;
      const ncx = (next.x0 + next.x1) / 2;
      if (Math.abs(cx - ncx) > h * 0.6) continue;
      if (next.top - last.bottom > h * 1.6) break;
      run.push(next);
      last = next;
    }
    if (run.length >= 3 || run.some((l) => l.stacked)) {
      for (const l of run) used.add(l);
      runs.push(run);
    }
  }
  return runs;
}

/** Words of every page → the positioned text items of pdf/read-pdf-items. */
export function ocrWordsToItems(pages: OcrPageWords[]): { items: PdfItems; words: Placed[] } {
  const words: Placed[] = [];
  const items: PdfTextItem[] = [];
  for (const page of pages) {
    const placedWords: Placed[] = [];
    for (const w of page.words) {
      const { text, guessed } = normalizeOcrWord(w.text);
      if (text.trim() === "") continue;
      // two readings that disagree: the number is doubtful whatever Tesseract's confidence says
      const doubtful = guessed || (w.alternative !== undefined && w.alternative !== w.text);
      placedWords.push({
        ...w,
        text,
        page: page.page,
        guessed,
        confidence: doubtful ? Math.min(w.confidence, LOOKALIKE_CONFIDENCE) : w.confidence,
      });
    }
    words.push(...placedWords);
    const lines = toLines(placedWords);
    const inVertical = new Set<Line>();
    for (const run of verticalRuns(lines)) {
      for (const l of run) inVertical.add(l);
      const x0 = Math.min(...run.map((l) => l.x0));
      const x1 = Math.max(...run.map((l) => l.x1));
      const top = run[0]!.top;
      const bottom = run[run.length - 1]!.bottom;
      const str = run.map((l) => l.text).join("");
      items.push({ page: page.page, str, x0, x1, top, bottom, baseline: bottom, fontSize: x1 - x0, vertical: true });
    }
    for (const line of lines) {
      if (inVertical.has(line)) continue;
      const fontSize = Math.max(1, line.bottom - line.top);
      // words of one line closer than about a character are one run (OCR splits CJK text into words of 1–2 characters);
      // two numbers stay apart (adjacent table cells)
      let run: { str: string; x0: number; x1: number } | null = null;
      const flush = () => {
        if (run)
          items.push({
            page: page.page,
            str: run.str,
            x0: run.x0,
            x1: Math.max(run.x1, run.x0 + 0.5),
            top: line.top,
            bottom: line.bottom,
            baseline: line.bottom,
            fontSize,
            vertical: false,
          });
        run = null;
      };
      for (const w of line.words) {
        const r: { str: string; x0: number; x1: number } | null = run;
        const numeric = (t: string) => /^[-\d.,]+$/.test(t);
        if (
          r &&
          w.x0 - r.x1 < fontSize * 0.8 &&
          !(numeric(w.text) && numeric(r.str.split(" ").pop() ?? "") && w.x0 - r.x1 > fontSize * 0.25)
        ) {
          r.str += /^[\x21-\x7e]/.test(w.text) && /[\x21-\x7e]$/.test(r.str) ? ` ${w.text}` : w.text;
          r.x1 = Math.max(r.x1, w.x1);
        } else {
          flush();
          run = { str: w.text, x0: w.x0, x1: w.x1 };
        }
      }
      flush();
    }
  }
  return { items: { pages: pages.map((p) => ({ width: p.width, height: p.height })), items }, words };
}

/** The lowest confidence of the words inside a value's box (its digits), and their second readings. */
function boxConfidence(
  words: Placed[],
  page: number,
  box: [number, number, number, number],
): { confidence: number; alternatives: number[] } | null {
  let min: number | null = null;
  const alternatives: number[] = [];
  for (const w of words) {
    if (w.page !== page) continue;
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.top + w.bottom) / 2;
    if (cx < box[0] - 0.5 || cx > box[2] + 0.5 || cy < box[1] - 0.5 || cy > box[3] + 0.5) continue;
    if (!/[0-9]/.test(w.text)) continue;
    min = min === null ? w.confidence : Math.min(min, w.confidence);
    const alt = w.alternative ? normalizeOcrWord(w.alternative.trim()).text : "";
    if (/^\d+$/.test(alt)) alternatives.push(Number(alt));
  }
  return min === null ? null : { confidence: min, alternatives };
}

export type OcrParseSuccessExtras = { corrections: OcrCorrection[]; nulled: string[] };

/** Parses a scanned report from its OCR pages. */
export function parseOcrPages(pages: OcrPageWords[]): ParseResult & { ocr?: OcrParseSuccessExtras } {
  const { items, words } = ocrWordsToItems(pages);
  if (items.items.length === 0) {
    return {
      ok: false,
      error: {
        code: "not-a-report",
        message: "扫描件上没有识别出任何文字，不是政府信息公开工作年度报告 / no text was recognised in the scan",
      },
    };
  }
  const layout = toLayoutText(items);
  const parsed = parseText(layout.text);
  if (!parsed.ok) {
    const reason = parsed.error.code === "not-a-report" ? `扫描件识别完成，但${parsed.error.message}` : parsed.error.message;
    return { ok: false, error: { code: parsed.error.code, message: reason } };
  }
  const boxed = addPageBoxes(parsed.provenance, parsed.findings, layout.spans);
  const confidence = new Map<string, number>();
  const alternatives = new Map<string, number[]>();
  const provenance: Provenance = {};
  for (const [path, p] of Object.entries(boxed.provenance)) {
    if (!p.loc?.page || !p.loc.box) {
      provenance[path] = { ...p, source: "ocr" };
      continue;
    }
    const c =
      p.status === "stated" && /^(active|requests|reviewLitigation|legacy2019)\./.test(path)
        ? boxConfidence(words, p.loc.page, p.loc.box)
        : null;
    if (c !== null) {
      confidence.set(path, c.confidence);
      if (c.alternatives.length > 0) alternatives.set(path, c.alternatives);
    }
    provenance[path] = { ...p, source: "ocr", ...(c !== null ? { confidence: Math.round(c.confidence) } : {}) };
  }
  const checked = checkOcrValues({ document: parsed.document, provenance, findings: boxed.findings }, confidence, alternatives);
  // the agency's place names against the gazetteer (a misread character in the title)
  const fixed = correctPlaceName(checked.document.agency.name, layout.text);
  if (fixed) {
    const read = checked.document.agency.name;
    const last = fixed.corrections[fixed.corrections.length - 1]!.region;
    checked.document.agency.name = fixed.name;
    checked.document.agency.regionCode = last.code;
    checked.provenance["agency.name"] = { ...checked.provenance["agency.name"], status: "inferred", rule: "gazetteer", source: "ocr" };
    checked.provenance["agency.regionCode"] = { status: "inferred", rule: "gazetteer", source: "ocr" };
    checked.findings.push({
      code: "ocr-place-corrected",
      severity: "info",
      message: `标题识别为“${read}”，其中${fixed.corrections.map((c) => `“${c.from}”`).join("、")}不是行政区划名称，按行政区划更正为“${fixed.name}”`,
    });
  }
  return {
    ok: true,
    document: checked.document,
    provenance: checked.provenance,
    findings: checked.findings,
    sourceText: layout.text,
    sourceKind: "ocr",
    ocr: { corrections: checked.corrections, nulled: checked.nulled },
  };
}
