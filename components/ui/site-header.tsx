import Link from "next/link";

const NAV_LINKS = [
  { href: "/", label: "首页" },
  { href: "/compare", label: "比较" },
  { href: "/rankings", label: "排名" },
] as const;

/** The site's top bar: name and the three main sections (首页 / 比较 / 排名). */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="font-semibold text-slate-900">
          政府信息公开年报数据
        </Link>
        <nav aria-label="主导航">
          <ul className="flex gap-4 text-sm">
            {NAV_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-sky-800 hover:underline">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
