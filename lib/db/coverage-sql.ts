/**
 * SQL pieces of coverage (收录情况) shared by the coverage store, the coverage queries and the region comparison.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { getRegion } from "@/lib/regions/gazetteer";

/**
 * SQL condition over `"Agency" a` joined to its `"Region" g`: the body IS its region's government (not a department
 * of it): a 人民政府 / 行政公署 / 街道办事处 / 管委会 whose name carries the region's name (a township government whose
 * report named only its county is not taken for the county's).
 */
export const IS_REGION_GOVERNMENT = Prisma.sql`(
  (a."kind" IN ('人民政府', '行政公署', '街道') OR a."name" ~ '(管理委员会|管委会|行政委员会)$')
  AND g."code" IS NOT NULL AND strpos(a."name", g."name") > 0)`;

/** Reports under a region (or the whole country): an equality on the denormalised peer-group codes, so index-driven. */
export function underRegion(code: string | undefined): Prisma.Sql {
  if (!code) return Prisma.sql`true`;
  const level = getRegion(code)?.level;
  if (level === 1) return Prisma.sql`r."provinceCode" = ${code}`;
  if (level === 2) return Prisma.sql`r."prefectureCode" = ${code}`;
  if (level === 3) return Prisma.sql`r."countyCode" = ${code}`;
  return Prisma.sql`r."regionCode" = ${code}`;
}
