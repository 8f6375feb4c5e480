/**
 * The whole-dataset download (全部数据): every latest report version, read in batches for streaming.
 * Consistency: the ids are read first in one statement, so a download is the set of latest reports at the moment it
 * started even when an ingest commits while it streams (a stored report row never changes; a new version is a new row).
 * Nothing is written to local disk: any instance on the database answers the same bytes for the same data version,
 * and the proxy's ETag (build id + data version) lets caches keep them until the next ingest.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/ranking-store";
import { FIGURE_COLUMNS, type FigureColumns } from "@/lib/figures/figures";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CanonicalReport } from "@/lib/report/types";

/** One latest report as the dataset lists it: identity, 口径, source, checks and every stored figure column. */
export type DatasetReport = FigureColumns & {
  reportId: number;
  agencyId: number;
  agencyName: string;
  regionCode: string | null;
  level: string;
  kind: string;
  year: number;
  version: number;
  /** 报告口径: own | summary */
  scope: string;
  templateVersion: string;
  publishedOn: string | null;
  sourceUrl: string | null;
  ingestedAt: Date;
  identitiesOk: boolean;
  failedChecks: string[];
};

/** A report with its canonical document (ogi-annual-report/v1). */
export type DatasetDocument = DatasetReport & { document: CanonicalReport };

/** Reports fetched per query while streaming. */
const BATCH = 200;

/** Every latest report id, oldest first (the download's fixed set), and the data version it was read at. */
export async function listDatasetReportIds(): Promise<{ ids: number[]; dataVersion: string }> {
  const db = await getDb();
  const [rows, version] = await Promise.all([
    db.$queryRaw<{ id: number }[]>`SELECT r."id" FROM "Report" r WHERE r."isLatest" = true ORDER BY r."year", r."agencyId", r."id"`,
    readDataVersion(db),
  ]);
  return { ids: rows.map((r) => r.id), dataVersion: version.toString() };
}

const FIGURE_SELECT = Prisma.raw(FIGURE_COLUMNS.map((c) => `r."${c.name}"::float8 AS "${c.name}"`).join(", "));

function selectBatch(ids: number[], withDocument: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT r."id" AS "reportId", r."agencyId", a."name" AS "agencyName", a."regionCode", r."level", r."kind", r."year",
           r."version", r."scope", r."templateVersion", r."publishedOn", r."sourceUrl", r."ingestedAt", r."identitiesOk",
           r."failedChecks", ${FIGURE_SELECT} ${withDocument ? Prisma.sql`, r."document"` : Prisma.empty}
    FROM unnest(${ids}::int[]) WITH ORDINALITY AS k("id", "n")
    JOIN "Report" r ON r."id" = k."id" JOIN "Agency" a ON a."id" = r."agencyId"
    ORDER BY k."n"`;
}

/** The reports with these ids in batches, in the order given (figure columns only). */
export async function* readDatasetReports(ids: readonly number[]): AsyncGenerator<DatasetReport[]> {
  const db = await getDb();
  for (let i = 0; i < ids.length; i += BATCH) yield db.$queryRaw<DatasetReport[]>(selectBatch(ids.slice(i, i + BATCH), false));
}

/** The reports with these ids in batches, in the order given, each with its canonical document. */
export async function* readDatasetDocuments(ids: readonly number[]): AsyncGenerator<DatasetDocument[]> {
  const db = await getDb();
  for (let i = 0; i < ids.length; i += BATCH) yield db.$queryRaw<DatasetDocument[]>(selectBatch(ids.slice(i, i + BATCH), true));
}
