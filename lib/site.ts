/** The site's name and the words every export carries (chart images, dataset files). Pure constants. */

/** 站名: in page titles (once, through the layout's template), Open Graph, chart exports and the dataset. */
export const SITE_NAME = "政府信息公开年报数据";

/** The source line under every exported chart and in the dataset's README. */
export const SOURCE_LINE = "数据来源：各机关公开发布的政府信息公开工作年度报告，经本站按统一口径解析、以勾稽关系核验";

/** The licence of the data this site publishes (stated on /methods, in LICENSE and in the dataset index alike). */
export const DATA_LICENCE = {
  code: "MIT",
  data: "CC BY 4.0",
  dataUrl: "https://creativecommons.org/licenses/by/4.0/deed.zh-hans",
  text: "本站整理的数据（数字、规范化全文数据、数据字典）以知识共享署名 4.0 国际许可协议（CC BY 4.0）发布，引用时请注明“政府信息公开年报数据”及报告原文链接；原始报告由各发布机关依法公开，权利归发布机关。本站代码以 MIT 许可证发布（见代码仓库 LICENSE 文件）。",
} as const;

/** 站点简介: the home page's description (and every page's fallback). */
export const SITE_DESCRIPTION = "政府信息公开工作年度报告：统一口径、可核查、可比较的数据";

/**
 * A page's Open Graph block. Next.js replaces (does not merge) the layout's `openGraph` when a page sets its own, so every
 * page builds the whole block here: site name, locale and type stay on every page, with the page's own title and description.
 */
export function toOpenGraph(title: string, description: string, type: "website" | "article" = "website") {
  return { siteName: SITE_NAME, locale: "zh_CN", type, title, description } as const;
}
