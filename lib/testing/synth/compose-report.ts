/**
 * Lays a generated report out as a sequence of blocks (paragraphs and tables) with the text a
 * real report carries: a plain 合成数据 banner first, the title with agency and year, the 统计期限
 * sentence, a narrative whose 受理 count agrees with the table, the six section headings, the
 * 落款 (agency and date) and a site footer with the address chain and 政府网站标识码.
 */
import type { SynthReport } from "./generate-report";
import type { Rng } from "./prng";
import { toTables, type Table } from "./table-model";

/** The banner every synthetic output starts with. */
export const SYNTHETIC_BANNER = "【合成数据 SYNTHETIC：本报告由测试生成器生成，非真实报告】";

/** A paragraph (`heading` marks section titles) or a table. */
export type Block = { kind: "text"; text: string; heading?: boolean } | { kind: "table"; table: Table };

const para = (text: string): Block => ({ kind: "text", text });
const heading = (text: string): Block => ({ kind: "text", text, heading: true });

function dateText(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The report as blocks; `rng` only picks wording variants, never numbers. */
export function composeReport(report: SynthReport, rng: Rng): Block[] {
  const { document: doc, agency } = report;
  const [active, requests, cases] = toTables(doc) as [Table, Table, Table];
  const r = doc.requests;
  const titleName = agency.placeOnlyTitle && rng.chance(0.5) ? agency.placeOnlyTitle : agency.name;
  const title = rng.chance(0.3)
    ? `${titleName} ${doc.year} 年政府信息公开工作年度报告`
    : `${titleName}${doc.year}年政府信息公开工作年度报告`;
  return [
    para(SYNTHETIC_BANNER),
    heading(title),
    para(
      `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制。本报告中所列数据的统计期限自${doc.year}年1月1日起至${doc.year}年12月31日止。如对本报告有疑问，请与${agency.name}联系。`,
    ),
    heading("一、总体情况"),
    heading("（一）主动公开"),
    para(`本机关持续加强主动公开工作，通过门户网站发布各类政务信息 ${rng.int(20, 3000)} 条，更新重点领域专栏 ${rng.int(1, 30)} 个。`),
    heading("（二）依申请公开"),
    para(
      `${doc.scope === "summary" ? `全${agency.chain.at(-1)?.at(-1) ?? "市"}共` : "全年共"}受理政府信息公开申请 ${r.newReceived[6]} 件，办结 ${r.totalProcessed[6]} 件，结转下年度继续办理 ${r.carriedForward[6]} 件。`,
    ),
    heading("（三）政府信息管理"),
    para("健全信息发布审核制度，落实“三审三校”，动态更新政府信息公开目录。"),
    heading("（四）政府信息公开平台建设"),
    para("完善门户网站栏目设置，推进政务新媒体规范化建设，完成适老化与无障碍改造。"),
    heading("（五）监督保障"),
    para("将政务公开纳入年度绩效考核，定期开展业务培训和督查通报。"),
    heading("二、主动公开政府信息情况"),
    { kind: "table", table: active },
    heading("三、收到和处理政府信息公开申请情况"),
    { kind: "table", table: requests },
    heading("四、政府信息公开行政复议、行政诉讼情况"),
    { kind: "table", table: cases },
    heading("五、存在的主要问题及改进情况"),
    para("主要问题是公开内容的针对性和解读的通俗性仍需提升。下一步将聚焦群众关切，提升公开质量。"),
    heading("六、其他需要报告的事项"),
    para("本年度未收取政府信息公开信息处理费。"),
    para(agency.name),
    para(dateText(doc.publishedOn)),
    para(`主办：${agency.name}　地址：${agency.chain.join("")}`),
    para(`政府网站标识码：${agency.siteCode}`),
  ];
}
