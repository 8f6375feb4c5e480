-- The stored region sums and coverage (lib/db/region-sum-store.ts, coverage-store.ts) are rebuilt after an ingest from
-- every latest report (of a year): the index that served the per-request region queries now also carries the columns
-- those builds read, so a rebuild is an index-only scan (tens of MB) instead of reading the wide report rows (~600 MB at
-- 360k reports). Same leading columns as before, so what used it still can; no extra index to maintain on ingest.
-- DropIndex
DROP INDEX "Report_year_isLatest_provinceCode_prefectureCode_idx";

-- CreateIndex
CREATE INDEX "Report_latest_region_sums_idx" ON "Report"("year", "isLatest", "provinceCode", "prefectureCode", "countyCode", "regionCode", "agencyId", "scope", "requestsReceived", "requestsHandled", "notHeld", "disclosed", "licensing", "penalty", "coercion");
