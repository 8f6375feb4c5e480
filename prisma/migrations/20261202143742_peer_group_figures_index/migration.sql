-- Rankings and comparisons are rebuilt from their peer group's rows after an ingest (lib/db/ranking-store.ts); the
-- rows were read from the wide report rows, one heap page per report (a national group of 50,000: 49k pages, 2.5 s of
-- the rebuild). The peer-group index now carries every column a group reads (its filters, the report and agency ids,
-- the failed checks and the ranked figures' columns), so the group is an index-only scan (50k rows: 0.38 s, ~10k
-- buffers). Same leading columns as the index it replaces; no extra index to maintain on ingest.
-- DropIndex
DROP INDEX "Report_year_isLatest_level_kind_provinceCode_idx";

-- CreateIndex
CREATE INDEX "Report_peer_group_figures_idx" ON "Report"("year", "isLatest", "level", "kind", "provinceCode", "prefectureCode", "countyCode", "scope", "agencyId", "id", "identitiesOk", "failedChecks", "requestsReceived", "requestsHandled", "notHeldRate", "notHeld", "disclosureRate", "disclosed", "reviewCorrectionRate", "reviewCorrected", "reviewDecided", "licensing", "penalty", "coercion", "feesWanYuan");
