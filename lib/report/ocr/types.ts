/**
 * What the OCR engine (lib/ocr, outside the pure parser) hands the parser: recognised words per page
 * with boxes in PDF points (origin top-left) and Tesseract's confidences. Pure types.
 */

/** One recognised word on a page. */
export type OcrWordItem = {
  text: string;
  /** 0–100 (Tesseract's word confidence) */
  confidence: number;
  symbols?: { text: string; confidence: number }[];
  /** a number's second reading (the blob enlarged), when it differs from `text` */
  alternative?: string;
  /** 1-based page (set once the page is known) */
  page?: number;
  x0: number;
  x1: number;
  /** top and bottom of the text line the word sits in */
  top: number;
  bottom: number;
};

/** One page's words. */
export type OcrPageWords = {
  page: number;
  /** page size in points */
  width: number;
  height: number;
  /** skew corrected before recognition, in degrees */
  skew: number;
  words: OcrWordItem[];
};

/** The OCR engine as the parser sees it: injected by the caller (lib/ingest, the CLIs), so lib/report stays pure. */
export type OcrRecognizer = {
  limits: { maxPages: number; pageTimeoutMs: number; documentTimeoutMs: number };
  /** every page of an image-only PDF */
  recognizePdf(bytes: Uint8Array): Promise<OcrPageWords[]>;
  /** one PNG/JPEG image (a photo or scan of one page) */
  recognizeImage(bytes: Uint8Array): Promise<OcrPageWords[]>;
};
