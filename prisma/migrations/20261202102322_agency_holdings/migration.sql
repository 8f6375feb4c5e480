-- 收录概况 per agency (issue 13): how many years it has a latest report for, the first and last of them and the
-- last one's 申请量, kept on "Agency" so the region page counts, orders and pages a region's agencies from "Agency"
-- alone instead of reading every latest report under the region.
ALTER TABLE "Agency" ADD COLUMN     "firstYear" INTEGER,
ADD COLUMN     "latestRequestsReceived" INTEGER,
ADD COLUMN     "latestYear" INTEGER,
ADD COLUMN     "reportYears" INTEGER NOT NULL DEFAULT 0;

-- Recomputes the columns of these agencies from their latest reports (an agency without one goes back to 0 / NULL).
-- Rows whose values do not change are not written.
CREATE FUNCTION "refresh_agency_holdings"(ids INTEGER[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Agency" a
  SET "reportYears" = s."years", "firstYear" = s."first", "latestYear" = s."last", "latestRequestsReceived" = s."requests"
  FROM (
    SELECT i."id", count(r."year")::int AS "years", min(r."year") AS "first", max(r."year") AS "last",
           (array_agg(r."requestsReceived" ORDER BY r."year" DESC) FILTER (WHERE r."year" IS NOT NULL))[1] AS "requests"
    FROM (SELECT DISTINCT unnest(ids) AS "id") i
    LEFT JOIN "Report" r ON r."agencyId" = i."id" AND r."isLatest"
    GROUP BY i."id"
  ) s
  WHERE a."id" = s."id"
    AND (a."reportYears", a."firstYear", a."latestYear", a."latestRequestsReceived")
        IS DISTINCT FROM (s."years", s."first", s."last", s."requests");
END $$;

CREATE FUNCTION "report_rows_inserted_holdings"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[] := ARRAY(SELECT DISTINCT "agencyId" FROM new_rows);
BEGIN
  IF cardinality(ids) > 0 THEN PERFORM "refresh_agency_holdings"(ids); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "report_rows_updated_holdings"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[] := ARRAY(SELECT "agencyId" FROM new_rows UNION SELECT "agencyId" FROM old_rows);
BEGIN
  IF cardinality(ids) > 0 THEN PERFORM "refresh_agency_holdings"(ids); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "report_rows_deleted_holdings"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[] := ARRAY(SELECT DISTINCT "agencyId" FROM old_rows);
BEGIN
  IF cardinality(ids) > 0 THEN PERFORM "refresh_agency_holdings"(ids); END IF;
  RETURN NULL;
END $$;

-- Named after the data-version triggers of the same events ("Report_inserted" …), so they fire after them (triggers
-- of one event fire in name order): by then the writing transaction holds the DataVersion 'all' row, which every
-- writer locks first and keeps to its commit. Writers therefore reach these recomputations one at a time, each in a
-- statement that sees what the previous writer committed: no lost update, and no lock-order cycle on "Agency".
CREATE TRIGGER "Report_inserted_holdings" AFTER INSERT ON "Report" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_rows_inserted_holdings"();
CREATE TRIGGER "Report_updated_holdings" AFTER UPDATE ON "Report" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_rows_updated_holdings"();
CREATE TRIGGER "Report_deleted_holdings" AFTER DELETE ON "Report" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_rows_deleted_holdings"();

-- the agencies already stored
UPDATE "Agency" a
SET "reportYears" = s."years", "firstYear" = s."first", "latestYear" = s."last", "latestRequestsReceived" = s."requests"
FROM (
  SELECT r."agencyId", count(*)::int AS "years", min(r."year") AS "first", max(r."year") AS "last",
         (array_agg(r."requestsReceived" ORDER BY r."year" DESC))[1] AS "requests"
  FROM "Report" r WHERE r."isLatest" GROUP BY r."agencyId"
) s
WHERE a."id" = s."agencyId";
