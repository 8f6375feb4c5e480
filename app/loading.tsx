/** Shown while a page's data loads. */
export default function Loading() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-8" aria-busy="true">
      <p className="text-slate-600" role="status">
        正在加载数据…
      </p>
      <div className="mt-4 grid animate-pulse grid-cols-2 gap-3 md:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-20 rounded-lg bg-slate-100" />
        ))}
      </div>
    </main>
  );
}
