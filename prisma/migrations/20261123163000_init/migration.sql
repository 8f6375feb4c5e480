-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "parentCode" TEXT,
    "path" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT,
    "level" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "provinceCode" TEXT,
    "prefectureCode" TEXT,
    "countyCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyAlias" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "agencyId" INTEGER NOT NULL,

    CONSTRAINT "AgencyAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" SERIAL NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "isLatest" BOOLEAN NOT NULL DEFAULT true,
    "templateVersion" TEXT NOT NULL,
    "publishedOn" TEXT,
    "sha256" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceBytes" BYTEA,
    "sourceText" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "fileName" TEXT,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "document" JSONB NOT NULL,
    "provenance" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "identitiesOk" BOOLEAN NOT NULL DEFAULT true,
    "level" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "provinceCode" TEXT,
    "prefectureCode" TEXT,
    "countyCode" TEXT,
    "regionCode" TEXT,
    "requestsReceived" INTEGER,
    "requestsHandled" INTEGER,
    "carriedOver" INTEGER,
    "carriedForward" INTEGER,
    "notHeld" INTEGER,
    "disclosed" INTEGER,
    "notHeldRate" DOUBLE PRECISION,
    "disclosureRate" DOUBLE PRECISION,
    "reviewTotal" INTEGER,
    "reviewCorrected" INTEGER,
    "reviewDecided" INTEGER,
    "reviewCorrectionRate" DOUBLE PRECISION,
    "litigationTotal" INTEGER,
    "litigationCorrected" INTEGER,
    "litigationDecided" INTEGER,
    "litigationCorrectionRate" DOUBLE PRECISION,
    "licensing" INTEGER,
    "penalty" INTEGER,
    "coercion" INTEGER,
    "feesWanYuan" DOUBLE PRECISION,
    "normativeDocumentsIssued" INTEGER,
    "normativeDocumentsInForce" INTEGER,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Region_name_idx" ON "Region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_key_key" ON "Agency"("key");

-- CreateIndex
CREATE INDEX "Agency_name_idx" ON "Agency"("name");

-- CreateIndex
CREATE INDEX "Agency_regionCode_idx" ON "Agency"("regionCode");

-- CreateIndex
CREATE INDEX "Agency_provinceCode_level_kind_idx" ON "Agency"("provinceCode", "level", "kind");

-- CreateIndex
CREATE INDEX "Agency_prefectureCode_level_kind_idx" ON "Agency"("prefectureCode", "level", "kind");

-- CreateIndex
CREATE INDEX "AgencyAlias_name_idx" ON "AgencyAlias"("name");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyAlias_agencyId_name_key" ON "AgencyAlias"("agencyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Report_sha256_key" ON "Report"("sha256");

-- CreateIndex
CREATE INDEX "Report_agencyId_year_isLatest_idx" ON "Report"("agencyId", "year", "isLatest");

-- CreateIndex
CREATE INDEX "Report_year_isLatest_level_kind_provinceCode_idx" ON "Report"("year", "isLatest", "level", "kind", "provinceCode");

-- CreateIndex
CREATE INDEX "Report_year_isLatest_level_kind_prefectureCode_idx" ON "Report"("year", "isLatest", "level", "kind", "prefectureCode");

-- CreateIndex
CREATE INDEX "Report_year_isLatest_level_kind_countyCode_idx" ON "Report"("year", "isLatest", "level", "kind", "countyCode");

-- CreateIndex
CREATE INDEX "Report_regionCode_year_idx" ON "Report"("regionCode", "year");

-- CreateIndex
CREATE INDEX "Report_ingestedAt_idx" ON "Report"("ingestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Report_agencyId_year_version_key" ON "Report"("agencyId", "year", "version");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAlias" ADD CONSTRAINT "AgencyAlias_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
