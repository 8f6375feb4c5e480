-- Compare chart (issue 13): the bars (the ranked rows at the chart's places) stored with the snapshot when it is built,
-- so a page no longer probes ~420 places of a national snapshot on every request. Snapshots built before keep [] and are
-- never read again (the group definition, and so the key, now names the chart's places).
-- AlterTable
ALTER TABLE "RankingSnapshot" ADD COLUMN     "barIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "barNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "barValues" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];
