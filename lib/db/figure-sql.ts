/**
 * SQL building blocks for figure queries over the typed figure columns of "Report"
 * (filled at ingest by lib/figures/computeFigures). Column names come only from this fixed map,
 * never from user input, so `Prisma.raw` is safe here.
 */
import { FIGURE_CHECKS } from "@/lib/figures/figure-checks";
import { FIGURE_META, SMALL_SAMPLE_THRESHOLD, type FigureKey } from "@/lib/figures/figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRegion } from "@/lib/regions/gazetteer";

/** What every peer-group row carries besides its rank and value: the agency, its report and the figure's counts. */
export type PeerReportRow = {
  agencyId: number;
  agencyName: string;
  regionCode: string | null;
  level: string;
  kind: string;
  reportId: number;
  numerator: number | null;
  denominator: number | null;
  isSmallSample: boolean;
  /** the identities THIS figure depends on hold (lib/figures/figure-checks.ts); a failed 表四 check leaves 申请量 alone */
  identitiesOk: boolean;
};

/** The column holding a figure's value and, for rates, the counts it rests on. */
type FigureColumns = { value: string; numerator?: string; denominator?: string };

const FIGURE_COLUMNS: Record<FigureKey, FigureColumns> = {
  requestsReceived: { value: "requestsReceived" },
  requestsHandled: { value: "requestsHandled" },
  /** 不掌握信息率 = notHeld / requestsHandled */
  notHeldRate: { value: "notHeldRate", numerator: "notHeld", denominator: "requestsHandled" },
  /** 公开率 = disclosed / requestsHandled */
  disclosureRate: { value: "disclosureRate", numerator: "disclosed", denominator: "requestsHandled" },
  /** 复议纠错率 = reviewCorrected / reviewDecided */
  reviewCorrectionRate: { value: "reviewCorrectionRate", numerator: "reviewCorrected", denominator: "reviewDecided" },
  licensing: { value: "licensing" },
  penalty: { value: "penalty" },
  coercion: { value: "coercion" },
  feesWanYuan: { value: "feesWanYuan" },
};

const col = (name: string): Prisma.Sql => Prisma.raw(`r."${name}"`);

/**
 * `value, numerator, denominator, "isSmallSample"` for a figure, as float8/bool select items.
 * A count figure has no numerator/denominator (NULL) and is never a small sample.
 */
export function figureSelect(figure: FigureKey): Prisma.Sql {
  const c = FIGURE_COLUMNS[figure];
  const value = Prisma.sql`${col(c.value)}::float8 AS "value"`;
  if (!FIGURE_META[figure].isRate || !c.numerator || !c.denominator) {
    return Prisma.sql`${value}, NULL::float8 AS "numerator", NULL::float8 AS "denominator", false AS "isSmallSample"`;
  }
  const den = col(c.denominator);
  return Prisma.sql`${value}, ${col(c.numerator)}::float8 AS "numerator", ${den}::float8 AS "denominator",
    (${den} IS NOT NULL AND ${den} < ${SMALL_SAMPLE_THRESHOLD}) AS "isSmallSample"`;
}

/**
 * `"identitiesOk"` select item: true unless a check this figure depends on failed. A figure that rests on no identity
 * (行政许可, 行政处罚 …: section 二 has none) is always true.
 */
export function figureChecksOk(figure: FigureKey): Prisma.Sql {
  const checks = FIGURE_CHECKS[figure];
  if (checks.length === 0) return Prisma.sql`true AS "identitiesOk"`;
  return Prisma.sql`NOT coalesce(r."failedChecks" && ${[...checks]}::text[], false) AS "identitiesOk"`;
}

/** The figure's value column (`r."requestsReceived"`). */
export function figureValue(figure: FigureKey): Prisma.Sql {
  return col(FIGURE_COLUMNS[figure].value);
}

/** The peer group: year + latest version + optional level, kind and scope (province, prefecture or county). */
export type PeerFilter = { year: number; level?: string; kind?: string; scope?: string };

/** WHERE conditions (without the WHERE) for a peer group over `"Report" r`; uses the (year, isLatest, level, kind, *Code) indexes. */
export function peerWhere({ year, level, kind, scope }: PeerFilter): Prisma.Sql {
  const parts = [Prisma.sql`r."year" = ${year}`, Prisma.sql`r."isLatest" = true`];
  if (level) parts.push(Prisma.sql`r."level" = ${level}`);
  if (kind) parts.push(Prisma.sql`r."kind" = ${kind}`);
  if (scope) parts.push(scopeCondition(scope));
  return Prisma.join(parts, " AND ");
}

function scopeCondition(scope: string): Prisma.Sql {
  const level = getRegion(scope)?.level;
  if (level === 1) return Prisma.sql`r."provinceCode" = ${scope}`;
  if (level === 2) return Prisma.sql`r."prefectureCode" = ${scope}`;
  return Prisma.sql`r."countyCode" = ${scope}`;
}
