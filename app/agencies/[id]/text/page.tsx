import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { getAgency } from "@/lib/db/agencies";
import { getReport } from "@/lib/db/reports";
import { toSourceHtml } from "@/lib/view/to-source-html";
import { toSourceViewData } from "@/lib/view/to-source-marks";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function toInt(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

async function readAddress({ params, searchParams }: PageProps) {
  const query = await searchParams;
  return { agencyId: toInt((await params).id), year: toInt(query.year), version: toInt(query.version) };
}

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { agencyId, year } = await readAddress(props);
  const agency = agencyId ? await getAgency(agencyId) : null;
  return { title: agency && year ? `${agency.name} ${year} 年报告原文` : "未找到报告原文" };
}

/**
 * 报告原文 of one report version as a page of its own, every line numbered (#L<n>) with its values marked: what the
 * agency page's source view (components/agency/source-view) loads on demand, for readers without JavaScript.
 */
export default async function SourceTextPage(props: PageProps) {
  const { agencyId, year, version } = await readAddress(props);
  if (!agencyId || !year) notFound();
  const [agency, report] = await Promise.all([getAgency(agencyId), getReport({ agencyId, year, version })]);
  if (!agency || !report) notFound();
  const { lines, marks } = toSourceViewData(report.sourceText, report.provenance);
  const agencyHref = `/agencies/${agency.id}?year=${year}${report.isLatest ? "" : `&version=${report.version}`}`;
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
      <Breadcrumb items={[{ label: "首页", href: "/" }, { label: agency.name, href: agencyHref }, { label: "报告原文" }]} />
      <h1 className="text-2xl font-semibold">
        {agency.name} {year} 年报告原文
      </h1>
      <p className="text-sm text-slate-600">
        第 {report.version} 版{report.isLatest ? "（最新）" : ""}，共 {lines.length} 行。黄色标记为读取的数值，蓝色为推算值。{" "}
        <Link href={agencyHref} className="text-sky-800 underline">
          返回机关页
        </Link>
      </p>
      <ol
        className="rounded border border-slate-200 bg-slate-50 py-2 font-mono text-[13px] leading-6"
        data-testid="source-text"
        dangerouslySetInnerHTML={{ __html: toSourceHtml(lines, marks) }}
      />
    </main>
  );
}
