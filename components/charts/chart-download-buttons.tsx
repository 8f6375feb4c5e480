"use client";

import { composeChartSvg, downloadPng, downloadSvg, type ChartExportInfo } from "./chart-export";

/** The page address with its Chinese parameters readable (level=县, not level=%E5%8E%BF). */
function safeDecodeUri(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

type ChartDownloadButtonsProps = {
  /** id of the element holding the recharts chart */
  targetId: string;
  /** file name without extension, naming the view (比较_县级人民政府_申请量_2024) */
  fileBase: string;
  info: ChartExportInfo;
};

/** 下载图片（PNG）and 下载矢量图（SVG） of a chart, each with its title, scope, year, unit, source line and the site name. */
export function ChartDownloadButtons({ targetId, fileBase, info }: ChartDownloadButtonsProps) {
  const compose = () => {
    const svg = document.querySelector<SVGSVGElement>(`#${CSS.escape(targetId)} svg.recharts-surface`);
    return svg ? composeChartSvg(svg, info, safeDecodeUri(window.location.href)) : null;
  };
  const buttonClass = "rounded border border-slate-300 px-2 py-0.5 text-sm text-sky-800 hover:bg-slate-50";
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          const composed = compose();
          if (composed) void downloadPng(composed, `${fileBase}.png`);
        }}
      >
        下载图片（PNG）
      </button>
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          const composed = compose();
          if (composed) downloadSvg(composed, `${fileBase}.svg`);
        }}
      >
        下载矢量图（SVG）
      </button>
    </div>
  );
}
