import { toViewHref, type ViewParams } from "@/lib/view/view-href";

type DownloadLinksProps = {
  /** the API route serving the same view (/api/v1/rankings, /api/v1/compare) */
  apiPath: string;
  /** the view's parameters, with the page on screen (the JSON link keeps it; the CSV is every page) */
  params: ViewParams;
  /** rows in the whole view (every page): what the CSV holds */
  total: number;
  /** false for a view shown whole (no pages): then the JSON is the whole view too */
  isPaged?: boolean;
};

/**
 * 下载: the CSV is the whole view (every page, in the table's order, with year, 报告口径 and region path on each row);
 * the JSON is the API's answer for the page on screen.
 */
export function DownloadLinks({ apiPath, params, total, isPaged = true }: DownloadLinksProps) {
  const linkClass = "rounded border border-slate-300 px-2 py-0.5 text-sm text-sky-800 hover:bg-slate-50";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="下载">
      <span className="text-slate-600">下载：</span>
      <a href={toViewHref(apiPath, params, { format: "csv", page: undefined })} className={linkClass} download data-testid="download-csv">
        CSV（全部 {total.toLocaleString("zh-CN")} 行）
      </a>
      <a href={toViewHref(apiPath, params)} className={linkClass} data-testid="download-json">
        {isPaged ? "JSON（本页）" : "JSON"}
      </a>
    </div>
  );
}
