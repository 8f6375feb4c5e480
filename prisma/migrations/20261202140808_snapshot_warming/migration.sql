-- AlterTable
ALTER TABLE "RankingSnapshot" ADD COLUMN     "definition" JSONB,
ADD COLUMN     "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
