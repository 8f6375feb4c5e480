import { describe, expect, it } from "vitest";
import { toHalfWidth } from "./normalize";
import { isProse } from "./prose";
import { REQUEST_ROWS } from "./template";

describe("isProse", () => {
  it.each([
    "本年度共收到政府信息公开申请286件（含线上申请15件）。",
    "全年办结21件，其中予以公开8件，结转下年度0件。",
    "本年度共收到政府信息公开申请 12 件，其中自然人 10 件，法人或其他组织 2 件。",
    "注：“其他”含通过信函提交的申请3件。",
  ])("a sentence restating figures is prose: %s", (text) => {
    expect(isProse(toHalfWidth(text))).toBe(true);
  });

  it.each([
    ...REQUEST_ROWS.map((r) => r.label),
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）3件0件0件0件0件0件3件",
    "一、本年新收政府信息公开申请数量12件，0件，0件，0件，0件，0件，12件",
    "一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000",
    "本年度共收到申请12件，其中自然人10件、商业企业1件、科研机构0件、社会公益组织0件、法律服务机构0件、其他1件。",
    "12件",
    "统计期限自2023年1月1日起至2023年12月31日止。",
  ])("a label, a row or a cell is not: %s", (text) => {
    expect(isProse(toHalfWidth(text))).toBe(false);
  });
});
