/**
 * HTML → layout text through a real HTML parser (parse5): block elements become lines, each table
 * row becomes one line of TAB-separated cells on the expanded grid (rowspan/colspan honoured: a
 * spanned cell's text stands in its top-left slot, the other slots are empty cells).
 */
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { LimitExceeded, limitMessages, resolveLimits, type ParseLimits } from "./limits";
import { parseText } from "./parse-text";
import type { ParseResult } from "./types";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const SKIP = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object"]);
const BLOCK = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "section",
  "article",
  "header",
  "footer",
  "tr",
  "table",
  "title",
  "blockquote",
  "pre",
  "dd",
  "dt",
  "dl",
  "form",
  "hr",
  "main",
  "nav",
  "aside",
  "center",
  "caption",
]);

const isElement = (n: Node): n is Element => "tagName" in n;
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const span = (el: Element, name: string): number => Math.min(100, Math.max(1, Number.parseInt(attr(el, name) ?? "1", 10) || 1));

/** Marks the end of a block element on the explicit walk stacks below (every walk is iterative: no recursion depth). */
const END_BLOCK = Symbol("end-block");

const childrenOf = (node: Node): Node[] => ("childNodes" in node ? node.childNodes : []);

/** Text of an element with blocks as line breaks (used inside cells: breaks become spaces). */
function inlineText(root: Node): string {
  let out = "";
  const stack: (Node | typeof END_BLOCK)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === END_BLOCK) {
      out += " ";
      continue;
    }
    if (node.nodeName === "#text") {
      out += (node as DefaultTreeAdapterMap["textNode"]).value;
      continue;
    }
    if (!isElement(node) && node.nodeName !== "#document" && node.nodeName !== "#document-fragment") continue;
    if (isElement(node) && SKIP.has(node.tagName)) continue;
    if (isElement(node) && BLOCK.has(node.tagName)) {
      out += " ";
      stack.push(END_BLOCK);
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** The rows of a table in document order, not those of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [table];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el !== table && el.tagName === "tr") {
      out.push(el);
      continue;
    }
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const child = kids[i]!;
      if (isElement(child) && child.tagName !== "table") stack.push(child);
    }
  }
  return out;
}

/** A table as lines of TAB-separated cells on its expanded grid; `budget` bounds the grid's cells (spans multiply). */
function tableLines(table: Element, budget: { cells: number }): string[] {
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
      budget.cells -= rs * cs;
      if (budget.cells < 0) throw new LimitExceeded("too-long-text", limitMessages.tooManyCells());
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
function collect(root: Node, lines: string[], budget: { cells: number }): string {
  let buf = "";
  const flush = (): void => {
    const t = buf.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (t) lines.push(t);
    buf = "";
  };
  const stack: (Node | typeof END_BLOCK)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === END_BLOCK) {
      flush();
      continue;
    }
    if (node.nodeName === "#text") {
      buf += (node as DefaultTreeAdapterMap["textNode"]).value;
      continue;
    }
    if (isElement(node)) {
      if (SKIP.has(node.tagName)) continue;
      if (node.tagName === "table") {
        flush();
        for (const line of tableLines(node, budget)) lines.push(line);
        continue;
      }
      if (BLOCK.has(node.tagName)) {
        flush();
        stack.push(END_BLOCK);
      }
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return buf;
}

/** Deepest element nesting of the tree (iterative). */
export function treeDepth(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    for (const child of childrenOf(node)) if (isElement(child)) stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * HTML → the layout text the text parser reads (exported for the DOCX path and tests). Throws `LimitExceeded` for a
 * tree nested deeper than `maxHtmlDepth` or text longer than `maxTextChars`.
 */
export function htmlToText(html: string, limits: Partial<ParseLimits> = {}): string {
  const { maxHtmlDepth, maxTextChars } = resolveLimits(limits);
  const doc = parse(html);
  if (treeDepth(doc) > maxHtmlDepth) throw new LimitExceeded("too-deep", limitMessages.tooDeep(maxHtmlDepth));
  const lines: string[] = [];
  const rest = collect(doc, lines, { cells: maxTextChars }).trim();
  if (rest) lines.push(rest);
  return lines.join("\n");
}

/** Parses a report given as HTML (sync). Locations point into the extracted `sourceText`. */
export function parseHtml(html: string, limits: Partial<ParseLimits> = {}): ParseResult {
  let text: string;
  try {
    text = htmlToText(html, limits);
  } catch (err) {
    if (err instanceof LimitExceeded) return { ok: false, error: { code: err.code, message: err.message } };
    throw err;
  }
  const maxTextChars = resolveLimits(limits).maxTextChars;
  if (text.length > maxTextChars) {
    return { ok: false, error: { code: "too-long-text", message: limitMessages.tooLongText(text.length, maxTextChars) } };
  }
  // every TAB-separated field of the text is a cell of an HTML table's grid (tableLines): a blank after a row's last
  // number is its last cell (an unprinted 总计), not the padding a text file's trailing tab may be
  const result = parseText(text, { exactCells: true });
  return result.ok ? { ...result, sourceKind: "html" } : result;
}
