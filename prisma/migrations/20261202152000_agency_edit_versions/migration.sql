-- An edit of an agency that writes no report (a rename, a move to another region, a new level or kind) now moves the
-- data versions of the years it shows in, so the per-year snapshots that read it are rebuilt on their next read:
-- rankings and compare (the agency's name orders ties and the name sort, and names the chart's bars), coverage
-- (whether a body is its region's government depends on its name and kind) and region sums (the same test). Before,
-- such an edit moved only DataVersion 'all', and a snapshot of the year went on showing the old order and groups.
--
-- A move also carries the agency's peer-group keys over to its reports: "Report" holds copies of the agency's level,
-- kind and region codes (written by store_reports from the agency) so that peer groups stay index-driven; an edit of
-- "Agency" that left them behind kept a moved agency in its old province's rankings. Updating them fires the "Report"
-- triggers, which move the years of those reports (and recompute the holdings, which do not change).
--
-- Row-level with a WHEN clause: the holdings recomputation (refresh_agency_holdings) and the search-token updates
-- write "Agency" rows on every ingest, and the condition is checked without calling a function for them.
-- Alias edits are left to the existing triggers (DataVersion 'all', search tokens): no per-year snapshot reads aliases.
CREATE FUNCTION "agency_identity_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[];
BEGIN
  IF (OLD."level", OLD."kind", OLD."provinceCode", OLD."prefectureCode", OLD."countyCode", OLD."regionCode")
     IS DISTINCT FROM (NEW."level", NEW."kind", NEW."provinceCode", NEW."prefectureCode", NEW."countyCode", NEW."regionCode") THEN
    UPDATE "Report" r
    SET "level" = NEW."level", "kind" = NEW."kind", "provinceCode" = NEW."provinceCode",
        "prefectureCode" = NEW."prefectureCode", "countyCode" = NEW."countyCode", "regionCode" = NEW."regionCode"
    WHERE r."agencyId" = NEW."id";
  END IF;
  years := ARRAY(SELECT DISTINCT r."year" FROM "Report" r WHERE r."agencyId" = NEW."id");
  IF cardinality(years) > 0 THEN PERFORM "bump_data_versions"(years); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Agency_identity_changed"
  AFTER UPDATE OF "name", "level", "kind", "provinceCode", "prefectureCode", "countyCode", "regionCode" ON "Agency"
  FOR EACH ROW
  WHEN ((OLD."name", OLD."level", OLD."kind", OLD."provinceCode", OLD."prefectureCode", OLD."countyCode", OLD."regionCode")
        IS DISTINCT FROM (NEW."name", NEW."level", NEW."kind", NEW."provinceCode", NEW."prefectureCode", NEW."countyCode", NEW."regionCode"))
  EXECUTE FUNCTION "agency_identity_changed"();
