import Link from "next/link";
import { toViewHref, type ViewParams } from "@/lib/view/view-href";

type PagerProps = { path: string; params: ViewParams; page: number; totalPages: number };

/** 上一页 / 第 n / N 页 / 下一页 as links that keep every other choice. */
export function Pager({ path, params, page, totalPages }: PagerProps) {
  if (totalPages <= 1) return null;
  const linkClass = "rounded border border-slate-300 px-2 py-0.5 text-sky-800 hover:bg-slate-50";
  return (
    <nav aria-label="分页" className="flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={toViewHref(path, params, { page: page - 1, highlight: undefined })} className={linkClass} rel="prev">
          上一页
        </Link>
      ) : null}
      <span className="text-slate-600">
        第 {page} / {totalPages} 页
      </span>
      {page < totalPages ? (
        <Link href={toViewHref(path, params, { page: page + 1, highlight: undefined })} className={linkClass} rel="next">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}
