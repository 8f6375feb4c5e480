-- Bulk ingest costs (issue 13), no change to what is stored.
--
-- 1. Data versions move once per transaction and scope. A batch of 16 reports fired the statement triggers about
--    four times per report (agency, alias, demote, insert), each bumping 'all' and the year and sending a NOTIFY.
--    Readers see none of the bumps before the commit, so one bump per scope in a transaction is the same to them:
--    the scopes already bumped are remembered in a transaction-local setting (reset at commit or rollback, and
--    undone with a rolled-back savepoint). Rows are still locked 'all' first, so concurrent writers cannot deadlock.
CREATE OR REPLACE FUNCTION "bump_data_versions"(years INTEGER[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  bumped TEXT[] := coalesce(string_to_array(nullif(current_setting('ogi.versions_bumped', true), ''), ','), ARRAY[]::TEXT[]);
  scopes TEXT[];
  current BIGINT;
BEGIN
  scopes := ARRAY(
    SELECT s FROM (SELECT DISTINCT 'year:' || y AS s FROM unnest(years) AS y WHERE y IS NOT NULL) d
    WHERE NOT s = ANY(bumped) ORDER BY 1);
  IF NOT 'all' = ANY(bumped) THEN
    INSERT INTO "DataVersion" ("scope", "version") VALUES ('all', 1)
      ON CONFLICT ("scope") DO UPDATE SET "version" = "DataVersion"."version" + 1
      RETURNING "version" INTO current;
    PERFORM pg_notify('ogi_data_version', current::text);
    bumped := array_append(bumped, 'all');
  END IF;
  IF cardinality(scopes) > 0 THEN
    INSERT INTO "DataVersion" ("scope", "version") SELECT s, 1 FROM unnest(scopes) AS s ORDER BY 1
      ON CONFLICT ("scope") DO UPDATE SET "version" = "DataVersion"."version" + 1;
    bumped := bumped || scopes;
  END IF;
  PERFORM set_config('ogi.versions_bumped', array_to_string(bumped, ','), true);
END $$;

-- 2. The large columns compress with lz4 where the server has it (PostgreSQL as packaged; PGlite has not and keeps
--    pglz): several times faster to write and to read than pglz, at about the same size. Applies to new values.
DO $$
BEGIN
  ALTER TABLE "Report" ALTER COLUMN "document" SET COMPRESSION lz4,
    ALTER COLUMN "provenance" SET COMPRESSION lz4,
    ALTER COLUMN "findings" SET COMPRESSION lz4,
    ALTER COLUMN "sourceText" SET COMPRESSION lz4,
    ALTER COLUMN "sourceBytes" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available: the large columns keep pglz';
END $$;
