import type { Metadata } from "next";
import { toOpenGraph } from "@/lib/site";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportScopeNote } from "@/components/scope/report-scope-note";
import { AgencyCharts } from "@/components/agency/agency-charts";
import { FigureGrid } from "@/components/agency/figure-grid";
import { PeerRanksSection } from "@/components/agency/peer-ranks-section";
import { QualityPanel } from "@/components/agency/quality-panel";
import { SourceView } from "@/components/agency/source-view";
import { VersionHistory } from "@/components/agency/version-history";
import { YearSwitcher } from "@/components/agency/year-switcher";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { getAgencyPage, getPeerRanks } from "@/lib/db/agencies";
import { FIGURE_KEYS, SMALL_SAMPLE_THRESHOLD } from "@/lib/figures/figures";
import { getRegion, getRegionChain } from "@/lib/regions/gazetteer";
import { FIGURE_CARD_PATHS, toFigureCards } from "@/lib/view/to-figure-cards";
import { toApplicantMix, toOutcomeDetail, toOutcomeGroups } from "@/lib/view/to-outcome-series";
import { toCrossYearCheck, toQualityReport } from "@/lib/view/to-quality-report";
import { toTrendSeries } from "@/lib/view/to-trend-series";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const LEVEL_LABELS: Record<string, string> = { 省: "省级", 市: "市级", 县: "县级", 乡: "乡级" };

function toInt(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** The page's first read, shared by the metadata and the page (the same arguments: one statement per request). */
async function readPage({ params, searchParams }: PageProps) {
  const query = await searchParams;
  return getAgencyPage(toInt((await params).id) ?? 0, toInt(query.year), toInt(query.version), FIGURE_CARD_PATHS);
}

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const agency = (await readPage(props))?.agency;
  if (!agency) return { title: "未找到机关" };
  const description = `${agency.name}历年政府信息公开工作年度报告数据：申请量、办理结果、行政复议与诉讼，每个数字可追溯到原文。`;
  return { title: agency.name, description, openGraph: toOpenGraph(agency.name, description, "article") };
}

