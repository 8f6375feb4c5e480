/**
 * The agency page's reads (getAgencyWithYears, getReportView: one statement each; getAgencyPage: both in one) against the full reads they replace
 * (getAgency + listAgencyYears, getReport + listReportVersions): the same header, years, figure cards, quality panel,
 * version history and source line count, for real sample reports parsed with their provenance (inferred and missing
 * cells included) and a text with CRLF, CR and LF line ends. On PostgreSQL (a throw-away database).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReport } from "@/lib/report/parse-report";
import type { CanonicalReport } from "@/lib/report/types";
import { loadDocuments } from "@/lib/testing/seed-documents";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { FIGURE_CARD_PATHS, toFigureCards } from "@/lib/view/to-figure-cards";
import { toQualityReport } from "@/lib/view/to-quality-report";
import { toSourceLines } from "@/lib/view/to-source-marks";

let t: TestDatabase;
const SAMPLES = path.join(process.cwd(), "data/samples");

beforeAll(async () => {
  t = await createTestDatabase("postgres", "report_view_test");
  process.env.DATABASE_URL = t.url!;
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith(".txt"));
  for (const [i, file] of files.entries()) {
    const parsed = await parseReport({ text: readFileSync(path.join(SAMPLES, file), "utf8") });
    if (!parsed.ok) continue;
    const [id] = await loadDocuments(t.db, [parsed.document]);
    // the parser's provenance, findings and text (loadDocuments stores none), the first with other line ends
    const text =
      i === 0
        ? parsed.sourceText.replace(/\n/g, (_, at: number) => (at % 3 === 0 ? "\r\n" : at % 3 === 1 ? "\r" : "\n"))
        : parsed.sourceText;
    await t.db.report.update({
      where: { id: id! },
      data: { provenance: parsed.provenance as object, findings: parsed.findings as object[], sourceText: text },
    });
  }
  // a second version of one report: the history has two entries, and the first stays readable by number
  const [first] = await t.db.report.findMany({ where: { isLatest: true }, orderBy: { id: "asc" }, take: 1 });
  const doc = structuredClone(first!.document) as unknown as CanonicalReport;
  doc.requests.newReceived[6] = (doc.requests.newReceived[6] ?? 0) + 5;
  await loadDocuments(t.db, [doc]);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("the agency page's reads", () => {
  it("show what the full reads show, for every stored version", async () => {
    const { getReport, listReportVersions } = await import("@/lib/db/reports");
    const { getReportView } = await import("@/lib/db/report-view");
    const rows = await t.db.report.findMany({ select: { agencyId: true, year: true, version: true }, orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(5);
    let inferredOrMissing = 0;
    let [viewCells, fullCells] = [0, 0];
    for (const address of rows) {
      const full = (await getReport(address))!;
      const view = (await getReportView({ ...address, paths: FIGURE_CARD_PATHS }))!;
      expect(toFigureCards(view.figures, view.provenance, view.findings)).toEqual(
        toFigureCards(full.figures, full.provenance, full.findings),
      );
      expect(toQualityReport(view)).toEqual(toQualityReport(full));
      expect(view.sourceLineCount).toBe(toSourceLines(full.sourceText).length);
      expect(view.versions).toEqual(await listReportVersions(address.agencyId, address.year));
      const { sourceText: _text, provenance: _provenance, ...rest } = full;
      expect(view).toMatchObject(rest);
      viewCells += Object.keys(view.provenance).length;
      fullCells += Object.keys(full.provenance).length;
      inferredOrMissing += toQualityReport(full).inferred.length + toQualityReport(full).missingCount;
    }
    expect(inferredOrMissing).toBeGreaterThan(0);
    // less provenance than the whole: the cells the page does not show are left out
    expect(viewCells).toBeLessThan(fullCells / 2);
    const crlf = (await getReport(rows[0]!))!.sourceText;
    expect(crlf).toMatch(/\r\n/);
    expect(crlf).toMatch(/\r(?!\n)/);
  });

  it("read the latest version by default and null for a missing one", async () => {
    const { getReportView } = await import("@/lib/db/report-view");
    const [row] = await t.db.report.findMany({ where: { version: 2 }, select: { agencyId: true, year: true } });
    const latest = await getReportView({ ...row!, paths: FIGURE_CARD_PATHS });
    expect(latest).toMatchObject({ version: 2, isLatest: true });
    expect(latest!.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(await getReportView({ ...row!, version: 1, paths: [] })).toMatchObject({ version: 1, isLatest: false });
    expect(await getReportView({ ...row!, version: 3, paths: [] })).toBeNull();
    expect(await getReportView({ ...row!, year: 1999, paths: [] })).toBeNull();
  });

  it("read the agency with its years as getAgency and listAgencyYears do", async () => {
    const { getAgency, getAgencyWithYears } = await import("@/lib/db/agencies");
    const { listAgencyYears } = await import("@/lib/db/reports");
    for (const { id } of await t.db.agency.findMany({ select: { id: true } })) {
      expect(await getAgencyWithYears(id)).toEqual({ agency: await getAgency(id), years: await listAgencyYears(id) });
    }
    expect(await getAgencyWithYears(999_999)).toBeNull();
    expect(await getAgencyWithYears(0)).toBeNull();
  });

  it("read the agency, its years and the shown version in one statement, as getAgencyWithYears and getReportView do", async () => {
    const { getAgencyPage, getAgencyWithYears } = await import("@/lib/db/agencies");
    const { getReportView } = await import("@/lib/db/report-view");
    const rows = await t.db.report.findMany({ select: { agencyId: true, year: true, version: true }, orderBy: { id: "asc" } });
    for (const { agencyId, year, version } of rows) {
      const page = await getAgencyPage(agencyId, year, version, FIGURE_CARD_PATHS);
      expect(page).toEqual({
        ...(await getAgencyWithYears(agencyId)),
        report: await getReportView({ agencyId, year, version, paths: FIGURE_CARD_PATHS }),
      });
      // no year: the last year published, its latest version
      const last = page!.years.at(-1)!.year;
      expect((await getAgencyPage(agencyId, undefined, undefined, FIGURE_CARD_PATHS))!.report).toEqual(
        await getReportView({ agencyId, year: last, paths: FIGURE_CARD_PATHS }),
      );
      expect((await getAgencyPage(agencyId, 1999, undefined, FIGURE_CARD_PATHS))!.report).toBeNull();
      expect((await getAgencyPage(agencyId, year, 9, FIGURE_CARD_PATHS))!.report).toBeNull();
    }
    expect(await getAgencyPage(999_999, undefined, undefined, FIGURE_CARD_PATHS)).toBeNull();
    expect(await getAgencyPage(0, undefined, undefined, FIGURE_CARD_PATHS)).toBeNull();
  });
});
