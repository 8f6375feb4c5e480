/**
 * CSV writing for downloads: RFC 4180 quoting, CRLF line ends and a UTF-8 BOM so Excel opens Chinese text correctly.
 * Text cells that a spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe; numbers stay numbers.
 * null and undefined are empty cells, never 0. Pure.
 */

/** A CSV cell value. */
export type CsvValue = string | number | boolean | null | undefined;

const BOM = "\uFEFF";

/** One cell, quoted when it holds a comma, quote or line break. */
export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "是" : "否";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, header line, one line per row, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(toCsvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
