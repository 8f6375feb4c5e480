"use client";

/** Draw the chart's SVG on a canvas (2× for sharpness, white background) and download it as PNG. Client-only. */
async function downloadSvgAsPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.style.fontFamily = getComputedStyle(svg).fontFamily;
  const source = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("图表无法转换为图片"));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    const link = document.createElement("a");
    link.download = fileName;
    link.href = canvas.toDataURL("image/png");
    link.click();
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** 下载 PNG for the recharts chart inside the element with `targetId`. */
export function PngDownloadButton({ targetId, fileName }: { targetId: string; fileName: string }) {
  const onClick = (): void => {
    const svg = document.querySelector<SVGSVGElement>(`#${CSS.escape(targetId)} svg.recharts-surface`);
    if (svg) void downloadSvgAsPng(svg, fileName);
  };
  return (
    <button type="button" onClick={onClick} className="rounded border border-slate-300 px-2 py-0.5 text-sm text-sky-800 hover:bg-slate-50">
      下载图片（PNG）
    </button>
  );
}
