/**
 * Text with numbers inside a table's rows, as real reports print it:
 * - "footnotes": a note row under a table (注：“其他”含信函申请3件。 / *含上年结转2件 / 注：统计期限自2023年1月1日至12月31日);
 * - "prose": a sentence restating the table between its rows (本年度共收到政府信息公开申请12件，其中自然人10件…).
 * Their numbers are no cells: a reader must not take them for the table's values (the true values stay as printed, so
 * both kinds are lossless). Each is one row with a single cell spanning the table.
 */
import type { CanonicalReport } from "@/lib/report/types";
import type { Rng } from "./prng";
import type { Table, TableRow } from "./table-model";

const noteRow = (table: Table, text: string): TableRow => ({ cells: [{ text, colspan: table.columns }] });

function footnoteText(rng: Rng, table: Table, doc: CanonicalReport): string {
  const n = rng.int(1, 40);
  const mark = rng.pick(["注：", "注:", "*", "※", "备注："]);
  switch (table.section) {
    case "二":
      return rng.pick([
        `${mark}行政事业性收费金额含代收费用${rng.int(1, 900)}.${rng.int(1, 9)}万元。`,
        `${mark}规范性文件含部门联合发文${n}件。`,
      ]);
    case "三":
      return rng.pick([
        `${mark}“其他”含通过信函提交的申请${n}件。`,
        `${mark}含上年结转申请${n}件，单位：件。`,
        `${mark}统计期限自${doc.year}年1月1日至${doc.year}年12月31日。`,
      ]);
    default:
      return rng.pick([`${mark}行政诉讼中${n}件为上年结转案件。`, `${mark}复议案件${n}件已于${doc.year + 1}年1月审结。`]);
  }
}

function proseText(rng: Rng, doc: CanonicalReport): string {
  const r = doc.requests;
  const [a, , , , , , total] = r.newReceived;
  return rng.pick([
    `本年度共收到政府信息公开申请${total ?? 0}件，其中自然人${a ?? 0}件，法人或其他组织${(total ?? 0) - (a ?? 0)}件。`,
    `全年办结${r.totalProcessed[6] ?? 0}件，其中予以公开${r.granted[6] ?? 0}件，结转下年度${r.carriedForward[6] ?? 0}件。`,
    `本年度共收到政府信息公开申请${rng.int(1, 300)}件（含线上申请${rng.int(1, 20)}件）。`,
  ]);
}

/** Adds a footnote row under one table (in place). */
export function addFootnote(rng: Rng, tables: Table[], doc: CanonicalReport): void {
  const table = rng.pick(tables);
  table.rows.push(noteRow(table, footnoteText(rng, table, doc)));
}

/** Puts a prose sentence between two body rows of section 三 (in place). */
export function addProseRow(rng: Rng, tables: Table[], doc: CanonicalReport): void {
  const table = tables.find((t) => t.section === "三");
  if (!table) return;
  const at = rng.int(table.headerRows, table.rows.length);
  table.rows.splice(at, 0, noteRow(table, proseText(rng, doc)));
  // page breaks keep standing before the same rows
  for (const b of table.pageBreaks) if (b.beforeRow >= at) b.beforeRow++;
}