export default async function AgencyPage(props: PageProps) {
  const id = toInt((await props.params).id);
  const query = await props.searchParams;
  if (!id) notFound();
  // the body, its years and the shown version with its history in one statement (shared with the metadata); then the
  // peer ranks in one more
  const found = await readPage(props);
  if (!found) notFound();
  const { agency, years } = found;
  const latestYear = years.at(-1)?.year;
  const year = toInt(query.year) ?? latestYear;
  if (year === undefined) return <NoReports name={agency.name} />;
  const own = years.find((y) => y.year === year) ?? null;
  const ranks = own ? getPeerRanks({ agencyId: agency.id, year, figures: [...FIGURE_KEYS], own }) : null;
  ranks?.catch(() => undefined); // awaited by PeerRanksSection; not left unhandled when the page answers 404 instead
  const report = own ? found.report : null;
  if (!report || !ranks) {
    const published = years.map((y) => y.year);
    if (published.includes(year)) notFound(); // the year exists, the version asked for does not
    return (
      <YearNotPublished
        agencyId={agency.id}
        name={agency.name}
        year={year}
        years={published}
        chain={agency.regionCode ? getRegionChain(agency.regionCode) : []}
      />
    );
  }

  const chain = agency.regionCode ? getRegionChain(agency.regionCode) : [];
  const province = agency.provinceCode ? getRegion(agency.provinceCode)?.name : undefined;
  const levelLabel = LEVEL_LABELS[agency.level] ?? agency.level;
  const quality = toQualityReport({ findings: report.findings, provenance: report.provenance, document: report.document });
  const crossYear = toCrossYearCheck(year, years);
  const download = `/agencies/${agency.id}/download?year=${year}&version=${report.version}`;
  /** the report's text as a page of its own: every source link points at a line there, for readers without a script */
  const textUrl = `/agencies/${agency.id}/text?year=${year}&version=${report.version}`;

  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
      <header className="flex flex-col gap-2">
        <Breadcrumb items={[{ label: "首页", href: "/" }, ...chain.map((r) => ({ label: r.name, href: `/regions/${r.code}` }))]} />
        <h1 className="text-2xl font-semibold">{agency.name}</h1>
        <p className="flex flex-wrap gap-x-3 text-sm text-slate-600">
          <span>{levelLabel}</span>
          <span>{agency.kind}</span>
          {agency.aliases.length > 0 ? <span>又称：{agency.aliases.join("、")}</span> : null}
        </p>
        <p className="flex flex-wrap gap-x-3 text-sm text-slate-700" data-testid="report-origin">
          <span>发布日期：{report.publishedOn ?? "报告未载明"}</span>
          {report.sourceUrl ? (
            <a href={report.sourceUrl} className="text-sky-800 underline" rel="noopener noreferrer" target="_blank">
              原文<span className="sr-only">（{year} 年报告的发布网址，新窗口打开）</span>
            </a>
          ) : (
            <span className="text-slate-600">原文网址未记录（本页下方保留了收录的原文）</span>
          )}
          <span className="text-slate-600">收录于 {report.ingestedAt.toISOString().slice(0, 10)}</span>
        </p>
        <YearSwitcher agencyId={agency.id} years={years.map((y) => y.year)} current={year} />
      </header>

      <section aria-labelledby="figures-heading" className="flex flex-col gap-3">
        <h2 id="figures-heading" className="text-lg font-semibold">
          {year} 年度主要数据
          {!report.isLatest ? <span className="ml-2 text-sm font-normal text-amber-800">（第 {report.version} 版，非最新）</span> : null}
        </h2>
        <p className="text-sm text-slate-600">
          点击数值可跳到报告原文中的出处。“未填报”表示报告未载明；“—”表示比率无法计算；办结量不足 {SMALL_SAMPLE_THRESHOLD}{" "}
          件的比率标注“样本较小”。
        </p>
        <ReportScopeNote scope={report.scope} findings={report.findings} />
        <FigureGrid cards={toFigureCards(report.figures, report.provenance, report.findings)} textUrl={textUrl} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="同级排名">
          {/* not streamed: a streamed part takes a script to show (readers without one saw only the placeholder) */}
          <PeerRanksSection
            agencyId={agency.id}
            ranks={ranks}
            peerGroupLabel={[province, levelLabel, agency.kind].filter(Boolean).join(" · ")}
          />
        </Card>
        <Card title="数据质量">
          <QualityPanel quality={quality} crossYear={crossYear} textUrl={textUrl} />
        </Card>
      </div>

      <AgencyCharts
        year={year}
        outcomeGroups={toOutcomeGroups(report.document.requests)}
        outcomeDetail={toOutcomeDetail(report.document.requests)}
        applicantMix={toApplicantMix(report.document.requests)}
        trend={toTrendSeries(years)}
      />

      <Card title="报告原文" id="source">
        <p className="mb-2 text-sm text-slate-600">
          {describeSource(report.sourceKind)}
          {report.publishedOn ? `，落款日期 ${report.publishedOn}` : ""}。黄色标记为读取的数值，蓝色为推算值。
        </p>
        <SourceView
          key={`${year}-${report.version}`}
          sourceUrl={`/agencies/${agency.id}/source?year=${year}&version=${report.version}`}
          textUrl={textUrl}
          lineCount={report.sourceLineCount}
          pdfUrl={
            report.mediaType.startsWith("application/pdf") ? `/agencies/${agency.id}/original?year=${year}&version=${report.version}` : null
          }
        />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="版本记录">
          <VersionHistory agencyId={agency.id} year={year} shownVersion={report.version} versions={report.versions} />
        </Card>
        <Card title="下载数据">
          <ul className="flex flex-col gap-2 text-sm">
            <li>
              <a href={`${download}&format=json`} className="text-sky-800 underline" download>
                标准格式 JSON（{year} 年，第 {report.version} 版）
              </a>
            </li>
            <li>
              <a href={`${download}&format=csv`} className="text-sky-800 underline" download>
                CSV 表格（含每个数值的出处与状态）
              </a>
            </li>
            <li>
              <a href={`/agencies/${agency.id}/original?year=${year}&version=${report.version}`} className="text-sky-800 underline">
                收录的原件（{describeSource(report.sourceKind).replace("来源格式：", "")}）
              </a>
            </li>
          </ul>
        </Card>
      </div>
    </main>
  );
}

function describeSource(kind: string): string {
  const names: Record<string, string> = {
    text: "纯文本",
    html: "网页",
    docx: "Word 文档",
    doc: "Word 97–2003 / WPS 文档",
    pdf: "PDF",
    ocr: "扫描件（文字识别，数值已用勾稽关系核验）",
  };
  return `来源格式：${names[kind] ?? kind}`;
}

/** A year the body has no report for: say which years there are (2019 年未收录；已收录 2023、2024 年). */
function YearNotPublished(props: {
  agencyId: number;
  name: string;
  year: number;
  years: number[];
  chain: { code: string; name: string }[];
}) {
  const { agencyId, name, year, years, chain } = props;
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
      <Breadcrumb items={[{ label: "首页", href: "/" }, ...chain.map((r) => ({ label: r.name, href: `/regions/${r.code}` }))]} />
      <h1 className="text-2xl font-semibold">{name}</h1>
      <p className="text-slate-800" data-testid="year-not-published">
        {year} 年未收录；已收录 {years.join("、")} 年。
      </p>
      <p className="text-sm text-slate-600">“未收录”表示本站没有该机关该年度的年报：可能未发布，也可能尚未收集。</p>
      <ul className="flex flex-wrap gap-3" aria-label="已收录的年度">
        {years.map((y) => (
          <li key={y}>
            <Link href={`/agencies/${agencyId}?year=${y}`} className="rounded border border-slate-300 px-3 py-1 text-sky-800 underline">
              查看 {y} 年
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

function NoReports({ name }: { name: string }) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-semibold">{name}</h1>
      <p className="mt-3 text-slate-700">尚未收录该机关的年度报告。</p>
    </main>
  );
}
