/**
 * HTML → layout text through a real HTML parser (parse5): block elements become lines, each table
 * row becomes one line of TAB-separated cells on the expanded grid (rowspan/colspan honoured: a
 * spanned cell's text stands in its top-left slot, the other slots are empty cells).
 */
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { parseText } from "./parse-text";
import type { ParseResult } from "./types";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const SKIP = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object"]);
const BLOCK = new Set([
  "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
  "tr", "table", "title", "blockquote", "pre", "dd", "dt", "dl", "form", "hr", "main", "nav", "aside", "center", "caption",
]);

const isElement = (n: Node): n is Element => "tagName" in n;
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const span = (el: Element, name: string): number => Math.min(100, Math.max(1, Number.parseInt(attr(el, name) ?? "1", 10) || 1));

/** Text of an element with blocks as line breaks (used inside cells: breaks become spaces). */
function inlineText(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  if (!isElement(node) && node.nodeName !== "#document" && node.nodeName !== "#document-fragment") return "";
  if (isElement(node) && SKIP.has(node.tagName)) return "";
  const children = "childNodes" in node ? node.childNodes : [];
  const inner = children.map(inlineText).join("");
  return isElement(node) && BLOCK.has(node.tagName) ? ` ${inner} ` : inner;
}

function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    for (const child of el.childNodes) {
      if (!isElement(child) || child.tagName === "table") continue;
      if (child.tagName === "tr") out.push(child);
      else visit(child);
    }
  };
  visit(table);
  return out;
}

/** A table as lines of TAB-separated cells on its expanded grid. */
function tableLines(table: Element): string[] {
  const grid: string[][] = [];
  rowsOf(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tr.childNodes) {
      if (!isElement(td) || (td.tagName !== "td" && td.tagName !== "th")) continue;
      while (grid[r]![c] !== undefined) c++;
      const text = inlineText(td).replace(/\s+/g, " ").trim();
      const rs = span(td, "rowspan");
      const cs = span(td, "colspan");
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? text : "";
      }
      c += cs;
    }
  });
  return grid.map((row) => Array.from(row, (v) => v ?? "").join("\t"));
}

/** Walks the tree, writing text lines; tables go through the grid. */
function collect(node: Node, lines: string[], buf: { text: string }): void {
  const flush = (): void => {
    const t = buf.text.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (t) lines.push(t);
    buf.text = "";
  };
  if (node.nodeName === "#text") {
    buf.text += (node as DefaultTreeAdapterMap["textNode"]).value;
    return;
  }
  if (isElement(node)) {
    if (SKIP.has(node.tagName)) return;
    if (node.tagName === "table") {
      flush();
      lines.push(...tableLines(node));
      return;
    }
  }
  const block = isElement(node) && BLOCK.has(node.tagName);
  if (block) flush();
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) collect(child, lines, buf);
  if (isElement(node) && node.tagName === "template") return;
  if (block) flush();
}

/** HTML → the layout text the text parser reads (exported for the DOCX path and tests). */
export function htmlToText(html: string): string {
  const doc = parse(html);
  const lines: string[] = [];
  const buf = { text: "" };
  collect(doc, lines, buf);
  const t = buf.text.trim();
  if (t) lines.push(t);
  return lines.join("\n");
}

/** Parses a report given as HTML (sync). Locations point into the extracted `sourceText`. */
export function parseHtml(html: string): ParseResult {
  const result = parseText(htmlToText(html));
  return result.ok ? { ...result, sourceKind: "html" } : result;
}
