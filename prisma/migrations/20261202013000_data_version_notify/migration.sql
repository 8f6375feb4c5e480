-- Every write that moves the data versions also tells listening app instances (NOTIFY is delivered at commit),
-- so each instance knows the current version without asking: a request whose ETag still matches is answered 304
-- with no database query. Payload: the new version of scope all.
CREATE OR REPLACE FUNCTION "bump_data_versions"(years INTEGER[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  current BIGINT;
BEGIN
  INSERT INTO "DataVersion" ("scope", "version") VALUES ('all', 1)
    ON CONFLICT ("scope") DO UPDATE SET "version" = "DataVersion"."version" + 1
    RETURNING "version" INTO current;
  INSERT INTO "DataVersion" ("scope", "version")
    SELECT 'year:' || y, 1 FROM (SELECT DISTINCT unnest(years) AS y) d WHERE y IS NOT NULL ORDER BY 1
    ON CONFLICT ("scope") DO UPDATE SET "version" = "DataVersion"."version" + 1;
  PERFORM pg_notify('ogi_data_version', current::text);
END $$;

-- A statement that touched no rows (the write statement's CTEs when the same bytes are already stored: an UPDATE
-- that demotes nothing, an alias insert that conflicts) leaves the versions alone: caches stay valid.
CREATE OR REPLACE FUNCTION "report_inserted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT DISTINCT "year" FROM new_rows);
BEGIN
  IF cardinality(years) > 0 THEN PERFORM "bump_data_versions"(years); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "report_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT "year" FROM new_rows UNION SELECT "year" FROM old_rows);
BEGIN
  IF cardinality(years) > 0 THEN PERFORM "bump_data_versions"(years); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "report_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT DISTINCT "year" FROM old_rows);
BEGIN
  IF cardinality(years) > 0 THEN PERFORM "bump_data_versions"(years); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "store_rows_written"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows) THEN PERFORM "bump_data_versions"(ARRAY[]::INTEGER[]); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "store_rows_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows) THEN PERFORM "bump_data_versions"(ARRAY[]::INTEGER[]); END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "Agency_changed" ON "Agency";
DROP TRIGGER "AgencyAlias_changed" ON "AgencyAlias";
DROP FUNCTION "store_changed"();
CREATE TRIGGER "Agency_inserted" AFTER INSERT ON "Agency" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "store_rows_written"();
CREATE TRIGGER "Agency_updated" AFTER UPDATE ON "Agency" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "store_rows_written"();
CREATE TRIGGER "Agency_deleted" AFTER DELETE ON "Agency" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "store_rows_deleted"();
CREATE TRIGGER "AgencyAlias_inserted" AFTER INSERT ON "AgencyAlias" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "store_rows_written"();
CREATE TRIGGER "AgencyAlias_updated" AFTER UPDATE ON "AgencyAlias" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "store_rows_written"();
CREATE TRIGGER "AgencyAlias_deleted" AFTER DELETE ON "AgencyAlias" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "store_rows_deleted"();
