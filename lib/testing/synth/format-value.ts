/**
 * How a synthetic report prints its numbers. Corruptions (full-width digits, thousands
 * separators) are applied later to the printed text, never to the canonical values.
 */

/** A count as printed: "0", "-1", "" for null. */
export function formatCount(value: number | null): string {
  return value === null ? "" : String(value);
}

/**
 * A 万元 amount as printed: "709.48", "0". With `withUnit` (the 2019 采购总金额 column, which
 * prints no unit in its header) it carries its unit: "709.48万元", or "1.83亿" for whole 百万元 ≥ 1亿.
 */
export function formatAmount(value: number | null, withUnit = false): string {
  if (value === null) return "";
  if (!withUnit) return String(value);
  if (value >= 10000 && Number.isInteger(value) && value % 100 === 0) return `${value / 10000}亿`;
  return `${value}万元`;
}

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** "123" → "１２３" (also "." and "-"), as some PDF extractions print them. */
export function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET));
}

/** "20780" → "20,780"; "1234.56" → "1,234.56"; leaves units and signs in place. */
export function withThousandsSeparators(text: string): string {
  return text.replace(/\d+/, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
}
