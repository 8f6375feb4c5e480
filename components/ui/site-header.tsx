import Link from "next/link";

const NAV_LINKS = [
  { href: "/", label: "首页" },
  { href: "/regions", label: "地区" },
  { href: "/compare", label: "比较" },
  { href: "/rankings", label: "排名" },
  { href: "/methods", label: "方法说明" },
] as const;

/** The site's top bar: name and the main sections (首页 / 地区 / 比较 / 排名 / 方法说明). */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="font-semibold text-slate-900">
          政府信息公开年报数据
        </Link>
        <nav aria-label="主导航">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
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
