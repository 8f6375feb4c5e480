/**
 * One report version as CSV: one line per value of the canonical document with its Chinese name,
 * provenance status, raw cell text and source line. UTF-8 with a BOM so spreadsheet software reads the Chinese. Pure.
 */
import type { CanonicalReport, Provenance } from "../report/types";
import { describeField } from "./report-fields";

type Leaf = { path: string; value: string | number | null };

function flatten(value: unknown, path: string, out: Leaf[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
    return;
  }
  if (typeof value === "number" || typeof value === "string" || value === null) out.push({ path, value });
  else out.push({ path, value: String(value) });
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text (with BOM) of a document and its provenance; null values are empty cells, never 0. */
export function toReportCsv(doc: CanonicalReport, provenance: Provenance): string {
  const leaves: Leaf[] = [];
  flatten(doc, "", leaves);
  const header = ["path", "名称", "value", "status", "raw", "line", "page"];
  const lines = leaves.map(({ path, value }) => {
    const p = provenance[path];
    const label = path === "agency.name" ? "机关名称" : describeField(path);
    return [path, label, value, p?.status ?? "", p?.raw ?? "", p?.loc?.line ?? "", p?.loc?.page ?? ""].map(csvCell).join(",");
  });
  return `\uFEFF${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
