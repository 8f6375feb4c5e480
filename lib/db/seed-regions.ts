/**
 * Loads the GB/T 2260 region tree (行政区划, from lib/regions/gazetteer) into the Region table.
 * Idempotent: multi-row INSERT … ON CONFLICT DO NOTHING, skipped entirely when the table is already complete.
 */
import type { Db } from "@/lib/db/client";
import { isPlaceholderRegionName, listRegions, type Region } from "@/lib/regions/gazetteer";

const BATCH_ROWS = 2000;

/** " › "-joined names from the province down, leaving out placeholder levels (市辖区, 省直辖县级行政区划). */
function toPath(region: Region, byCode: Map<string, Region>): string {
  const names: string[] = [];
  for (let r: Region | undefined = region; r; r = r.parentCode ? byCode.get(r.parentCode) : undefined) {
    if (!isPlaceholderRegionName(r.name) || r === region) names.unshift(r.name);
  }
  return names.join(" › ");
}

/** Insert every missing region; returns how many rows were inserted. */
export async function seedRegions(db: Db): Promise<number> {
  const regions = listRegions();
  const existing = await db.region.count();
  if (existing >= regions.length) return 0;
  const byCode = new Map(regions.map((r) => [r.code, r]));
  let inserted = 0;
  for (let i = 0; i < regions.length; i += BATCH_ROWS) {
    const batch = regions.slice(i, i + BATCH_ROWS);
    const params: unknown[] = [];
    const rows = batch.map((r) => {
      const parent = r.parentCode && byCode.has(r.parentCode) ? r.parentCode : null;
      params.push(r.code, r.name, r.level, parent, toPath(r, byCode));
      const n = params.length;
      return `($${n - 4}, $${n - 3}, $${n - 2}::int, $${n - 1}, $${n})`;
    });
    inserted += await db.$executeRawUnsafe(
      `INSERT INTO "Region" ("code", "name", "level", "parentCode", "path") VALUES ${rows.join(", ")} ON CONFLICT ("code") DO NOTHING`,
      ...params,
    );
  }
  return inserted;
}
