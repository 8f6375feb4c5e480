-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "failedChecks" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'own';

-- CreateIndex
CREATE INDEX "Report_year_isLatest_provinceCode_prefectureCode_idx" ON "Report"("year", "isLatest", "provinceCode", "prefectureCode");

-- Backfill: the failed identity checks of reports stored before this column existed, from their findings
-- (the same naming as lib/figures/figure-checks.ts toFailedChecks). Their scope stays 'own' until re-ingested:
-- the parser reads the scope from the text.
UPDATE "Report" r SET "failedChecks" = coalesce((
  SELECT array_agg(DISTINCT CASE
    WHEN f->>'table' = '四' THEN '四:' || coalesce(f->>'row', 'review')
    WHEN f->>'rule' = 'row-total' AND f->>'row' IS NOT NULL THEN '三:row:' || (f->>'row')
    WHEN f->>'rule' = 'balance' AND jsonb_typeof(f->'column') = 'number' THEN '三:balance:' || (f->>'column')
    WHEN f->>'rule' = 'outcomes-total' AND jsonb_typeof(f->'column') = 'number' THEN '三:outcomes:' || (f->>'column')
    ELSE '三:' || coalesce(f->>'rule', 'unknown') END)
  FROM jsonb_array_elements(r."findings") f WHERE f->>'code' = 'identity-failed'), ARRAY[]::TEXT[])
WHERE NOT r."identitiesOk" AND jsonb_typeof(r."findings") = 'array';
