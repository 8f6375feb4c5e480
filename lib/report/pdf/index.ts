/** PDF input for the report parser (PDF 年报解析). */
export { parsePdf, extractPdfLayout, isPdfBytes, addPageBoxes, PDF_NO_TEXT_LAYER_MESSAGE, type ParsePdfOptions } from "./parse-pdf";
export { toLayoutText, locateRange, type LayoutText, type LayoutSpan, type Box } from "./to-layout-text";
export { readPdfItems, PdfReadError, type PdfItems, type PdfTextItem } from "./read-pdf-items";
