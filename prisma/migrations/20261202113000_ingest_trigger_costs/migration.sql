-- Bulk ingest costs in PostgreSQL (issue 13), no change to what is stored.
--
-- 1. `store_reports` recomputed the 收录概况 columns of
--    "Agency" (refresh_agency_holdings, migration agency_holdings) once per stored report, through the Report statement
--    triggers firing on each of its per-row statements, and each recomputation rewrote an "Agency" row and fired the
--    "Agency" statement triggers. Now the function holds the holdings triggers off (a transaction-local setting, set back
--    before it returns and undone with the statement when it fails) and recomputes the agencies of the batch once,
--    after its last row: the same values at the end of the statement, one UPDATE per batch instead of one per report.
--    Every other writer of "Report" still gets its recomputation from the triggers.

CREATE OR REPLACE FUNCTION "report_rows_inserted_holdings"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[];
BEGIN
  IF current_setting('ogi.holdings_deferred', true) = 'on' THEN RETURN NULL; END IF;
  ids := ARRAY(SELECT DISTINCT "agencyId" FROM new_rows);
  IF cardinality(ids) > 0 THEN PERFORM "refresh_agency_holdings"(ids); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "report_rows_updated_holdings"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[];
BEGIN
  IF current_setting('ogi.holdings_deferred', true) = 'on' THEN RETURN NULL; END IF;
  ids := ARRAY(SELECT "agencyId" FROM new_rows UNION SELECT "agencyId" FROM old_rows);
  IF cardinality(ids) > 0 THEN PERFORM "refresh_agency_holdings"(ids); END IF;
  RETURN NULL;
END $$;

-- As in migration store_reports, with the holdings recomputed once per call (see above): `touched` collects the
-- agencies it stored a report for (the demoted rows are of the same agencies).
CREATE OR REPLACE FUNCTION "store_reports"(rows_utf8 BYTEA, sources BYTEA)
RETURNS TABLE ("ord" INTEGER, "reportId" INTEGER, "reportVersion" INTEGER, "agencyId" INTEGER, "agencyName" TEXT,
               "agencyRegionCode" TEXT, "agencyLevel" TEXT, "agencyKind" TEXT)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  item JSONB;
  a JSONB;
  rep "Report";
  ag RECORD;
  n INTEGER := 0;
  prev INTEGER;
  touched INTEGER[] := ARRAY[]::INTEGER[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ogi:report-writers'));
  PERFORM set_config('ogi.holdings_deferred', 'on', true);
  FOR item IN SELECT e FROM jsonb_array_elements(convert_from(rows_utf8, 'UTF8')::jsonb) AS e LOOP
    n := n + 1;
    a := item->'row'->'agency';
    rep := jsonb_populate_record(NULL::"Report", item->'row'->'report');
    CONTINUE WHEN EXISTS (SELECT 1 FROM "Report" r WHERE r."sha256" = rep."sha256");

    SELECT g."id", g."name", g."regionCode", g."level", g."kind", g."provinceCode", g."prefectureCode", g."countyCode"
      INTO ag FROM "Agency" g WHERE g."key" = a->>'key';
    IF NOT FOUND THEN
      SELECT g."id", g."name", g."regionCode", g."level", g."kind", g."provinceCode", g."prefectureCode", g."countyCode"
        INTO ag FROM "Agency" g JOIN "AgencyAlias" al ON al."agencyId" = g."id"
        WHERE al."name" = a->>'printed' AND g."regionCode" IS NOT DISTINCT FROM a->>'regionCode'
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

    SELECT coalesce(max(r."version"), 0) INTO prev FROM "Report" r WHERE r."agencyId" = ag."id" AND r."year" = rep."year";
    IF prev > 0 THEN
      UPDATE "Report" r SET "isLatest" = false WHERE r."agencyId" = ag."id" AND r."year" = rep."year" AND r."isLatest";
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
    INSERT INTO "Report" SELECT (rep).*;
    touched := array_append(touched, ag."id");

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
  IF cardinality(touched) > 0 THEN PERFORM "refresh_agency_holdings"(touched); END IF;
  PERFORM set_config('ogi.holdings_deferred', '', true);
END $$;


-- 2. The search tokens of an agency (migration agency_search_tokens) are computed on every agency insert and alias
--    change. As LANGUAGE sql functions that cannot be inlined, each call planned its queries again; as plpgsql their
--    plans are kept per connection (about half the time per call). Same tokens: array_to_tsvector sorts and drops
--    duplicate lexemes itself, so the DISTINCT aggregate was not needed.
CREATE OR REPLACE FUNCTION "search_bigrams"(hay TEXT) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s TEXT := lower(hay) || ' ';
BEGIN
  RETURN array_to_tsvector(ARRAY(SELECT substr(s, i, 2) FROM generate_series(1, length(s) - 1) AS i));
END $$;

CREATE OR REPLACE FUNCTION "agency_search_tokens"(agency_id INTEGER, agency_name TEXT, region_code TEXT) RETURNS tsvector
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN "search_bigrams"(agency_name
    || ' ' || coalesce((SELECT string_agg(al."name", ' ') FROM "AgencyAlias" al WHERE al."agencyId" = agency_id), '')
    || ' ' || coalesce((SELECT r."path" FROM "Region" r WHERE r."code" = region_code), ''));
END $$;
