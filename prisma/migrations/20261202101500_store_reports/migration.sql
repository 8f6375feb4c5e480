-- The one write statement of reports (issue 13, bulk ingest): `store_reports` stores a batch of report rows, in order,
-- in ONE statement (one round trip; lib/db/upsert-report.ts). Being plpgsql, its statements are planned once per
-- connection, not once per report. No change to what is stored.
--
-- rows: UTF-8 JSON, an array of {"row": {"agency": AgencyIdentity, "report": {column: value}}, "at": n, "length": n}
--       where "report" holds the Report columns that come from the parse (figure columns included, by column name)
--       and at/length locate its original bytes in `sources` (all of the batch's originals, one after another).
-- Per row, as the single-statement CTE did before: identical bytes already stored → nothing written and no row
-- returned; else find the agency by key, else by alias (printed name) in the same region, else create it; add the
-- printed name as an alias when it differs; number the version after the stored ones and move isLatest to the new row.
-- Any failure fails the whole statement (and transaction): the caller then stores each row on its own.
--
-- Writers take one transaction-scoped advisory lock first: every writer bumps the DataVersion rows (the statement
-- triggers), which serialised them anyway from their first write; taking the lock first orders them before they touch
-- an Agency key or alias another uncommitted writer holds (two bulk writers used to deadlock there), and versions of
-- one agency and year are numbered with no other writer in between.
-- The Report row is built as a record of the table (jsonb_populate_record by column name), so a new figure column
-- needs no change here. A new Report column with a DEFAULT must be set below or sent by the caller (else NULL).
CREATE FUNCTION "store_reports"(rows_utf8 BYTEA, sources BYTEA)
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
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ogi:report-writers'));
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
END $$;
