-- The three statement triggers on "Report" that keep the 收录概况 columns of "Agency" (migrations agency_holdings and
-- ingest_trigger_costs) ran three near-identical functions; now they run one, which reads the transition tables its
-- event has: the inserted rows, the deleted rows, or both sides of an update (a report moved to another agency
-- refreshes both agencies). Same triggers, same names (so the same firing order after the data-version triggers),
-- same recomputation (refresh_agency_holdings). The deletion trigger now also waits while store_reports defers the
-- holdings (it deletes nothing, so nothing changes for it).
CREATE FUNCTION "report_rows_holdings"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[];
BEGIN
  IF current_setting('ogi.holdings_deferred', true) = 'on' THEN RETURN NULL; END IF;
  -- each branch names only the transition tables its trigger defines (plpgsql plans a statement when it first runs it)
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT "agencyId" FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    ids := ARRAY(SELECT "agencyId" FROM new_rows UNION SELECT "agencyId" FROM old_rows);
  ELSE
    ids := ARRAY(SELECT DISTINCT "agencyId" FROM old_rows);
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM "refresh_agency_holdings"(ids); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Report_inserted_holdings" AFTER INSERT ON "Report" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_rows_holdings"();
CREATE OR REPLACE TRIGGER "Report_updated_holdings" AFTER UPDATE ON "Report" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_rows_holdings"();
CREATE OR REPLACE TRIGGER "Report_deleted_holdings" AFTER DELETE ON "Report" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_rows_holdings"();

DROP FUNCTION "report_rows_inserted_holdings"();
DROP FUNCTION "report_rows_updated_holdings"();
DROP FUNCTION "report_rows_deleted_holdings"();
