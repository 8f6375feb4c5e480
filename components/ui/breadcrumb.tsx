import Link from "next/link";

export type BreadcrumbItem = { label: string; href?: string };

/** 内蒙古自治区 › 鄂尔多斯市 › 鄂托克旗 */
export function Breadcrumb({ items }: { items: BreadcrumbItem[] }) {
  return (
    <nav aria-label="所在地区" className="text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-x-1">
        {items.map((item, i) => (
          <li key={`${item.label}-${i}`} className="flex items-center gap-x-1">
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            {item.href ? (
              <Link href={item.href} className="text-sky-800 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
