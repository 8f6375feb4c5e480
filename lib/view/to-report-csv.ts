/**
 * One report version as CSV: one line per value of the canonical document with its Chinese name,
 * provenance status, raw cell text and source line. UTF-8 with a BOM so spreadsheet software reads the Chinese. Pure.
 */
import type { CanonicalReport, Provenance } from "../report/types";
import { describeField } from "./report-fields";

/** Provenance status in the words a reader of the CSV uses. */
const STATUS_NAMES: Record<string, string> = { stated: "原文读取", inferred: "由勾稽关系推算", missing: "未填报" };

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
  const header = ["字段路径", "名称", "数值", "状态", "原文单元格", "原文行号", "PDF页码"];
  const lines = leaves.map(({ path, value }) => {
    const p = provenance[path];
    const label = path === "agency.name" ? "机关名称" : describeField(path);
    const status = p?.status ? (STATUS_NAMES[p.status] ?? p.status) : "";
    return [path, label, value, status, p?.raw ?? "", p?.loc?.line ?? "", p?.loc?.page ?? ""].map(csvCell).join(",");
  });
  return `\uFEFF${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
