import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-2xl font-semibold">未找到该页面</h1>
      <p className="mt-3 text-slate-700">您要找的机关、地区或页面不存在，或尚未收录其年度报告。</p>
      <p className="mt-6">
        <Link href="/" className="text-sky-800 underline">
          返回首页搜索
        </Link>
      </p>
    </main>
  );
}
