/**
 * Public API of the report parser (政府信息公开工作年度报告 → `ogi-annual-report/v1`).
 * Pure: no Next, React, Prisma, fs or env imports.
 */
export { parseText } from "./parse-text";
export { parseHtml } from "./parse-html";
export { parseReport, isScanRefusal } from "./parse-report";
export { IDENTITIES, expandEquations, type Equation, type Identity } from "./identities";
export type * from "./types";
