-- Rankings (issues 13, 14): a 无办结 counter (0/0 rates are not 未填报) and the box plot quartiles stored with the snapshot,
-- so a page no longer reads the whole group for them. Old snapshots keep 0 / [] until rebuilt (their key changed).
-- AlterTable
ALTER TABLE "RankingSnapshot" ADD COLUMN     "noneHandled" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quartiles" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];
