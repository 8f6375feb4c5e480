-- Bulk ingest costs in PostgreSQL (issue 13), no change to what is stored or logged.
--
-- 1. `store_reports` wrote each report of a batch with its own INSERT (and its own demoting UPDATE), so the "Report"
--    statement triggers (data versions, change log, holdings) and the executor's start-up ran once per report. Now the
--    loop resolves each row's agency (in order, as before: a row finds the agency or alias an earlier row of the batch
--    created) and numbers its version, and the batch's reports are then written by ONE UPDATE (demoting the stored
--    latest versions) and ONE INSERT. Versions of one agency and year within a batch are numbered after each other; the
--    earlier one is inserted as not latest (before, it was inserted latest and demoted by the next row in the same
--    statement: no reader ever saw it latest, so the change log, which records latest reports, has no row for it now).
--    Identical bytes twice in one batch: the second is answered as stored already, as before.
--    The alias lookup starts from the alias name (its index) and reads each candidate agency by id: the join it was
--    planned as before, once its plan was cached while "Agency" was small, read every agency for each new body.
-- 2. The change-log triggers read the transaction's "all" version once per statement instead of once per row.
-- 3. bump_data_versions returns at once when every scope it is asked for was already moved in this transaction (every
--    agency and alias write calls it; in a batch only the first call moves anything).
CREATE OR REPLACE FUNCTION "store_reports"(rows_utf8 BYTEA, sources BYTEA)
RETURNS TABLE ("ord" INTEGER, "reportId" INTEGER, "reportVersion" INTEGER, "agencyId" INTEGER, "agencyName" TEXT,
               "agencyRegionCode" TEXT, "agencyLevel" TEXT, "agencyKind" TEXT)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  item JSONB;
  a JSONB;
  rep "Report";
  reps "Report"[] := ARRAY[]::"Report"[];
  -- per written row of the batch (same index as reps): agency, year, version, sha256
  b_agency INTEGER[] := ARRAY[]::INTEGER[];
  b_year INTEGER[] := ARRAY[]::INTEGER[];
  b_version INTEGER[] := ARRAY[]::INTEGER[];
  b_sha TEXT[] := ARRAY[]::TEXT[];
  -- stored (agency, year) pairs whose latest version the batch replaces
  d_agency INTEGER[] := ARRAY[]::INTEGER[];
  d_year INTEGER[] := ARRAY[]::INTEGER[];
  ag RECORD;
  n INTEGER := 0;
  k INTEGER;
  prev INTEGER;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ogi:report-writers'));
  PERFORM set_config('ogi.holdings_deferred', 'on', true);
  FOR item IN SELECT e FROM jsonb_array_elements(convert_from(rows_utf8, 'UTF8')::jsonb) AS e LOOP
    n := n + 1;
    a := item->'row'->'agency';
    rep := jsonb_populate_record(NULL::"Report", item->'row'->'report');
    CONTINUE WHEN rep."sha256" = ANY(b_sha) OR EXISTS (SELECT 1 FROM "Report" r WHERE r."sha256" = rep."sha256");

    SELECT g."id", g."name", g."regionCode", g."level", g."kind", g."provinceCode", g."prefectureCode", g."countyCode"
      INTO ag FROM "Agency" g WHERE g."key" = a->>'key';
    IF NOT FOUND THEN
      SELECT g."id", g."name", g."regionCode", g."level", g."kind", g."provinceCode", g."prefectureCode", g."countyCode"
        INTO ag
        FROM "AgencyAlias" al
        CROSS JOIN LATERAL (
          SELECT * FROM "Agency" x
          WHERE x."id" = al."agencyId" AND x."regionCode" IS NOT DISTINCT FROM a->>'regionCode' OFFSET 0) g
        WHERE al."name" = a->>'printed'
        ORDER BY g."id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      INSERT INTO "Agency" ("key", "name", "regionCode", "level", "kind", "provinceCode", "prefectureCode", "countyCode")
        VALUES (a->>'key', a->>'name', a->>'regionCode', a->>'level', a->>'kind',
                a->>'provinceCode', a->>'prefectureCode', a->>'countyCode')
        RETURNING "id", "name", "regionCode", "level", "kind", "provinceCode", "prefectureCode", "countyCode" INTO ag;
    END IF;
    IF ag."name" <> a->>'printed' THEN
      INSERT INTO "AgencyAlias" ("agencyId", "name") VALUES (ag."id", a->>'printed')
        ON CONFLICT ("agencyId", "name") DO NOTHING;
    END IF;

    -- the version after the batch's earlier row of this agency and year (which then is not the latest), else after the
    -- stored ones (whose latest the batch demotes)
    prev := NULL;
    FOR k IN REVERSE coalesce(array_length(b_agency, 1), 0) .. 1 LOOP
      IF b_agency[k] = ag."id" AND b_year[k] = rep."year" THEN
        prev := b_version[k];
        reps[k]."isLatest" := false;
        EXIT;
      END IF;
    END LOOP;
    IF prev IS NULL THEN
      SELECT coalesce(max(r."version"), 0) INTO prev FROM "Report" r WHERE r."agencyId" = ag."id" AND r."year" = rep."year";
      IF prev > 0 THEN
        d_agency := array_append(d_agency, ag."id");
        d_year := array_append(d_year, rep."year");
      END IF;
    END IF;

    rep."id" := nextval('"Report_id_seq"'::regclass);
    rep."agencyId" := ag."id";
    rep."version" := prev + 1;
    rep."isLatest" := true;
    rep."ingestedAt" := CURRENT_TIMESTAMP;
    rep."sourceBytes" := substring(sources FROM (item->>'at')::INTEGER + 1 FOR (item->>'length')::INTEGER);
    rep."level" := ag."level";
    rep."kind" := ag."kind";
    rep."provinceCode" := ag."provinceCode";
    rep."prefectureCode" := ag."prefectureCode";
    rep."countyCode" := ag."countyCode";
    rep."regionCode" := ag."regionCode";
    reps := array_append(reps, rep);
    b_agency := array_append(b_agency, ag."id");
    b_year := array_append(b_year, rep."year");
    b_version := array_append(b_version, rep."version");
    b_sha := array_append(b_sha, rep."sha256");

    "ord" := n;
    "reportId" := rep."id";
    "reportVersion" := rep."version";
    "agencyId" := ag."id";
    "agencyName" := ag."name";
    "agencyRegionCode" := ag."regionCode";
    "agencyLevel" := ag."level";
    "agencyKind" := ag."kind";
    RETURN NEXT;
  END LOOP;
  IF cardinality(d_agency) > 0 THEN
    UPDATE "Report" r SET "isLatest" = false
      FROM unnest(d_agency, d_year) AS d("agencyId", "year")
      WHERE r."agencyId" = d."agencyId" AND r."year" = d."year" AND r."isLatest";
  END IF;
  IF cardinality(reps) > 0 THEN
    INSERT INTO "Report" SELECT * FROM unnest(reps);
    PERFORM "refresh_agency_holdings"(b_agency);
  END IF;
  PERFORM set_config('ogi.holdings_deferred', '', true);
