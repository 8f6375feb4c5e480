/**
 * Chart exports (PNG, SVG) that stand on their own: the chart's SVG framed by a header (title; scope, year, unit) and a
 * footer (source line, site name, the page's address), all as SVG text, so the SVG file carries the words and the PNG
 * is that same SVG drawn on a canvas. Browser-only (DOM, canvas); used by ChartDownloadButtons.
 */
import { SITE_NAME, SOURCE_LINE } from "@/lib/site";

/** What an exported chart says about itself besides the drawing. */
export type ChartExportInfo = {
  /** the chart's title, as on the page */
  title: string;
  /** one short line each: 范围、年度、单位、报告口径 … */
  details: string[];
  /** sentences under the chart (a clipped outlier, the bars not drawn), printed above the source line */
  notes?: string[];
};

const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const PAD = 16;
const TITLE_SIZE = 17;
const DETAIL_SIZE = 13;
const FOOTER_SIZE = 12;
const LINE_GAP = 6;
/** the chart is drawn at least this wide: a title on a phone-width chart still gets readable lines */
const MIN_WIDTH = 360;

/** An export ready to save: the SVG source and its size in CSS pixels. */
export type ComposedChart = { svg: string; width: number; height: number };

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/**
 * Break text into lines no wider than `maxWidth` at `size` px (measured with the canvas). A run of digits or Latin letters
 * (600, 2025, CSV) stays whole unless it alone is wider than a line (an address); any other character may break.
 */
export function wrapText(text: string, size: number, maxWidth: number, weight = "normal"): string[] {
  const ctx = document.createElement("canvas").getContext("2d");
  const measure = (s: string): number => {
    if (!ctx) return s.length * size;
    ctx.font = `${weight} ${size}px ${FONT_FAMILY}`;
    return ctx.measureText(s).width;
  };
  const lines: string[] = [];
  let line = "";
  const tokens = text.match(/[A-Za-z0-9.,%]+|[^A-Za-z0-9.,%]/gu) ?? [];
  for (const token of tokens) {
    const pieces = measure(token) > maxWidth ? [...token] : [token];
    for (const piece of pieces) {
      if (line !== "" && measure(line + piece) > maxWidth) {
        lines.push(line);
        line = "";
      }
      line += piece;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

type TextBlock = { lines: string[]; size: number; weight: string; fill: string };

/** Text blocks stacked from `top`: the SVG <text> elements and the height they take. */
function layoutBlocks(blocks: TextBlock[], top: number): { markup: string; height: number } {
  let y = top;
  const parts: string[] = [];
  for (const b of blocks) {
    for (const line of b.lines) {
      y += b.size;
      parts.push(`<text x="${PAD}" y="${y}" font-size="${b.size}" font-weight="${b.weight}" fill="${b.fill}">${escapeXml(line)}</text>`);
      y += LINE_GAP;
    }
  }
  return { markup: parts.join(""), height: y - top };
}

/** The chart's SVG framed by its header and footer, as one standalone SVG document. */
export function composeChartSvg(chart: SVGSVGElement, info: ChartExportInfo, pageUrl: string): ComposedChart {
  const box = chart.getBoundingClientRect();
  const chartWidth = Math.ceil(box.width);
  const chartHeight = Math.ceil(box.height);
  const width = Math.max(MIN_WIDTH, chartWidth);
  const textWidth = width - 2 * PAD;
  const header = layoutBlocks(
    [
      { lines: wrapText(info.title, TITLE_SIZE, textWidth, "600"), size: TITLE_SIZE, weight: "600", fill: "#0f172a" },
      { lines: wrapText(info.details.join(" · "), DETAIL_SIZE, textWidth), size: DETAIL_SIZE, weight: "normal", fill: "#334155" },
    ],
    PAD,
  );
  const chartTop = PAD + header.height + 8;
  const footerTop = chartTop + chartHeight + 8;
  const footer = layoutBlocks(
    [
      ...(info.notes ?? []).map((note) => ({
        lines: wrapText(note, FOOTER_SIZE, textWidth),
        size: FOOTER_SIZE,
        weight: "normal",
        fill: "#334155",
      })),
      { lines: wrapText(SOURCE_LINE, FOOTER_SIZE, textWidth), size: FOOTER_SIZE, weight: "normal", fill: "#475569" },
      { lines: wrapText(`${SITE_NAME} · ${pageUrl}`, FOOTER_SIZE, textWidth), size: FOOTER_SIZE, weight: "normal", fill: "#475569" },
    ],
    footerTop + 8,
  );
  const height = Math.ceil(footerTop + 8 + footer.height + PAD);
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.removeAttribute("style");
  clone.removeAttribute("class");
  clone.setAttribute("x", String(Math.floor((width - chartWidth) / 2)));
  clone.setAttribute("y", String(chartTop));
  clone.setAttribute("width", String(chartWidth));
  clone.setAttribute("height", String(chartHeight));
  clone.setAttribute("overflow", "visible");
  const chartMarkup = new XMLSerializer().serializeToString(clone);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT_FAMILY}'>`,
    `<title>${escapeXml(info.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g data-part="header">${header.markup}</g>`,
    chartMarkup,
    `<line x1="${PAD}" x2="${width - PAD}" y1="${footerTop}" y2="${footerTop}" stroke="#cbd5e1"/>`,
    `<g data-part="footer">${footer.markup}</g>`,
    `</svg>`,
  ].join("");
  return { svg, width, height };
}

function save(href: string, fileName: string): void {
  const link = document.createElement("a");
  link.download = fileName;
  link.href = href;
  link.click();
}

/** Save the composed chart as an SVG file. */
export function downloadSvg(composed: ComposedChart, fileName: string): void {
  const url = URL.createObjectURL(new Blob([composed.svg], { type: "image/svg+xml;charset=utf-8" }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draw the composed chart on a canvas (2× for sharpness, white background) and save it as PNG. */
export async function downloadPng(composed: ComposedChart, fileName: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([composed.svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("图表无法转换为图片"));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = composed.width * scale;
    canvas.height = composed.height * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, composed.width, composed.height);
    save(canvas.toDataURL("image/png"), fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}
