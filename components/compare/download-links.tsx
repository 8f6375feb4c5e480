import { toViewHref, type ViewParams } from "@/lib/view/view-href";

type DownloadLinksProps = {
  /** the API route serving the same view (/api/v1/rankings, /api/v1/compare) */
  apiPath: string;
  params: ViewParams;
};

/** 下载 CSV / JSON of exactly the rows on screen: the API route with the page's own parameters. */
export function DownloadLinks({ apiPath, params }: DownloadLinksProps) {
  const linkClass = "rounded border border-slate-300 px-2 py-0.5 text-sm text-sky-800 hover:bg-slate-50";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="下载">
      <span className="text-slate-600">下载本页数据：</span>
      <a href={toViewHref(apiPath, params, { format: "csv" })} className={linkClass} download data-testid="download-csv">
        CSV
      </a>
      <a href={toViewHref(apiPath, params)} className={linkClass} data-testid="download-json">
        JSON
      </a>
    </div>
  );
}