END $$;

CREATE OR REPLACE FUNCTION "report_inserted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT DISTINCT "year" FROM new_rows);
  v BIGINT;
BEGIN
  IF cardinality(years) > 0 THEN
    PERFORM "bump_data_versions"(years);
    v := "current_all_version"();
    INSERT INTO "ReportChange" ("allVersion", "year", "agencyId", "level", "kind", "scope", "provinceCode", "prefectureCode",
                                "countyCode", "regionCode")
      SELECT v, n."year", n."agencyId", n."level", n."kind", n."scope", n."provinceCode",
             n."prefectureCode", n."countyCode", n."regionCode"
      FROM new_rows n WHERE n."isLatest";
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "report_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT "year" FROM new_rows UNION SELECT "year" FROM old_rows);
  v BIGINT;
BEGIN
  IF cardinality(years) > 0 THEN
    PERFORM "bump_data_versions"(years);
    v := "current_all_version"();
    INSERT INTO "ReportChange" ("allVersion", "year", "agencyId", "level", "kind", "scope", "provinceCode", "prefectureCode",
                                "countyCode", "regionCode")
      SELECT DISTINCT v, c."year", c."agencyId", c."level", c."kind", c."scope", c."provinceCode",
             c."prefectureCode", c."countyCode", c."regionCode"
      FROM (SELECT * FROM old_rows WHERE "isLatest" UNION ALL SELECT * FROM new_rows WHERE "isLatest") c;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "report_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT DISTINCT "year" FROM old_rows);
  v BIGINT;
BEGIN
  IF cardinality(years) > 0 THEN
    PERFORM "bump_data_versions"(years);
    v := "current_all_version"();
    INSERT INTO "ReportChange" ("allVersion", "year", "agencyId", "level", "kind", "scope", "provinceCode", "prefectureCode",
                                "countyCode", "regionCode")
      SELECT v, o."year", o."agencyId", o."level", o."kind", o."scope", o."provinceCode",
             o."prefectureCode", o."countyCode", o."regionCode"
      FROM old_rows o WHERE o."isLatest";
  END IF;
  RETURN NULL;
END $$;

-- As in migration bulk_write_costs, with a return before any query when nothing is left to move.
CREATE OR REPLACE FUNCTION "bump_data_versions"(years INTEGER[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  bumped TEXT[] := coalesce(string_to_array(nullif(current_setting('ogi.versions_bumped', true), ''), ','), ARRAY[]::TEXT[]);
  scopes TEXT[];
  current BIGINT;
  yr INTEGER;
  pending BOOLEAN := NOT 'all' = ANY(bumped);
BEGIN
  IF NOT pending THEN
    FOREACH yr IN ARRAY coalesce(years, ARRAY[]::INTEGER[]) LOOP
      IF yr IS NOT NULL AND NOT ('year:' || yr) = ANY(bumped) THEN
        pending := true;
        EXIT;
      END IF;
    END LOOP;
    IF NOT pending THEN RETURN; END IF;
  END IF;
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
