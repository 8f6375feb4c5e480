/**
 * Placeholder shown while a part of a page loads (used as a Suspense fallback). There is no route-level
 * loading.tsx on purpose: it would start streaming before notFound() runs, and unknown agencies and
 * regions would answer 200 instead of 404.
 */
export function LoadingSkeleton({ label = "正在加载数据…", blocks = 4 }: { label?: string; blocks?: number }) {
  return (
    <div aria-busy="true" className="flex flex-col gap-3">
      <p className="text-sm text-slate-600" role="status">
        {label}
      </p>
      <div className="grid animate-pulse grid-cols-2 gap-3 md:grid-cols-4">
        {Array.from({ length: blocks }, (_, i) => (
          <div key={i} className="h-16 rounded-lg bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
