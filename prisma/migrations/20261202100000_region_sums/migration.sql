-- 地区合计 stored per year and data version (issues 13, 14): lib/db/region-sum-store.ts adds up the own reports of
-- every region of a year in one statement on the first read after a write moved the year's DataVersion; the region
-- comparison and the region page read a few rows of it by key instead of summing every report under the region.
-- CreateTable
CREATE TABLE "RegionSumSnapshot" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "parts" TEXT[],
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegionSumSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionSum" (
    "snapshotId" INTEGER NOT NULL,
    "scopeLevel" INTEGER NOT NULL,
    "scopeCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "reports" INTEGER NOT NULL,
    "governments" INTEGER NOT NULL,
    "sums" DOUBLE PRECISION[],

    CONSTRAINT "RegionSum_pkey" PRIMARY KEY ("snapshotId","scopeLevel","scopeCode","year")
);

-- CreateIndex
CREATE INDEX "RegionSumSnapshot_key_year_version_idx" ON "RegionSumSnapshot"("key", "year", "version");

-- AddForeignKey
ALTER TABLE "RegionSum" ADD CONSTRAINT "RegionSum_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "RegionSumSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Coverage snapshots now also count departments by their level (CoverageCount level −1 … −4): drop the stored ones,
-- the first read rebuilds them.
DELETE FROM "CoverageSnapshot";
