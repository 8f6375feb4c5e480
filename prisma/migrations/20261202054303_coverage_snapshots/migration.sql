-- 收录情况 stored per data version (issue 14): lib/db/coverage-store.ts rebuilds it in one statement on the first read
-- after a write moved DataVersion "all"; the coverage pages and /api/v1/coverage read a few rows of it.
-- CreateTable
CREATE TABLE "CoverageSnapshot" (
    "id" SERIAL NOT NULL,
    "version" BIGINT NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoverageSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageCount" (
    "snapshotId" INTEGER NOT NULL,
    "scopeLevel" INTEGER NOT NULL,
    "scopeCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "expected" INTEGER,
    "collected" INTEGER NOT NULL,

    CONSTRAINT "CoverageCount_pkey" PRIMARY KEY ("snapshotId","scopeLevel","scopeCode","year","level")
);

-- CreateTable
CREATE TABLE "CoverageGovernment" (
    "snapshotId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "level" INTEGER,
    "provinceCode" TEXT,
    "prefectureCode" TEXT,
    "countyCode" TEXT,

    CONSTRAINT "CoverageGovernment_pkey" PRIMARY KEY ("snapshotId","year","regionCode")
);

-- CreateIndex
CREATE INDEX "CoverageSnapshot_version_idx" ON "CoverageSnapshot"("version");

-- CreateIndex
CREATE INDEX "CoverageGovernment_snapshotId_year_provinceCode_prefectureC_idx" ON "CoverageGovernment"("snapshotId", "year", "provinceCode", "prefectureCode", "countyCode");

-- AddForeignKey
ALTER TABLE "CoverageCount" ADD CONSTRAINT "CoverageCount_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "CoverageSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageGovernment" ADD CONSTRAINT "CoverageGovernment_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "CoverageSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
