import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ScrollTable } from "@/components/ui/scroll-table";
import { DATASET_COLUMNS, DATASET_FILES } from "@/lib/http/dataset";
import { DATA_LICENCE, toOpenGraph } from "@/lib/site";
import { readPerDataVersion } from "@/lib/db/per-data-version";
import { formatNumber } from "@/lib/format";
import { getCoverage, listLatestReports } from "@/lib/db/reports";
import { FIGURES, SMALL_SAMPLE_THRESHOLD } from "@/lib/figures/figures";
import { IDENTITIES } from "@/lib/report/identities";

export const dynamic = "force-dynamic";

const DESCRIPTION = "数据从哪里来、勾稽关系与“由勾稽关系推算”的含义、收录范围的局限、汇总报告与本机关报告的区别、许可与纠错方式。";

export const metadata: Metadata = {
  title: "方法说明",
  description: DESCRIPTION,
  openGraph: toOpenGraph("方法说明", DESCRIPTION),
};

const UNIT_NAMES: Record<string, string> = { 件: "件", "%": "百分比", 万元: "万元" };
const DIRECTION: Record<string, string> = { true: "越高越好", false: "越低越好", null: "无好坏之分" };

/** 下载全部数据: the files of /api/v1/dataset and the data dictionary (every column, from the figure registry). */
function DatasetSection() {
  return (
    <section aria-labelledby="dataset" className="flex flex-col gap-2">
      <h2 id="dataset" className="text-lg font-semibold">
        下载全部数据
      </h2>
      <p>
        每个机关每个年度取最新版本的报告。文件在下载时由数据库即时生成（不存放在服务器磁盘上），收录新报告后立即反映；同一数据版本的内容相同，可按
        ETag 缓存。程序可从接口 {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON route handler, not a page */}
        <a href="/api/v1/dataset" className="text-sky-800 underline">
          /api/v1/dataset
        </a>{" "}
        读取文件列表与数据字典。
      </p>
      <ul className="list-disc pl-6" data-testid="dataset-files">
        {DATASET_FILES.map((f) => (
          <li key={f.file}>
            <a href={`/api/v1/dataset/${f.file}`} className="text-sky-800 underline" download>
              {f.title}
            </a>
            ：{f.description}
          </li>
        ))}
      </ul>
      <ScrollTable label="数据字典">
        <table className="w-full text-left text-sm" data-testid="data-dictionary">
          <caption className="sr-only">数据字典：全部年报数字（CSV）每一列的含义</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3 font-medium">
                列名
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                单位
              </th>
              <th scope="col" className="py-1 font-medium">
                定义
              </th>
            </tr>
          </thead>
          <tbody>
            {DATASET_COLUMNS.map((c) => (
              <tr key={c.field} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">
                  {c.name}
                </th>
                <td className="py-1 pr-3 whitespace-nowrap">{c.unit ?? "—"}</td>
                <td className="py-1 text-slate-700">{c.definition}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

/** /methods (方法说明): sources, definitions of every figure, the identities, coverage caveats, licence, corrections. */
export default async function MethodsPage() {
  // the same for every request until the next write (shared with the home page's 收录情况)
  const [coverage, latest] = await Promise.all([
    readPerDataVersion("home:coverage", getCoverage),
    readPerDataVersion("methods:latest", () => listLatestReports(1)),
  ]);
  const lastUpdate = latest[0]?.ingestedAt;
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6 leading-relaxed">
      <Breadcrumb items={[{ label: "首页", href: "/" }, { label: "方法说明" }]} />
      <h1 className="text-2xl font-semibold">方法说明</h1>
      <p className="text-sm text-slate-600" data-testid="last-update">
        最近更新：{lastUpdate ? lastUpdate.toISOString().slice(0, 10) : "尚未收录报告"}；现收录 {formatNumber(coverage.agencies)} 个机关的{" "}
        {formatNumber(coverage.reports)} 份年度报告。
      </p>

      <section aria-labelledby="sources" className="flex flex-col gap-2">
        <h2 id="sources" className="text-lg font-semibold">
          数据从哪里来
        </h2>
        <p>
          各级行政机关每年须依《中华人民共和国政府信息公开条例》第五十条发布上一年度的政府信息公开工作年度报告，格式按国务院办公厅 2021
          年（及 2019
          年）印发的模板。本站收集这些报告的原文（PDF、Word、网页或文本），逐表读取其中的数字，保存为统一的结构，并保留原文：每个数字都能点回它在原文中的位置，每份报告的页面都有“原文”链接和发布日期（报告载明时）。
        </p>
      </section>

      <section aria-labelledby="definitions" className="flex flex-col gap-2">
        <h2 id="definitions" className="text-lg font-semibold">
          各项数据的含义
        </h2>
        <dl className="flex flex-col gap-3" data-testid="definitions">
          {FIGURES.map((f) => (
            <div key={f.key} id={`figure-${f.key}`} className="rounded border border-slate-200 p-3">
              <dt className="font-medium">
                {f.label}
                <span className="ml-2 text-sm font-normal text-slate-600">
                  单位：{UNIT_NAMES[f.unit] ?? f.unit} · {DIRECTION[String(f.highIsGood)]}
                  {f.ranked ? " · 可排名" : ""}
                </span>
              </dt>
              <dd className="text-sm text-slate-700">{f.guide ?? "—"}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-slate-600">
          比率以办结量为分母；办结量不足 {SMALL_SAMPLE_THRESHOLD} 件时，比率标注“样本较小”并附上件数，排名默认不纳入。
        </p>
      </section>

      <section aria-labelledby="identities" className="flex flex-col gap-2">
        <h2 id="identities" className="text-lg font-semibold">
          勾稽关系
        </h2>
        <p>报告模板的表格之间有固定的加总关系（勾稽关系）。本站逐条核对：</p>
        <ul className="list-disc pl-6" data-testid="identity-list">
          {Object.values(IDENTITIES).map((i) => (
            <li key={i.id}>
              表{i.table}：{i.label}
            </li>
          ))}
        </ul>
        <p>
          某项关系不成立时，报告页面的“数据质量”会列出差额，依赖这项关系的数字卡片上也会显示“勾稽关系未通过”的提示：这时报告本身前后矛盾，数字可能有误，应以原文为准。
        </p>
        <h3 id="inferred" className="font-semibold">
          什么是“由勾稽关系推算”
        </h3>
        <p>
          PDF
          转文字时，表格的单元格可能错位、粘连或缺失。只有当所有满足上述勾稽关系的填法都给出同一个数时，本站才填入这个数，并标注“由勾稽关系推算”（原文的黄色标记为直接读取的数值，蓝色为推算值）。无法唯一确定的数字保持空缺，显示为“未填报”，绝不猜测；原文中读到的数字从不被改写。
        </p>
      </section>

      <section aria-labelledby="ocr" className="flex flex-col gap-2">
        <h2 id="ocr" className="text-lg font-semibold">
          识别自扫描件
        </h2>
        <p>
          有的机关只发布扫描件（没有文字层的 PDF 或照片）。本站在服务器上用文字识别（OCR，Tesseract 简体中文模型）读取，表格的行列按与 PDF
          相同的方法重建，
          每个数字都再用英文数字模型读第二遍。两遍不一致、或识别置信度低的数字只是“候选”：只有当恰好一种读法满足全部勾稽关系时才采用，并标注“由勾稽关系推算”；
          没有勾稽关系能确认的低置信度数字显示为“未填报”，绝不猜测。这样读出的数字在卡片上标有“识别自扫描件”，可点击查看原文所在页。
        </p>
      </section>

      <section aria-labelledby="coverage" className="flex flex-col gap-2">
        <h2 id="coverage" className="text-lg font-semibold">
          收录范围的局限
        </h2>
        <ul className="list-disc pl-6">
          <li>本站只收录已收集到的报告：“未收录”可能是机关没有发布，也可能是尚未收集。地区合计只是已收录机关的简单加总，不代表全地区。</li>
          <li>不同年度的模板（2019 年版、2021 年版）栏目不同，2019 年版不填收费金额。</li>
          <li>同一机关同一年度如有新的版本（更正稿），页面默认显示最新版本，旧版本保留在“版本记录”中。</li>
        </ul>
      </section>

      <section aria-labelledby="summary" className="flex flex-col gap-2">
        <h2 id="summary" className="text-lg font-semibold">
          汇总报告与本机关报告
        </h2>
        <p>
          市、县人民政府发布的年度报告有两种：一种只统计政府本级（办公室）的工作，一种汇总全市（县）各部门和下级政府的数字。两者数字可相差百倍，不能直接比较。排名和比较只在同级、同类机关之间进行，阅读时请留意报告的口径。
        </p>
      </section>

      <section aria-labelledby="licence" className="flex flex-col gap-2">
        <h2 id="licence" className="text-lg font-semibold">
          许可与引用
        </h2>
        <p data-testid="licence-text">{DATA_LICENCE.text}</p>
        <p className="text-sm">
          许可全文：
          <a href={DATA_LICENCE.dataUrl} className="text-sky-800 underline">
            CC BY 4.0
          </a>
          。
        </p>
      </section>

      <DatasetSection />

      <section aria-labelledby="errors" className="flex flex-col gap-2">
        <h2 id="errors" className="text-lg font-semibold">
          发现错误怎么办
        </h2>
        <p>
          请在本项目代码仓库提交问题（issue），写明机关名称、年度、哪一项数字、本站显示的值与原文的值，最好附上报告原文链接或页码。确认后我们会修正解析方法并重新读取，修正会作为新版本记录在该报告的“版本记录”中。
        </p>
        <p>
          <Link href="/" className="text-sky-800 underline">
            返回首页
          </Link>
        </p>
      </section>
    </main>
  );
}
