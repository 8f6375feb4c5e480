-- Coverage (收录情况) snapshots per year (issue 13): an ingest rebuilds only the years it touched. The stored
-- snapshots of all years are a cache: they are dropped (with their rows) and rebuilt per year on the next read.
DELETE FROM "CoverageSnapshot";

-- DropIndex
DROP INDEX "CoverageSnapshot_version_idx";

-- AlterTable
ALTER TABLE "CoverageSnapshot" ADD COLUMN     "year" INTEGER NOT NULL;

-- CreateIndex
CREATE INDEX "CoverageSnapshot_year_version_idx" ON "CoverageSnapshot"("year", "version");
