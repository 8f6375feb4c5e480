-- The warm pass's cost follows what an ingest changed, and RankingEntry stops filling with dead rows (issue 13).
--
-- 1. A snapshot stores the digest of its group's rows (sha-256 over every column of the group's row SQL but the report
--    id, in agency order, computed in the statement that ranks them). After an ingest, a stale snapshot whose group still
--    gives the same digest is carried forward to the new data version (its header's version moved, the entries of
--    agencies with a new report version pointed at it) instead of ranked and written again (lib/db/ranking-store).
--    Snapshots built before this have no digest and are rebuilt once.
ALTER TABLE "RankingSnapshot" ADD COLUMN "digest" BYTEA;

-- 2. No foreign key from "RankingEntry" to its snapshot: entries are written only by the statement that writes their
--    snapshot (ranking-store buildSql), so the check the key made on every inserted row (50,000 index probes per
--    national group) never found anything. Deleting a snapshot still deletes its entries, by this statement trigger
--    in the deleting transaction, as ON DELETE CASCADE did.
ALTER TABLE "RankingEntry" DROP CONSTRAINT "RankingEntry_snapshotId_fkey";

CREATE FUNCTION "ranking_snapshots_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RankingEntry" e USING old_rows o WHERE e."snapshotId" = o."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "RankingSnapshot_deleted" AFTER DELETE ON "RankingSnapshot" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ranking_snapshots_deleted"();

-- 3. Entries are deleted a whole group at a time (a replaced snapshot: 50,000 rows for a national group). With the
--    default (a vacuum once a fifth of the table is dead, the table's size counting its dead rows) RankingEntry grew to
--    several times its live size between vacuums; vacuum it once dead rows reach a tenth of the live ones plus about
--    one national group. A server running without autovacuum gets the same from the warm pass, which vacuums the table
--    itself past the same threshold (lib/db/snapshot-warm vacuumRankingEntries). PGlite keeps these as table options.
ALTER TABLE "RankingEntry" SET (autovacuum_vacuum_scale_factor = 0.1, autovacuum_vacuum_threshold = 50000);
