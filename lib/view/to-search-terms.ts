/**
 * Turns what a person typed into search words. Pure.
 * Splits on spaces and punctuation (full- and half-width), drops words that match nearly every body
 * (政府信息公开, 年度报告, years) and stray single characters, and keeps at most five words.
 */
const NOISE = /(政府信息公开|工作年度报告|年度报告|年报|\d{4}\s*年?)/g;
const SEPARATORS = /[\s,，、;；/|·•.。:："“”'‘’()（）【】[\]-]+/u;
const MAX_TERMS = 5;

/** "  鄂尔多斯，鄂托克 " → ["鄂尔多斯", "鄂托克"]; "" → []. */
export function toSearchTerms(query: string): string[] {
  const cleaned = query.normalize("NFKC").replace(NOISE, " ");
  const words = cleaned.split(SEPARATORS).map((w) => w.trim()).filter((w) => w.length > 0);
  // a lone character left over (报, 县) matches nearly everything: keep it only when it is all there is
  const meaningful = words.length > 1 ? words.filter((w) => w.length > 1) : words;
  return [...new Set(meaningful)].slice(0, MAX_TERMS);
}
