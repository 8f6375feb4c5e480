"use client";

import Link from "next/link";

/** Error boundary for every page: a plain message and a retry, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-2xl font-semibold">页面加载出错</h1>
      <p className="mt-3 text-slate-700">数据暂时无法读取，请稍后重试。</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">错误编号：{error.digest}</p> : null}
      <div className="mt-6 flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-sky-800 px-3 py-1.5 text-white hover:bg-sky-900">
          重试
        </button>
        <Link href="/" className="py-1.5 text-sky-800 underline">
          返回首页
        </Link>
      </div>
    </main>
  );
}
