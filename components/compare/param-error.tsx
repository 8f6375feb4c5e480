import Link from "next/link";

/** Shown instead of a view when its URL parameters are wrong, with the reason and a way back. */
export function ParamError({ message, resetHref }: { message: string; resetHref: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p>{message}</p>
      <p className="mt-2">
        <Link href={resetHref} className="text-sky-800 underline">
          恢复默认设置
        </Link>
      </p>
    </div>
  );
}
