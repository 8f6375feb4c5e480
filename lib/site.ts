/** The site's name and the words every export carries (chart images, dataset files). Pure constants. */

/** 站名: in page titles (once, through the layout's template), Open Graph, chart exports and the dataset. */
export const SITE_NAME = "政府信息公开年报数据";

/** The source line under every exported chart and in the dataset's README. */
export const SOURCE_LINE = "数据来源：各机关公开发布的政府信息公开工作年度报告，经本站按统一口径解析、以勾稽关系核验";
