-- Warming after an ingest costs what the ingest changed (issue 13). Every write of a report now also records, in the
-- writing transaction, which latest reports it touched and where they sit: a row of "ReportChange" per latest report
-- inserted, demoted, updated or deleted (both sides of an update), with the peer-group keys the stored snapshots are
-- partitioned by (year, level, kind, region codes, 报告口径) and the "all" DataVersion of the transaction. Every writer
-- moves "all" first and holds its row to the commit, so that version orders the writing transactions as they commit:
-- a statement that reads "all" = V sees exactly the changes with "allVersion" <= V.
--
-- A snapshot records the "all" version it was computed from (same statement as its rows); after an ingest the warmer
-- (lib/db/snapshot-warm) reads the changes since then and rebuilds only what they touch: the ranking groups whose peer
-- group holds one of the changed reports (before or after), and in coverage and region sums only the regions that
-- hold one. Everything else moves to the new data version untouched.
--
-- "ReportChangeHorizon" says, per year, up to which "all" version its changes were pruned (lib/db/change-log
-- pruneChangeLog, once no snapshot needs them): a snapshot computed before its year's horizon (or before this migration:
-- no "allVersion") is rebuilt as before. A year without a row has every change since this migration in the log.
CREATE TABLE "ReportChange" (
    "id" BIGSERIAL NOT NULL,
    "allVersion" BIGINT NOT NULL,
    "year" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "level" TEXT,
    "kind" TEXT,
    "scope" TEXT,
    "provinceCode" TEXT,
    "prefectureCode" TEXT,
    "countyCode" TEXT,
    "regionCode" TEXT,

    CONSTRAINT "ReportChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ReportChange_allVersion_idx" ON "ReportChange"("allVersion");

CREATE TABLE "ReportChangeHorizon" (
    "year" INTEGER NOT NULL,
    "allVersion" BIGINT NOT NULL,

    CONSTRAINT "ReportChangeHorizon_pkey" PRIMARY KEY ("year")
);

-- the "all" version each snapshot was computed from; null: built before the log, rebuilt as before
ALTER TABLE "RankingSnapshot" ADD COLUMN "allVersion" BIGINT, ADD COLUMN "members" JSONB;
ALTER TABLE "CoverageSnapshot" ADD COLUMN "allVersion" BIGINT;
ALTER TABLE "RegionSumSnapshot" ADD COLUMN "allVersion" BIGINT;

-- The "all" version of the writing transaction (called after bump_data_versions moved it, so the transaction's own).
CREATE FUNCTION "current_all_version"() RETURNS BIGINT LANGUAGE sql STABLE AS $$
  SELECT coalesce(max(d."version"), 0) FROM "DataVersion" d WHERE d."scope" = 'all'
$$;

CREATE OR REPLACE FUNCTION "report_inserted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT DISTINCT "year" FROM new_rows);
BEGIN
  IF cardinality(years) > 0 THEN
    PERFORM "bump_data_versions"(years);
    INSERT INTO "ReportChange" ("allVersion", "year", "agencyId", "level", "kind", "scope", "provinceCode", "prefectureCode",
                                "countyCode", "regionCode")
      SELECT "current_all_version"(), n."year", n."agencyId", n."level", n."kind", n."scope", n."provinceCode",
             n."prefectureCode", n."countyCode", n."regionCode"
      FROM new_rows n WHERE n."isLatest";
  END IF;
  RETURN NULL;
END $$;

-- both sides of an update, where they are latest (a demotion logs the demoted report as it was; an edit of the peer-group
-- keys logs where the report was and where it is)
CREATE OR REPLACE FUNCTION "report_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT "year" FROM new_rows UNION SELECT "year" FROM old_rows);
BEGIN
  IF cardinality(years) > 0 THEN
    PERFORM "bump_data_versions"(years);
    INSERT INTO "ReportChange" ("allVersion", "year", "agencyId", "level", "kind", "scope", "provinceCode", "prefectureCode",
                                "countyCode", "regionCode")
      SELECT DISTINCT "current_all_version"(), c."year", c."agencyId", c."level", c."kind", c."scope", c."provinceCode",
             c."prefectureCode", c."countyCode", c."regionCode"
      FROM (SELECT * FROM old_rows WHERE "isLatest" UNION ALL SELECT * FROM new_rows WHERE "isLatest") c;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "report_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  years INTEGER[] := ARRAY(SELECT DISTINCT "year" FROM old_rows);
BEGIN
  IF cardinality(years) > 0 THEN
    PERFORM "bump_data_versions"(years);
    INSERT INTO "ReportChange" ("allVersion", "year", "agencyId", "level", "kind", "scope", "provinceCode", "prefectureCode",
                                "countyCode", "regionCode")
      SELECT "current_all_version"(), o."year", o."agencyId", o."level", o."kind", o."scope", o."provinceCode",
             o."prefectureCode", o."countyCode", o."regionCode"
      FROM old_rows o WHERE o."isLatest";
  END IF;
  RETURN NULL;
END $$;

-- An agency edit (migration agency_edit_versions): a move or a new level or kind updates its reports (logged above);
-- a rename changes no report but what the snapshots show of them (the name orders ties and names rows, and decides
-- whether a body is its region's government), so its latest reports are logged as changed too.
CREATE OR REPLACE FUNCTION "agency_identity_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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
  IF cardinality(years) > 0 THEN
    PERFORM "bump_data_versions"(years);
    INSERT INTO "ReportChange" ("allVersion", "year", "agencyId", "level", "kind", "scope", "provinceCode", "prefectureCode",
                                "countyCode", "regionCode")
      SELECT "current_all_version"(), r."year", r."agencyId", r."level", r."kind", r."scope", r."provinceCode",
             r."prefectureCode", r."countyCode", r."regionCode"
      FROM "Report" r WHERE r."agencyId" = NEW."id" AND r."isLatest";
  END IF;
  RETURN NULL;
END $$;
