/** OCR input for the report parser (扫描件): recognised words → the PDF layout path → the identities check. */
export { parseOcrPages, ocrWordsToItems, normalizeOcrWord } from "./parse-ocr";
export { checkOcrValues, misreadCandidates, LOW_CONFIDENCE, TRUSTED_CONFIDENCE, type OcrCorrection } from "./check-ocr";
export type { OcrPageWords, OcrWordItem, OcrRecognizer } from "./types";
