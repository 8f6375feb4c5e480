-- CreateTable
CREATE TABLE "DataVersion" (
    "scope" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "RankingSnapshot" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "peers" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "notReported" INTEGER NOT NULL,
    "smallSample" INTEGER NOT NULL,
    "identityFailed" INTEGER NOT NULL,
    "median" DOUBLE PRECISION,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RankingSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RankingEntry" (
    "snapshotId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "ascPosition" INTEGER,
    "namePosition" INTEGER,
    "rank" INTEGER,
    "percentile" DOUBLE PRECISION,
    "reportId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "value" DOUBLE PRECISION,

    CONSTRAINT "RankingEntry_pkey" PRIMARY KEY ("snapshotId","position")
);

-- CreateIndex
CREATE INDEX "RankingSnapshot_key_version_idx" ON "RankingSnapshot"("key", "version");

-- CreateIndex
CREATE INDEX "RankingEntry_snapshotId_agencyId_idx" ON "RankingEntry"("snapshotId", "agencyId");

-- CreateIndex
CREATE INDEX "RankingEntry_snapshotId_ascPosition_idx" ON "RankingEntry"("snapshotId", "ascPosition");

-- CreateIndex
CREATE INDEX "RankingEntry_snapshotId_namePosition_idx" ON "RankingEntry"("snapshotId", "namePosition");

-- AddForeignKey
ALTER TABLE "RankingEntry" ADD CONSTRAINT "RankingEntry_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "RankingSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions move forward in the transaction that writes (statement-level triggers, so a bulk statement bumps once):
-- scope all on any change to reports, agencies or aliases, scope year:YYYY for every year whose reports changed.
-- Rows are locked in one order (all first) so concurrent writers cannot deadlock on them.
CREATE FUNCTION "bump_data_versions"(years INTEGER[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DataVersion" ("scope", "version") VALUES ('all', 1)
    ON CONFLICT ("scope") DO UPDATE SET "version" = "DataVersion"."version" + 1;
  INSERT INTO "DataVersion" ("scope", "version")
    SELECT 'year:' || y, 1 FROM (SELECT DISTINCT unnest(years) AS y) d WHERE y IS NOT NULL ORDER BY 1
    ON CONFLICT ("scope") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END $$;

CREATE FUNCTION "report_inserted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_data_versions"(ARRAY(SELECT DISTINCT "year" FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION "report_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_data_versions"(ARRAY(SELECT "year" FROM new_rows UNION SELECT "year" FROM old_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION "report_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_data_versions"(ARRAY(SELECT DISTINCT "year" FROM old_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION "store_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_data_versions"(ARRAY[]::INTEGER[]);
  RETURN NULL;
END $$;

CREATE TRIGGER "Report_inserted" AFTER INSERT ON "Report" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_inserted"();
CREATE TRIGGER "Report_updated" AFTER UPDATE ON "Report" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_updated"();
CREATE TRIGGER "Report_deleted" AFTER DELETE ON "Report" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_deleted"();
CREATE TRIGGER "Agency_changed" AFTER INSERT OR UPDATE OR DELETE ON "Agency"
  FOR EACH STATEMENT EXECUTE FUNCTION "store_changed"();
CREATE TRIGGER "AgencyAlias_changed" AFTER INSERT OR UPDATE OR DELETE ON "AgencyAlias"
  FOR EACH STATEMENT EXECUTE FUNCTION "store_changed"();
