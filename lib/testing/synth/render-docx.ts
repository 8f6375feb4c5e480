/**
 * Renders report blocks as a real DOCX (OOXML in a zip, written with jszip) the way Word and WPS
 * save a report: paragraphs, and tables on a grid where a merged header or group label is a
 * horizontal merge (`w:gridSpan`) or a vertical merge (`w:vMerge` restart / continue, the
 * continued cells empty), blank cells as an empty paragraph, a wrapped label as a second
 * paragraph or a line break (`w:br`) in its cell, and text split over several runs (`w:r`), as
 * Word does after an edit or a spell check, sometimes in the middle of a number. Table 三's
 * header rows repeat on every page (`w:tblHeader`). The document says it is synthetic in its
 * first paragraph and in its core properties.
 */
import JSZip from "jszip";
import type { Block } from "./compose-report";
import type { Rng } from "./prng";
import type { Cell, Table } from "./table-model";

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** Text as one or more runs; with `rng`, split at random points (possibly inside a number). */
function runs(text: string, rng: Rng, bold = false): string {
  if (text === "") return "";
  const rPr = `<w:rPr><w:rFonts w:hint="eastAsia"/>${bold ? "<w:b/>" : ""}<w:sz w:val="21"/></w:rPr>`;
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 1 && rng.chance(0.25)) {
    const cut = rng.int(1, rest.length - 1);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces.map((p) => `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r>`).join("");
}

const paragraph = (inner: string, centered = false): string =>
  `<w:p>${centered ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ""}${inner}</w:p>`;

/** One grid position of a DOCX row: a cell that starts here, or the continuation of a vertical merge. */
type Slot = { kind: "cell"; cell: Cell; span: number; restart: boolean } | { kind: "continue"; span: number };

/** The table's rows as DOCX slots: rowspans become vMerge restart/continue, colspans gridSpan. */
function toSlots(table: Table): Slot[][] {
  const rows: (Slot | null)[][] = table.rows.map(() => new Array<Slot | null>(table.columns).fill(null));
  const taken = table.rows.map(() => new Array<boolean>(table.columns).fill(false));
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (col < table.columns && taken[r]![col]) col++;
      if (col >= table.columns) break;
      const span = Math.min(cell.colspan ?? 1, table.columns - col);
      const rowspan = Math.min(cell.rowspan ?? 1, table.rows.length - r);
      rows[r]![col] = { kind: "cell", cell, span, restart: rowspan > 1 };
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < span; dc++) taken[r + dr]![col + dc] = true;
        if (dr > 0) rows[r + dr]![col] = { kind: "continue", span };
      }
      col += span;
    }
  });
  return rows.map((slots) => slots.filter((s): s is Slot => s !== null));
}

function renderTable(table: Table, rng: Rng): string {
  const slots = toSlots(table);
  const width = Math.floor(9000 / table.columns);
  const grid = `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(table.columns)}</w:tblGrid>`;
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const tblPr =
    `<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders></w:tblPr>`;
  const body = slots.map((rowSlots, r) => {
    const row = table.rows[r]!;
    const trPr = r < table.headerRows ? "<w:trPr><w:tblHeader/></w:trPr>" : "";
    const cells = rowSlots.map((slot) => {
      const span = slot.span > 1 ? `<w:gridSpan w:val="${slot.span}"/>` : "";
      if (slot.kind === "continue") return `<w:tc><w:tcPr>${span}<w:vMerge/></w:tcPr><w:p/></w:tc>`;
      const vMerge = slot.restart ? '<w:vMerge w:val="restart"/>' : "";
      const tcPr = `<w:tcPr><w:tcW w:w="${width * slot.span}" w:type="dxa"/>${span}${vMerge}<w:vAlign w:val="center"/></w:tcPr>`;
      const cellIndex = row.cells.indexOf(slot.cell);
      const header = slot.cell.isHeader === true;
      let inner = paragraph(runs(slot.cell.text, rng), !header || slot.cell.colspan !== undefined);
      if (row.wrapTail?.cellIndex === cellIndex) {
        inner = rng.chance(0.5)
          ? paragraph(`${runs(slot.cell.text, rng)}<w:r><w:br/></w:r>${runs(row.wrapTail.text, rng)}`)
          : paragraph(runs(slot.cell.text, rng)) + paragraph(runs(row.wrapTail.text, rng));
      }
      return `<w:tc>${tcPr}${inner}</w:tc>`;
    });
    return `<w:tr>${trPr}${cells.join("")}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${grid}${body.join("")}</w:tbl>`;
}

/** The body XML of word/document.xml. */
export function renderDocxBody(blocks: Block[], rng: Rng): string {
  // Word puts an empty paragraph between two tables and after the last one.
  return blocks
    .map((b) => (b.kind === "table" ? `${renderTable(b.table, rng)}<w:p/>` : paragraph(runs(b.text, rng, b.heading === true), false)))
    .join("");
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  "</Types>";

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  "</Relationships>";

const CORE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
  "<dc:title>合成数据 SYNTHETIC</dc:title><dc:description>generated by lib/testing/synth for tests; not a real report</dc:description>" +
  "</cp:coreProperties>";

/** The report as DOCX bytes. `rng` picks run splits and how wrapped labels break; the same seed gives the same bytes. */
export async function renderDocx(blocks: Block[], rng: Rng): Promise<Uint8Array> {
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${renderDocxBody(blocks, rng)}` +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800"/></w:sectPr>' +
    "</w:body></w:document>";
  const zip = new JSZip();
  const date = new Date("2024-01-01T00:00:00Z"); // fixed, so the bytes depend on the seed only
  zip.file("[Content_Types].xml", CONTENT_TYPES, { date });
  zip.file("_rels/.rels", ROOT_RELS, { date });
  zip.file("docProps/core.xml", CORE, { date });
  zip.file("word/document.xml", document, { date });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
