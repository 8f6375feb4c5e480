import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/ui/site-footer";
import { SiteHeader } from "@/components/ui/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政府信息公开年报数据", template: "%s · 政府信息公开年报数据" },
  description: "政府信息公开工作年度报告：统一口径、可核查、可比较的数据",
  openGraph: {
    siteName: "政府信息公开年报数据",
    locale: "zh_CN",
    type: "website",
    title: "政府信息公开年报数据",
    description: "政府信息公开工作年度报告：统一口径、可核查、可比较的数据",
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // every page is rendered per request: its scripts carry the request's CSP nonce (proxy.ts), which a prerendered page cannot
  await connection();
  return (
    <html lang="zh-CN">
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          跳到正文
        </a>
        <SiteHeader />
        <div id="main" className="flex-1">
          {children}
        </div>
        <SiteFooter />
      </body>
    </html>
  );
}
