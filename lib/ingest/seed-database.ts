/**
 * First-start data: the region tree, and the sample reports in data/samples/ when the store has no reports yet.
 * Samples go through the same ingest code path as the route and the CLI.
 */
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { seedRegions } from "@/lib/db/seed-regions";
import { formatWarmSummary, warmSnapshots } from "@/lib/db/snapshot-warm";
import { ingestFiles } from "@/lib/ingest/ingest-files";

/** Folder of the sample reports loaded into an empty store. */
export const SAMPLES_DIR = "data/samples";

export type SeedOptions = { samplesDir?: string; withSamples?: boolean; log?: (message: string) => void };

/** Load regions and (into an empty store) the samples; returns how many samples failed. */
export async function seedDatabase(
  db: Db,
  { samplesDir = SAMPLES_DIR, withSamples = true, log = () => {} }: SeedOptions = {},
): Promise<{ failed: number }> {
  const regions = await seedRegions(db);
  log(regions ? `loaded ${regions} regions` : "regions up to date");
  if (!withSamples || (await db.report.count()) > 0) return { failed: 0 };
  const summary = await ingestFiles(db, [path.resolve(samplesDir)]);
  log(`loaded samples: ${summary.created + summary.newVersions} new, ${summary.failures.length} failed`);
  for (const f of summary.failures) log(`  ${f.file}: ${f.message}`);
  // the snapshots the samples made stale (coverage and region sums of their years) are built before the first reader
  if (summary.created + summary.newVersions > 0) log(formatWarmSummary(await warmSnapshots(db)));
  return { failed: summary.failures.length };
}
